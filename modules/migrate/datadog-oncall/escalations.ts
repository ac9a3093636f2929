/**
 * Datadog escalation policies as the YAML's escalations. A step waits `escalate_after_seconds` before the next
 * (the last one before the policy runs again): steps start at the sum of the waits before them, and the response
 * target is where the last wait ends (modules/render/squad-routing.ts stepDelays, read backwards). A schedule target
 * notifies the rotation(s) the schedule was imported as.
 */
import { names } from '../../render/names';
import type { TeamFile } from '../../spec/spec-types.generated';
import type { ImportLink, ObservedResource } from '../account';
import type { IdScope } from '../ids';
import { duration, type ImportContext, type Obj } from './context';
import type { ImportedSchedule } from './rotations';

export type EscalationSpec = NonNullable<TeamFile['escalations']>[string];
type TargetSpec = Exclude<EscalationSpec['steps'][number]['notify'], unknown[]>;

export interface ImportedPolicy {
  readonly squad: string;
  readonly id: string;
  /** Rotations (`squad/id`) its first step notifies: what `on-call` stands for in routing. */
  readonly rotations: string[];
}

export function importPolicy(
  ctx: ImportContext,
  policy: ObservedResource,
  squad: string,
  teamName: string,
  policyIds: IdScope,
  schedules: ReadonlyMap<string, ImportedSchedule>,
  into: Record<string, EscalationSpec>,
  links: ImportLink[],
): ImportedPolicy | undefined {
  const title = String(policy.inputs.name ?? policy.id);
  const name = title.startsWith(`${teamName}: `) ? title.slice(teamName.length + 2) : title;
  if (policy.inputs.resolvePageOnPolicyEnd === true)
    ctx.find(policy, 'resolve the page when the policy ends', 'an escalation in the YAML leaves the page open once its steps are done');
  const retries = Number(policy.inputs.retries ?? 0);
  const steps: EscalationSpec['steps'][number][] = [];
  const firstRotations: string[] = [];
  let after = 0;
  for (const [i, step] of ((policy.inputs.steps ?? []) as Obj[]).entries()) {
    const seconds = Number(step.escalateAfterSeconds ?? 60);
    const wait = Math.max(1, Math.ceil(seconds / 60));
    if (seconds % 60 !== 0)
      ctx.find(policy, `step ${i + 1} waits ${seconds} seconds`, `delays are whole minutes: imported as ${wait}m`, 'approximated');
    if (step.assignment === 'round-robin')
      ctx.find(policy, `round-robin assignment of step ${i + 1}`, 'a step notifies all its targets at once', 'approximated');
    const targets: TargetSpec[] = [];
    for (const t of (step.targets ?? []) as Obj[]) {
      if (t.user !== undefined) {
        const person = ctx.person(t.user);
        if (person) targets.push({ person });
        else ctx.find(policy, `a user target of step ${i + 1}`, "the user is not in the account's user list");
      } else if (t.schedule !== undefined) {
        const target = ctx.target(t.schedule);
        const imported = target ? schedules.get(target.name) : undefined;
        if (!imported) {
          ctx.find(policy, `a schedule target of step ${i + 1}`, 'the schedule was not imported');
          continue;
        }
        if (t.schedulePosition !== undefined && t.schedulePosition !== 'current')
          ctx.find(
            policy,
            `the ${String(t.schedulePosition)} on-call of a schedule in step ${i + 1}`,
            'a step notifies whoever is on call now',
            'approximated',
          );
        for (const r of imported.rotations) {
          targets.push({ rotation: imported.squad === squad ? r : `${imported.squad}/${r}` });
          if (i === 0) firstRotations.push(`${imported.squad}/${r}`);
        }
      } else ctx.find(policy, `a team target of step ${i + 1}`, 'a step notifies people and rotations, not a whole team');
    }
    if (targets.length === 0) {
      ctx.find(policy, `step ${i + 1}`, 'it has no target the YAML can name');
      after += wait;
      continue;
    }
    steps.push({
      ...(after ? { after: duration(after) } : {}),
      notify: targets.length === 1 ? targets[0]! : (targets as [TargetSpec, ...TargetSpec[]]),
    });
    after += wait;
  }
  if (steps.length === 0) {
    ctx.find(policy, 'escalation policy', 'none of its steps has a target the YAML can name');
    return undefined;
  }
  const id = policyIds.take(name);
  const spec: EscalationSpec = {
    ...(name !== id ? { name } : {}),
    responseTarget: duration(after),
    ...(retries ? { repeat: Math.min(retries, 10) } : {}),
    steps: steps as EscalationSpec['steps'],
  };
  into[id] = spec;
  links.push({ observed: policy.name, planned: names.escalation(squad, id) });
  ctx.comments.set(`${squad}/team.yaml#/escalations/${id}`, `Datadog escalation policy "${title}" (${policy.id})`);
  return { squad, id, rotations: firstRotations };
}
