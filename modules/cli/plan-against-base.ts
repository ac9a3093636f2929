/** The plan of a stack against a git ref, as `oncall plan --base` and `oncall check` report it. */
import type { Organisation } from '../model/types';
import { diffStates } from '../render/diff';
import type { DesiredState } from '../render/desired';
import { displayedDiff } from '../render/displayed';
import { blockedChanges } from '../render/deletion-guard';
import { rotationChanges } from '../schedule/week-compare';
import type { StackSpec } from '../spec/stacks';
import { stackChange, type BaseDeployment } from './base-deployment';
import type { PlanDiff } from './format/plan-diff';

/** `before` must not be broken unless deletions are allowed (everything is then compared with nothing). */
export function planAgainstBase(
  head: { organisation: Organisation; stack: StackSpec; state: DesiredState },
  before: BaseDeployment,
  base: string,
  now: number,
  allowDelete: boolean,
): PlanDiff {
  const baseOrg = before.kind === 'broken' ? undefined : before.organisation;
  const diff = diffStates(before.kind === 'deployed' ? before.state : undefined, head.state);
  const moved = before.kind === 'deployed' ? stackChange(before.stack, head.stack) : undefined;
  return {
    stack: head.stack.name,
    base,
    diff: displayedDiff(diff),
    blocked: allowDelete ? [] : blockedChanges(diff, baseOrg, head.organisation, moved),
    allowDelete,
    rotations: rotationChanges(baseOrg, head.organisation, now),
    baseNote: before.kind === 'broken' ? `${before.what} does not load: everything is compared with nothing` : before.note,
  };
}
