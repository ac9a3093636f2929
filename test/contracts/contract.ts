/**
 * Provider contracts: for each resource type a stack emits, what the provider enforces at the version this
 * project pins (formats, enums, ranges, conflicting fields, required blocks, Pulumi names of Terraform fields)
 * and what it reads back after `pulumi up` (Computed fields, API defaults, fields dropped on read). Every rule
 * names the provider file it was read from, as `owner/repo@tag:path`.
 *
 * The "second plan" is what `pulumi preview` would show right after the first `pulumi up`: the inputs of the
 * plan compared with the state the provider reads back. A contract is right when it follows the provider's
 * source; a renderer is right when every resource passes `validate` and its second plan is empty.
 */
import type { DesiredResource, Value } from '../../modules/render/desired';

/** Where a rule was read: `owner/repo@tag:path` (a function or schema field may follow after `#`). */
export type SourceRef = string;

export interface Violation {
  /** Dotted path into the inputs, list items as `[i]`: `layers[0].start`. */
  readonly path: string;
  readonly message: string;
  readonly source: SourceRef;
}

export interface ContractContext {
  /** The instant `pulumi up` runs (what the provider reads back may depend on it). */
  readonly now: number;
  /** Every resource of the same plan, by name: for rules across resources (ordering, dependencies). */
  readonly resources: ReadonlyMap<string, DesiredResource>;
}

export interface ResourceContract {
  /** Pulumi type token. */
  readonly type: string;
  /** The provider file that defines the resource's schema. */
  readonly source: SourceRef;
  /** What the provider refuses at preview or apply; empty when it accepts the inputs. */
  validate(resource: DesiredResource, ctx: ContractContext): Violation[];
  /**
   * The state after apply and refresh, in Pulumi input names: the inputs as the provider's Read sets them
   * (values normalised or defaulted by the API, fields dropped on read). Symbolic references stay as they are.
   */
  readBack(resource: DesiredResource, ctx: ContractContext): Record<string, Value>;
  /**
   * Paths (list items written `[]`) that are Optional and Computed: absent from the inputs, whatever is read
   * back makes no diff.
   */
  readonly computed: readonly string[];
  /** Paths (list items written `[]`) whose change replaces the resource (ForceNew). */
  readonly forceNew: readonly string[];
}

/**
 * The inputs whose change replaces the resource, as the plan (modules/render/diff.ts) and a descriptor's
 * `replaceOn` name them: the top-level input of each ForceNew path. A ForceNew field inside a block
 * (`emailFilters[].subjectMode`) replaces the resource when it changes, and Pulumi reports a replacement by the
 * top-level property that holds it (a DiffResponse's `replaces` are property keys), so it maps to its block
 * input (`emailFilters`). That is conservative: a change of another field of the same block is shown as a
 * replacement too, where the provider might update in place; no contract has such a field today.
 */
export function replacedInputs(contract: Pick<ResourceContract, 'forceNew'>): string[] {
  return [...new Set(contract.forceNew.map((p) => p.split(/[.[]/, 1)[0] as string))].sort();
}

export interface SecondPlan {
  /** Paths that differ between the inputs and the state read back. */
  readonly changed: string[];
  /** The changed paths that force a replacement. */
  readonly replaced: string[];
}

const pattern = (path: string): string => path.replace(/\[\d+\]/g, '[]');

function matches(path: string, list: readonly string[]): boolean {
  const p = pattern(path);
  return list.some((c) => p === c || p.startsWith(`${c}.`) || p.startsWith(`${c}[]`));
}

const isObject = (v: unknown): v is Record<string, Value> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !('$ref' in v) && !('$invoke' in v) && !('$concat' in v);

function walk(planned: Value | undefined, state: Value | undefined, path: string, computed: readonly string[], out: string[]): void {
  if (planned === undefined) {
    if (state !== undefined && !matches(path, computed)) out.push(path);
    return;
  }
  if (Array.isArray(planned) && Array.isArray(state)) {
    if (planned.length !== state.length) {
      out.push(path);
      return;
    }
    planned.forEach((v, i) => walk(v, state[i], `${path}[${i}]`, computed, out));
    return;
  }
  if (isObject(planned) && isObject(state)) {
    for (const key of new Set([...Object.keys(planned), ...Object.keys(state)]))
      walk(planned[key], state[key], path === '' ? key : `${path}.${key}`, computed, out);
    return;
  }
  if (JSON.stringify(planned) !== JSON.stringify(state)) out.push(path);
}

/** What `pulumi preview` shows for `resource` right after it was applied: nothing, when the contract holds. */
export function secondPlan(contract: ResourceContract, resource: DesiredResource, ctx: ContractContext): SecondPlan {
  const changed: string[] = [];
  walk(resource.inputs as Value, contract.readBack(resource, ctx), '', contract.computed, changed);
  return { changed, replaced: changed.filter((p) => matches(p, contract.forceNew)) };
}

/** A backend's contracts by type token. */
export type BackendContracts = ReadonlyMap<string, ResourceContract>;

export function contractsOf(list: readonly ResourceContract[]): BackendContracts {
  return new Map(list.map((c) => [c.type, c]));
}

/** Every violation of a plan, and every resource type the contracts do not describe. */
export function checkPlan(contracts: BackendContracts, resources: readonly DesiredResource[], now: number): string[] {
  const ctx: ContractContext = { now, resources: new Map(resources.map((r) => [r.name, r])) };
  const out: string[] = [];
  for (const r of resources) {
    const contract = contracts.get(r.type);
    if (!contract) {
      out.push(`${r.name}: no contract for ${r.type}`);
      continue;
    }
    for (const v of contract.validate(r, ctx)) out.push(`${r.name}.${v.path}: ${v.message} (${v.source})`);
    const plan = secondPlan(contract, r, ctx);
    for (const p of plan.changed)
      out.push(`${r.name}.${p}: differs after apply${plan.replaced.includes(p) ? ' and replaces the resource' : ''} (${contract.source})`);
  }
  return out;
}
