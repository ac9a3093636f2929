/**
 * Whom Opsgenie pages for an alert, read from the inputs only: the team's routing rules in `order`; the first whose
 * criteria (`match-all`, or `match-all-conditions` on `tags` `contains`) and time restrictions match applies;
 * `notify: none` pages nobody (opsgenie-oas definitions/teamRoutingRule.yaml, common.yaml Condition). Opsgenie has no
 * urgency: a page is `high`. An escalation's rules notify `delay` minutes after the alert (rules at the same delay at
 * once); `repeat` starts the escalation again `wait_interval` minutes after its last rule, `count` times
 * (terraform-provider-opsgenie v0.6.40 opsgenie/resource_opsgenie_escalation.go expandOpsgenieEscalationRepeat;
 * opsgenie-oas definitions/escalation.yaml EscalationRule.delay, EscalationRepeat).
 */
import type { Organisation } from '../model/types';
import { isRef, type DesiredState, type Value } from '../render/desired';
import { OG } from '../backends/opsgenie/resources';
import { names } from '../render/names';
import type { Changes } from './changes';
import { named, personOf, referringTo } from './common';
import { allowed, opsgenieAt, opsgenieChanges, restrictionChanges, type TimeRestriction } from './opsgenie';
import { nobody, planOffsets, unroll, type AlertUnit, type StepPlan, type Timeline } from './timeline';

type Recipient = { type: string; id?: Value };
type Criteria = Array<{ type: string; conditions?: Array<Record<string, unknown>> }>;
interface RuleInputs {
  criterias?: Criteria;
  timeRestrictions?: TimeRestriction[];
  timezone: string;
  notifies: Array<{ type: string; id?: Value }>;
}

function tagsMatch(criterias: Criteria | undefined, tags: string[]): boolean {
  return (criterias ?? [{ type: 'match-all' }]).every((c) => {
    if (c.type === 'match-all') return true;
    if (c.type !== 'match-all-conditions') throw new Error(`criteria ${c.type} not interpreted`);
    return (c.conditions ?? []).every((cond) => {
      if (cond.field !== 'tags' || cond.operation !== 'contains') throw new Error(`condition ${JSON.stringify(cond)} not interpreted`);
      return tags.includes(cond.expectedValue as string) !== (cond.not === true);
    });
  });
}

/** The tags an alert of the unit carries (those the monitors of the squad and the service carry). */
const tagsOf = (unit: AlertUnit): string[] => [`team:${unit.squad}`, ...(unit.kind === 'service' ? [`service:${unit.service}`] : [])];

function rulesOf(state: DesiredState, squad: string) {
  return [...referringTo(state, OG.routingRule, 'teamId', names.team(squad))].sort(
    (a, b) => (a.inputs.order as number) - (b.inputs.order as number),
  );
}

function planOf(state: DesiredState, policyRef: Value | undefined): { name: string; plan: StepPlan<Recipient[]> } {
  const policy = named(state, OG.escalation, policyRef);
  const rules = policy.inputs.rules as Array<{ delay: number; recipients: Recipient[] }>;
  const offsets = [...new Set(rules.map((r) => r.delay))].sort((a, b) => a - b);
  const targets = offsets.map((d) => rules.filter((r) => r.delay === d).flatMap((r) => r.recipients));
  const repeat = (policy.inputs.repeats as Array<{ waitInterval: number; count: number }> | undefined)?.[0];
  const last = offsets.at(-1) ?? 0;
  return { name: policy.name, plan: { offsets, targets, loops: repeat?.count ?? 0, cycle: last + (repeat?.waitInterval ?? 0) } };
}

export function opsgenieTimeline(org: Organisation, state: DesiredState, unit: AlertUnit, instant: number): Timeline {
  const tags = tagsOf(unit);
  for (const rule of rulesOf(state, unit.squad)) {
    const i = rule.inputs as unknown as RuleInputs;
    if (!tagsMatch(i.criterias, tags)) continue;
    if (!allowed(i.timeRestrictions, instant, i.timezone)) continue;
    const notify = i.notifies[0]!;
    if (notify.type === 'none') return nobody(`routing rule ${rule.name} (notify: none)`);
    const { name, plan } = planOf(state, notify.id);
    const notifications = unroll(plan, (recipients, after) => {
      const found = recipients.map((t) => {
        if (t.type === 'schedule' && isRef(t.id)) return opsgenieAt(org, state, t.id.$ref, instant + after * 60_000);
        if (t.type === 'user') return { person: personOf(org, t.id!), cause: `user recipient of ${name}` };
        // A team recipient notifies through that team's own routing, which is not followed here: a marker that
        // equals no person, so the step shows as a mismatch with its cause instead of paging nobody.
        if (t.type === 'team') {
          const team = t.id !== undefined && isRef(t.id) ? t.id.$ref : JSON.stringify(t.id ?? null);
          return {
            person: `<team ${team}>`,
            cause: `team recipient ${team} of ${name}: notified through that team's routing, not followed here`,
          };
        }
        throw new Error(`recipient ${t.type} of ${name} not interpreted`);
      });
      return { people: found.flatMap((f) => (f.person === null ? [] : [f.person])), causes: found.map((f) => f.cause) };
    });
    return { urgency: 'high', route: `routing rule ${rule.name} → ${name}`, notifications };
  }
  return nobody(`no routing rule of ${names.team(unit.squad)} matches`);
}

export function opsgenieTimelineChanges(state: DesiredState, unit: AlertUnit, changes: Changes): void {
  const tags = tagsOf(unit);
  for (const rule of rulesOf(state, unit.squad)) {
    const i = rule.inputs as unknown as RuleInputs;
    if (!tagsMatch(i.criterias, tags)) continue;
    restrictionChanges(i.timeRestrictions, i.timezone, changes);
    const notify = i.notifies[0];
    if (!notify || notify.type === 'none') continue;
    const { plan } = planOf(state, notify.id);
    const schedules = new Set(plan.targets.flat().flatMap((t) => (t.type === 'schedule' && isRef(t.id) ? [t.id.$ref] : [])));
    for (const offset of planOffsets(plan)) changes.shifted(offset, (c) => schedules.forEach((s) => opsgenieChanges(state, s, c)));
  }
}
