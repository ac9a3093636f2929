/** What a diff between an account and a plan would change, by resource name: empty lists when the plan changes nothing. */
import type { StateDiff } from '../../modules/render/diff';

export function planChanges(diff: StateDiff) {
  return {
    create: diff.create.map((r) => r.name),
    delete: diff.delete.map((r) => r.name),
    replace: diff.replace.map((r) => `${r.after.name}: ${r.reason}`),
    update: diff.update.map((u) => ({ name: u.resource.name, changes: u.changes })),
  };
}

export const NO_CHANGE = { create: [], delete: [], replace: [], update: [] };
