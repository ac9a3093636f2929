/**
 * The file of `pulumi import --file`: every planned resource with its object in the account, by the URN the
 * Pulumi program gives it, so that the first `pulumi up` adopts it instead of creating another.
 *
 * The format is Pulumi's `importFile` (pulumi/pulumi, pkg/cmd/pulumi/operations/import.go, commit
 * 1b5949891b3c: `nameTable`, `resources[{type, name, id, parent, provider, version, logicalName, component,
 * remote}]`). A resource's URN is built from its type, its `logicalName` and its parent's chain of types, so
 * each entry names exactly what the program registers (modules/pulumi/organisation.ts): the organisation
 * component (`oncall:index:Organisation`, named as the program names it), one `oncall:squad:Squad` per squad
 * under it (named `<component>/<squad>`), and each resource under its squad's component (or under the
 * organisation, for what belongs to no squad), named `<component>/<name>` (scoped-names.ts). The components do
 * not exist yet in a new stack: the file creates them, empty (`component: true`, Pulumi 3.94 and later).
 * `version` is the provider release the program registers with, so that the import uses its default provider.
 */
import { descriptorOf } from '../backends';
import { COMPONENTS } from '../backends/components';
import type { Registration } from '../backends/descriptor';
import { ORGANISATION } from '../render/alerts/status-page';
import { PROGRAM_COMPONENT, scopedName } from '../pulumi/scoped-names';
import type { Adopted } from './adoption';

export interface ImportSpec {
  readonly type: string;
  /** Unique in the file: what `parent` refers to. */
  readonly name: string;
  readonly logicalName: string;
  readonly id?: string;
  readonly parent?: string;
  readonly version?: string;
  readonly component?: boolean;
}

export interface ImportFile {
  readonly nameTable?: Readonly<Record<string, string>>;
  readonly resources: readonly ImportSpec[];
}

/** Provider releases by registration package (`@pulumi/pagerduty` → `3.4.0`); a package without one gets none. */
export type ProviderVersions = Partial<Readonly<Record<Registration['package'], string>>>;

const componentEntry = (logicalName: string) => `component:${logicalName}`;

/**
 * The import file of the adopted resources. `component` is the name the program gives `OnCallOrganisation`
 * (`organisation` in the template's program and in `oncall init`'s).
 */
export function bulkImportFile(imported: readonly Adopted[], versions: ProviderVersions, component = PROGRAM_COMPONENT): ImportFile {
  const squads = [...new Set(imported.map((a) => a.planned.squad).filter((s) => s !== ORGANISATION))].sort();
  const root = componentEntry(component);
  const resources: ImportSpec[] = [
    { type: COMPONENTS.organisation, name: root, logicalName: component, component: true },
    ...squads.map((s) => ({
      type: COMPONENTS.squad,
      name: componentEntry(scopedName(component, s)),
      logicalName: scopedName(component, s),
      parent: root,
      component: true,
    })),
  ];
  const sorted = [...imported].sort((a, b) => (a.planned.name < b.planned.name ? -1 : a.planned.name > b.planned.name ? 1 : 0));
  for (const { planned, observed } of sorted) {
    const pkg = descriptorOf(planned.type)?.registration.package;
    const version = pkg === undefined ? undefined : versions[pkg];
    const logicalName = scopedName(component, planned.name);
    resources.push({
      type: planned.type,
      name: logicalName,
      logicalName,
      id: observed.id,
      parent: planned.squad === ORGANISATION ? root : componentEntry(scopedName(component, planned.squad)),
      ...(version === undefined ? {} : { version }),
    });
  }
  return { resources };
}

/** As Pulumi writes its own import files (`writeImportFile`: four spaces, a final newline). */
export function importFileText(file: ImportFile): string {
  return `${JSON.stringify(file, null, 4)}\n`;
}
