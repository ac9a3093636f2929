/**
 * The difference between two desired states: what a pull request creates, updates (with the inputs that
 * change), replaces and deletes. Renaming an id renames the resource: a delete and a create the plan pairs
 * as a replacement. Some inputs cannot change in place: changing them replaces the resource.
 */
import { descriptorOf } from '../backends';
import type { DesiredResource, DesiredState, Value } from './desired';

export interface InputChange {
  readonly input: string;
  readonly before: Value | undefined;
  readonly after: Value | undefined;
}

export interface Replacement {
  readonly before: DesiredResource;
  readonly after: DesiredResource;
  readonly reason: string;
}

export interface StateDiff {
  readonly create: DesiredResource[];
  readonly update: Array<{ readonly resource: DesiredResource; readonly changes: InputChange[] }>;
  readonly replace: Replacement[];
  readonly delete: DesiredResource[];
  readonly unchanged: number;
}

const key = (r: DesiredResource) => `${r.type}\u0000${r.name}`;
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function inputChanges(before: DesiredResource, after: DesiredResource): InputChange[] {
  const names = [...new Set([...Object.keys(before.inputs), ...Object.keys(after.inputs)])].sort();
  return names
    .filter((n) => !same(before.inputs[n], after.inputs[n]))
    .map((n) => ({ input: n, before: before.inputs[n], after: after.inputs[n] }));
}

export function diffStates(base: DesiredState | undefined, head: DesiredState): StateDiff {
  const before = new Map((base?.resources ?? []).map((r) => [key(r), r]));
  const after = new Map(head.resources.map((r) => [key(r), r]));
  const diff: StateDiff = { create: [], update: [], replace: [], delete: [], unchanged: 0 };
  for (const [k, r] of after) {
    const old = before.get(k);
    if (!old) {
      diff.create.push(r);
      continue;
    }
    // Most resources of a pull request are unchanged: the very same inputs (a squad the change leaves alone, taken
    // from the head), or one comparison of the whole inputs, settles them.
    const changes = old.inputs === r.inputs || same(old.inputs, r.inputs) ? [] : inputChanges(old, r);
    if (changes.length === 0) {
      (diff as { unchanged: number }).unchanged++;
      continue;
    }
    // What the type's descriptor says its provider cannot change in place: top-level inputs (a block holding a
    // field that forces replacement is named whole), as Pulumi names the properties of a replacement.
    const rule = descriptorOf(r.type)?.replaceOn ?? [];
    const forcing = changes.filter((c) => rule.includes(c.input));
    if (forcing.length > 0)
      diff.replace.push({ before: old, after: r, reason: `${forcing.map((c) => `\`${c.input}\``).join(', ')} cannot change in place` });
    else diff.update.push({ resource: r, changes });
  }
  for (const [k, r] of before) if (!after.has(k)) diff.delete.push(r);
  // A delete and a create of the same type and squad with the same inputs: an id was renamed.
  for (const deleted of [...diff.delete]) {
    const twin = diff.create.find((c) => c.type === deleted.type && c.squad === deleted.squad && same(c.inputs, deleted.inputs));
    if (!twin) continue;
    diff.delete.splice(diff.delete.indexOf(deleted), 1);
    diff.create.splice(diff.create.indexOf(twin), 1);
    diff.replace.push({ before: deleted, after: twin, reason: `renamed from \`${deleted.name}\` (an id changed)` });
  }
  return diff;
}
