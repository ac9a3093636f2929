/**
 * A stack renders each rotation's schedule with the squad that owns it. A squad whose routing or escalation
 * names another squad's rotation (a pool's) refers to that schedule, so the owner must be in the same stack:
 * otherwise the plan would hold a reference to a resource it does not have, found only at `pulumi up`.
 */
import type { Organisation, Source, Squad } from '../model/types';
import type { StackSpec } from '../spec/stacks';
import { at, type AddProblem } from './limit-problems';

/** The other squads' rotations a squad's routing and policies name, each with where it is named. */
export function foreignRotations(team: Squad): Array<{ rotation: string; source: Source }> {
  const out: Array<{ rotation: string; source: Source }> = [];
  for (const rule of team.routing) out.push({ rotation: rule.rotation, source: rule.source });
  for (const policy of team.escalations.values()) {
    if (policy.retired) continue;
    for (const step of policy.steps)
      for (const t of step.targets) if (t.kind === 'rotation') out.push({ rotation: t.rotation, source: step.source });
  }
  return out.filter((r) => !r.rotation.startsWith(`${team.id}/`));
}

/** Errors for the squads of a stack naming a rotation whose squad the stack leaves out. */
export function rotationsOutsideStack(org: Organisation, stack: StackSpec, team: Squad, add: AddProblem): void {
  if (!stack.teams) return;
  for (const { rotation, source } of foreignRotations(team)) {
    const owner = org.rotations.get(rotation)?.squad;
    if (owner === undefined || stack.teams.includes(owner)) continue;
    add({
      ...at(
        source,
        'error',
        'stack/rotation-outside',
        `stack \`${stack.name}\` provisions \`${team.id}\`, which pages rotation \`${rotation}\`, but not its squad \`${owner}\`: its schedule would not be in the plan`,
      ),
      suggestion: `add \`${owner}\` to \`oncall:teams\` of stack \`${stack.name}\``,
    });
  }
}
