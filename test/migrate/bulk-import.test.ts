/**
 * The bulk-import file names each resource exactly as the Pulumi program registers it. Oracle: the types, names
 * and parents the Pulumi SDK recorded for the resources of `OnCallOrganisation` (run under the SDK's mocks) on
 * the imported YAML, as URNs, against the URNs Pulumi derives from the file's entries: `urn:pulumi:<stack>::<project>::<parent types, $-joined,
 * then the type>::<logicalName>` (pulumi/pulumi sdk/go/common/resource/urn.go NewURN, and
 * pkg/cmd/pulumi/operations/import.go parseImportFile, which builds the parent's type chain from `parent`).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as pulumi from '@pulumi/pulumi';
import { describe, expect, it } from 'vitest';
import { OnCallOrganisation } from '../../modules/pulumi/organisation';
import { PROGRAM_COMPONENT } from '../../modules/pulumi/scoped-names';
import { adoptionOf, isDynamic } from '../../modules/migrate/adoption';
import { bulkImportFile, importFileText, type ImportSpec } from '../../modules/migrate/bulk-import';
import { renameObserved } from '../../modules/migrate/rename';
import { teamsText, writeTeamsDir } from '../../modules/migrate/write-teams';
import type { ObservedResource } from '../../modules/migrate/account';
import { installMocks } from '../pulumi/mocks';
import { providerVersions } from '../../modules/cli/import/provider-versions';
import { OPSGENIE_VERSION } from '../../modules/pulumi/opsgenie/version';
import { accountOf, importedTeams, plannedState } from './fake-account';

installMocks();

/**
 * The URN the engine gives a resource, from what the SDK recorded when the program registered it: its type, its
 * name and its parent (@pulumi/pulumi 3.270.0 resource.js keeps them as `__pulumiType`, `__name` and
 * `__parentResource`). Parent types are chained up to the stack, which is left out (as createUrn does). The
 * mocks' own URNs keep only the nearest parent's type, unlike the engine, so they are not used.
 */
interface Recorded {
  readonly __pulumiType: string;
  readonly __name: string;
  readonly __parentResource?: Recorded;
}
function engineUrn(resource: pulumi.Resource): string {
  const chain: string[] = [];
  for (
    let r: Recorded | undefined = resource as unknown as Recorded;
    r && r.__pulumiType !== 'pulumi:pulumi:Stack';
    r = r.__parentResource
  ) {
    chain.unshift(r.__pulumiType);
  }
  return `urn:pulumi:acme-test::oncall-as-code::${chain.join('$')}::${(resource as unknown as Recorded).__name}`;
}

/** The URN Pulumi gives an entry of an import file. */
function urnOfEntry(entry: ImportSpec, byName: ReadonlyMap<string, ImportSpec>): string {
  const chain: string[] = [];
  for (let e: ImportSpec | undefined = entry; e; e = e.parent === undefined ? undefined : byName.get(e.parent)) chain.unshift(e.type);
  return `urn:pulumi:acme-test::oncall-as-code::${chain.join('$')}::${entry.logicalName}`;
}

describe('the bulk-import file', () => {
  const now = Date.now();
  const teams = importedTeams();
  const planned = plannedState(teams, now);
  const { export: account, links } = accountOf(planned);
  const observed = { stack: 'account', backend: 'pagerduty' as const, resources: account.endpoints.get('resources') as ObservedResource[] };
  const adoption = adoptionOf(planned, renameObserved(observed, links));
  const file = bulkImportFile(adoption.imported, { '@pulumi/pagerduty': '3.4.0', '@pulumi/datadog': '5.11.0' });

  const dir = join(mkdtempSync(join(tmpdir(), 'oncall-bulk-')), 'teams');
  writeTeamsDir(dir, teamsText(teams, { schemas: '../schemas', header: [] }).files);

  it.each([PROGRAM_COMPONENT, 'next'])(
    'gives every resource that is not dynamic the URN the engine gives it, with its id (component %s)',
    (component) => {
      const file = bulkImportFile(adoption.imported, { '@pulumi/pagerduty': '3.4.0', '@pulumi/datadog': '5.11.0' }, component);
      const org = new OnCallOrganisation(component, { backend: 'pagerduty', teamsDir: dir, pagerdutySubdomain: 'acme' });
      const registered = new Set(
        [
          org,
          ...Object.values(org.squads),
          ...[...org.resources.values()].filter((r) => !isDynamic((r as unknown as Recorded).__pulumiType)),
        ].map(engineUrn),
      );
      expect(registered.size).toBeGreaterThan(40);
      const byName = new Map(file.resources.map((e) => [e.name, e]));
      expect(byName.size).toBe(file.resources.length);
      const fromFile = file.resources.map((e) => urnOfEntry(e, byName));
      expect(new Set(fromFile).size).toBe(fromFile.length);
      expect(new Set(fromFile)).toEqual(registered);
      // Each resource carries the account's id of the object it stands for.
      const ids = new Map(observed.resources.map((r) => [links.find((l) => l.observed === r.name)!.planned, r.id]));
      for (const e of file.resources.filter((x) => !x.component)) expect(e.id).toBe(ids.get(e.logicalName.slice(component.length + 1)));
    },
  );

  it('leaves out the dynamic resources (overrides, phone lines) and lookups, which Pulumi cannot import', () => {
    expect(adoption.adoptedOnCreate.length).toBeGreaterThan(0);
    expect(file.resources.some((e) => e.type.startsWith('pulumi-nodejs:dynamic'))).toBe(false);
    expect(file.resources.some((e) => e.type.includes('/get'))).toBe(false);
  });

  it('is the JSON of `pulumi import --file`: components without id, resources with id and their provider release', () => {
    const text = importFileText(file);
    const read = JSON.parse(text) as { resources: Array<Record<string, unknown>> };
    for (const e of read.resources) {
      // parseImportFile: a component has no ID, anything else needs one.
      expect(e.component === true ? e.id === undefined : typeof e.id === 'string').toBe(true);
      if (e.component !== true) expect(e.version).toBe(String(e.type).startsWith('pagerduty:') ? '3.4.0' : '5.11.0');
    }
    expect(text.startsWith('{\n    "resources": [\n')).toBe(true);
  });
});

describe('the provider releases of the bulk-import file', () => {
  it('are those the SDKs register their resources with (their utilities `getVersion`) and the Opsgenie bindings pin', async () => {
    const sdk = async (name: string) => ((await import(`${name}/utilities`)) as { getVersion(): string }).getVersion();
    expect(providerVersions(process.cwd())).toEqual({
      '@pulumi/pagerduty': await sdk('@pulumi/pagerduty'),
      '@pulumi/datadog': await sdk('@pulumi/datadog'),
      'opsgenie-binding': OPSGENIE_VERSION,
    });
  });
});
