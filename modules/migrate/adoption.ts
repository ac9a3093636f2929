/**
 * Adoption without recreation: a stack on the account's own backend, planned on the imported YAML, set against
 * the account under the planned names (rename.ts). Each planned resource either has its object in the account
 * (imported with its id: `pulumi import --file`), is created by the first `pulumi up`, or is one of our
 * dynamic resources, which Pulumi cannot import (pulumi/pulumi#16175: the dynamic provider's code is not
 * known at import time) and whose provider adopts the account's object when it creates it. Account objects no
 * planned resource stands for are left alone: they are not in the stack's state, so nothing deletes them.
 *
 * The plan set against the account is the no-change check: the diff of modules/render/diff.ts, from the
 * account (before) to the plan (after), over the resources both hold.
 */
import { descriptorOf } from '../backends';
import type { DesiredResource, DesiredState, Value } from '../render/desired';
import { diffStates, type StateDiff } from '../render/diff';
import type { ObservedResource, ObservedState } from './account';

export interface Adopted {
  readonly planned: DesiredResource;
  readonly observed: ObservedResource;
}

export interface Adoption {
  /** Planned resources with their object in the account: the bulk-import file's entries. */
  readonly imported: readonly Adopted[];
  /** Dynamic resources with their object in the account: registered by the first `pulumi up`, which adopts it. */
  readonly adoptedOnCreate: readonly Adopted[];
  /** Planned resources with nothing in the account: created by the first `pulumi up`. */
  readonly created: readonly DesiredResource[];
  /** Objects of the account that nothing planned stands for. */
  readonly leftAlone: readonly ObservedResource[];
  /** The account (before) and the plan (after), over the resources both hold. */
  readonly diff: StateDiff;
}

const key = (r: { type: string; name: string }) => `${r.type}\u0000${r.name}`;

/** Our own dynamic providers' resources (`pulumi-nodejs:dynamic/…`): not importable by Pulumi. */
export function isDynamic(type: string): boolean {
  return descriptorOf(type)?.registration.package === 'dynamic' || type.startsWith('pulumi-nodejs:dynamic');
}

/** The resource with its set inputs in one order (the provider sees no change in their order). */
function setsSorted<R extends DesiredResource>(r: R): R {
  const sets = descriptorOf(r.type)?.setInputs ?? [];
  if (!sets.some((k) => Array.isArray(r.inputs[k]))) return r;
  const inputs: Record<string, Value> = { ...r.inputs };
  for (const k of sets) {
    const v = inputs[k];
    if (Array.isArray(v))
      inputs[k] = [...v].sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : JSON.stringify(a) > JSON.stringify(b) ? 1 : 0));
  }
  return { ...r, inputs };
}

/** `renamed` is the account under the planned names: renameObserved(observed, links). */
export function adoptionOf(planned: DesiredState, renamed: ObservedState): Adoption {
  const observed = new Map(renamed.resources.map((r) => [key(r), r]));
  const plannedKeys = new Set(planned.resources.map(key));
  const imported: Adopted[] = [];
  const adoptedOnCreate: Adopted[] = [];
  const created: DesiredResource[] = [];
  for (const r of planned.resources) {
    const twin = observed.get(key(r));
    if (!twin) created.push(r);
    else (isDynamic(r.type) ? adoptedOnCreate : imported).push({ planned: r, observed: twin });
  }
  const leftAlone = renamed.resources.filter((r) => !plannedKeys.has(key(r)));
  const both = renamed.resources.filter((r) => plannedKeys.has(key(r)));
  const diff = diffStates({ ...renamed, resources: both.map(setsSorted) }, { ...planned, resources: planned.resources.map(setsSorted) });
  return { imported, adoptedOnCreate, created, leftAlone, diff };
}

/** Nothing to update or replace, and nothing to create but what adopts the account's own object. */
export function changesNothing(a: Adoption): boolean {
  return a.diff.update.length === 0 && a.diff.replace.length === 0 && a.created.length === 0;
}
