/**
 * An existing backend account, as the import and the cutover rehearsal read it.
 *
 * The path of every account through this layer:
 *   read (REST API with a read-only key, or a directory of JSON exports of the same endpoints) → AccountExport
 *   → observe: the account in the provider's input form, as `pulumi import` would read it → ObservedState
 *   → import: YAML documents for teams/, the links from each observed object to the name the renderer gives the
 *     imported YAML object, and the findings (what the YAML cannot say, with the source object and why)
 *   → rename (rename.ts): the observed state under the planned names. It then compares with a plan input by input
 *     (the no-change check), maps planned names to ids (the bulk-import file), and is read by the backend
 *     interpreters (the rehearsal).
 */
import type { Backend, DesiredResource, DesiredState } from '../render/desired';
import type { AlertsFile, OrgFile, TeamFile } from '../spec/spec-types.generated';

/** Where an account is read. */
export type AccountSource =
  | {
      readonly kind: 'api';
      /** The API's base URL (the vendor's, or a local server in tests). */
      readonly baseUrl: string;
      /** Request headers carrying the read-only key(s); never logged, never in an error. */
      readonly headers: Readonly<Record<string, string>>;
    }
  | { readonly kind: 'dir'; readonly dir: string };

/**
 * The raw objects of an account, by endpoint key: a path under the API root without its version prefix and
 * query, e.g. `schedules` or `schedules/PABC123/overrides`. A directory export holds one file `<key>.json` per
 * key (an array of the objects, pages concatenated).
 */
export interface AccountExport {
  readonly backend: Backend;
  readonly endpoints: ReadonlyMap<string, readonly unknown[]>;
}

/** The API object a resource or a finding comes from. */
export interface SourceObject {
  readonly backend: Backend;
  /** The API's own word for it: `schedule`, `escalation_policy`, `team`, `routing rule`… */
  readonly type: string;
  readonly id: string;
  readonly name?: string;
}

/**
 * An object of the account in the provider's input form (the property names and shapes the provider's Read
 * stores). Names are provisional (`<type>/<id>`) until renamed; references to other observed objects are
 * `$ref`s to their provisional names; users are `getUser`-style look-ups by e-mail, as the renderer writes them.
 */
export interface ObservedResource extends DesiredResource {
  /** The provider's id for `pulumi import`. */
  readonly id: string;
  readonly from: SourceObject;
}

export interface ObservedState extends DesiredState {
  readonly resources: readonly ObservedResource[];
}

/** Something of the account the YAML does not carry, or carries approximately. */
export interface ImportFinding {
  readonly source: SourceObject;
  /** What is not imported, e.g. `notification rules`, `custom routing condition on priority`. */
  readonly what: string;
  readonly why: string;
  /** `dropped`: not in the YAML; `approximated`: in the YAML, but pages differently (the rehearsal shows where). */
  readonly kind: 'dropped' | 'approximated';
}

/**
 * The YAML documents of an import, as plain objects of the schemas' types, and comments to write above keys.
 * Comment keys are `<file>#<JSON pointer>`, e.g. `platform/team.yaml#/rotations/primary` or `org.yaml#/people/ada`.
 */
export interface ImportedTeams {
  readonly org: OrgFile;
  /** By squad id (the folder name). */
  readonly squads: ReadonlyMap<string, TeamFile>;
  /** By squad id: written as `<squad>/alerts/imported.yaml` (the loader reads `alerts/*.yaml`); comment keys may name it `<squad>/alerts.yaml`. */
  readonly alerts: ReadonlyMap<string, AlertsFile>;
  readonly comments: ReadonlyMap<string, string>;
}

/** From an observed resource (provisional name) to the name the renderer gives the YAML object imported from it. */
export interface ImportLink {
  readonly observed: string;
  readonly planned: string;
}

export interface ImportResult {
  readonly teams: ImportedTeams;
  readonly links: readonly ImportLink[];
  readonly findings: readonly ImportFinding[];
}

export interface ImportOptions {
  /** Import phone numbers (off by default: personal data). */
  readonly phones: boolean;
  /** Overrides that ended before this instant (epoch ms) are history, not imported. */
  readonly now: number;
}

/** One backend's account reading and import. */
export interface AccountAdapter {
  readonly backend: Backend;
  /** The word on the command line: `oncall import <command>`. */
  readonly command: 'pagerduty' | 'opsgenie' | 'datadog-oncall';
  readonly defaultBaseUrl: string;
  /** Request headers from the environment (`undefined` with the names of the missing variables). */
  headersFromEnv(env: NodeJS.ProcessEnv): { readonly headers: Record<string, string> } | { readonly missing: readonly string[] };
  /** Reads every endpoint the import needs, following pagination. */
  read(source: AccountSource): Promise<AccountExport>;
  /** Pure. */
  observe(account: AccountExport): ObservedState;
  /** Pure and deterministic: the same account gives the same YAML, byte for byte once written. */
  importTeams(observed: ObservedState, options: ImportOptions): ImportResult;
}
