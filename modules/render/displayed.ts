/**
 * Desired state as every output but the provider shows it (`oncall plan` and its diff, in every format):
 * each type's descriptor masks what must not be printed, such as the phone numbers of contact methods.
 */
import { descriptorOf } from '../backends';
import { displayed } from '../backends/descriptor';
import type { DesiredState, Value } from './desired';
import type { StateDiff } from './diff';

export function displayedState(state: DesiredState): DesiredState {
  return { ...state, resources: state.resources.map((r) => displayed(descriptorOf(r.type), r)) };
}

/** The changed inputs of updates, masked as their resource's full inputs would be. */
export function displayedDiff(diff: StateDiff): StateDiff {
  const update = diff.update.map((u) => {
    const show = descriptorOf(u.resource.type)?.display;
    if (!show) return u;
    const side = (which: 'before' | 'after') => {
      const inputs: Record<string, Value> = { ...u.resource.inputs };
      for (const c of u.changes) {
        const v = c[which];
        if (v === undefined) delete inputs[c.input];
        else inputs[c.input] = v;
      }
      return show(inputs);
    };
    const before = side('before');
    const after = side('after');
    return { ...u, changes: u.changes.map((c) => ({ input: c.input, before: before[c.input], after: after[c.input] })) };
  });
  return { ...diff, update };
}
