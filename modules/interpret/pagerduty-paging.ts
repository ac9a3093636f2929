/**
 * Whom PagerDuty pages for an alert, read from the inputs only: the service's escalation policy, its urgency
 * constant or by support hours (`fixed_time_per_day`: days 1 = Monday, [start, end) on the zone's clock) with
 * `use_support_hours` (PagerDuty/api-schema reference/REST/openapiv3.json IncidentUrgencyRule, SupportHours).
 * The policy's rules notify in order, each `escalation_delay_in_minutes` after the one before, and the whole policy
 * repeats `num_loops` times after its last rule (terraform-provider-pagerduty v2.4.0
 * website/docs/r/escalation_policy.html.markdown: "the number of times the escalation policy will repeat after
 * reaching the end of its escalation"; num_loops 0–9 in pagerduty/resource_pagerduty_escalation_policy.go).
 */
import type { Organisation } from '../model/types';
import { isRef, type DesiredState, type Value } from '../render/desired';
import { PD } from '../backends/pagerduty/resources';
import { names } from '../render/names';
import type { Changes } from './changes';
import { byName, minuteOfWeek, minutesOfClock, named, personOf } from './common';
import { pagerdutyAt, pagerdutyChanges } from './pagerduty';
import { nobody, planOffsets, unroll, type AlertUnit, type StepPlan, type Timeline } from './timeline';

type Target = { type: string; id: Value };
type Urgency = { urgency: 'high' | 'low' };
interface ServiceInputs {
  incidentUrgencyRule: { type: string; urgency?: 'high' | 'low'; duringSupportHours?: Urgency; outsideSupportHours?: Urgency };
  supportHours?: { timeZone: string; daysOfWeeks: number[]; startTime: string; endTime: string };
  escalationPolicy: Value;
}

const minutesOf = minutesOfClock;

function serviceOf(state: DesiredState, unit: AlertUnit) {
  const id = unit.kind === 'service' ? unit.service : unit.pagerdutyService;
  if (id === undefined) return undefined;
  const name = names.service(id);
  return byName(state, PD.service, name);
}

function planOf(state: DesiredState, policyRef: Value): { name: string; plan: StepPlan<Target[]> } {
  const policy = named(state, PD.escalation, policyRef);
  const rules = policy.inputs.rules as Array<{ escalationDelayInMinutes: number; targets: Target[] }>;
  const offsets: number[] = [];
  let at = 0;
  for (const r of rules) {
    offsets.push(at);
    at += r.escalationDelayInMinutes;
  }
  const loops = (policy.inputs.numLoops as number | undefined) ?? 0;
  return { name: policy.name, plan: { offsets, targets: rules.map((r) => r.targets), loops, cycle: at } };
}

export function pagerdutyTimeline(org: Organisation, state: DesiredState, unit: AlertUnit, instant: number): Timeline {
  const service = serviceOf(state, unit);
  if (!service) return nobody('no PagerDuty service receives these alerts');
  const i = service.inputs as unknown as ServiceInputs;
  const rule = i.incidentUrgencyRule;
  let urgency: 'high' | 'low';
  let route = `service ${service.name}`;
  if (rule.type === 'constant') urgency = rule.urgency ?? 'high';
  else {
    const hours = i.supportHours!;
    const week = minuteOfWeek(instant, hours.timeZone);
    const minute = week % 1440;
    const weekday = Math.floor(week / 1440) + 1;
    const inside = hours.daysOfWeeks.includes(weekday) && minute >= minutesOf(hours.startTime) && minute < minutesOf(hours.endTime);
    urgency = (inside ? rule.duringSupportHours : rule.outsideSupportHours)!.urgency;
    route += inside ? ' (support hours)' : ' (outside support hours)';
  }
  const { name, plan } = planOf(state, i.escalationPolicy);
  const notifications = unroll(plan, (targets, after) => {
    const found = targets.map((t) =>
      t.type === 'schedule_reference' && isRef(t.id)
        ? pagerdutyAt(org, state, t.id.$ref, instant + after * 60_000)
        : { person: personOf(org, t.id), cause: `user target of ${name}` },
    );
    return { people: found.flatMap((f) => (f.person === null ? [] : [f.person])), causes: found.map((f) => f.cause) };
  });
  return { urgency, route: `${route} → ${name}`, notifications };
}

export function pagerdutyTimelineChanges(state: DesiredState, unit: AlertUnit, changes: Changes): void {
  const service = serviceOf(state, unit);
  if (!service) return;
  const i = service.inputs as unknown as ServiceInputs;
  if (i.supportHours)
    for (const t of [i.supportHours.startTime, i.supportHours.endTime]) changes.daily(i.supportHours.timeZone, minutesOf(t));
  const { plan } = planOf(state, i.escalationPolicy);
  const schedules = new Set(plan.targets.flat().flatMap((t) => (t.type === 'schedule_reference' && isRef(t.id) ? [t.id.$ref] : [])));
  for (const offset of planOffsets(plan)) changes.shifted(offset, (c) => schedules.forEach((s) => pagerdutyChanges(state, s, c)));
}
