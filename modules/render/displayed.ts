/**
 * Desired state as every output but the provider shows it (`oncall plan` and its diff, in every format):
 * each type's descriptor masks what must not be printed, such as the phone numbers of contact methods.
 */
import { descriptorOf } from '../backends';
import { displayed } from '../backends/descriptor';
import type { DesiredResource, DesiredState, Value } from './desired';
import type { StateDiff } from './diff';

const shown = (r: DesiredResource): DesiredResource => displayed(descriptorOf(r.type), r);

export function displayedState(state: DesiredState): DesiredState {
  return { ...state, resources: state.resources.map(shown) };
}

/** Every resource of the diff masked, and the changed inputs of updates as their resource's full inputs would be. */
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
    return {
      resource: shown(u.resource),
      changes: u.changes.map((c) => ({ input: c.input, before: before[c.input], after: after[c.input] })),
    };
  });
  return {
    ...diff,
    create: diff.create.map(shown),
    update,
    replace: diff.replace.map((r) => ({ ...r, before: shown(r.before), after: shown(r.after) })),
    delete: diff.delete.map(shown),
  };
}
