/**
 * Whom each backend pages for an alert of a service, read from the rendered inputs only (never the model's routing):
 * - PagerDuty: the service's escalation policy; its urgency is constant, or by support hours (`fixed_time_per_day`:
 *   days 1 = Monday, [start, end) on the zone's clock) with `use_support_hours` (PagerDuty/api-schema
 *   reference/REST/openapiv3.json IncidentUrgencyRule, SupportHours);
 * - Opsgenie: the team's routing rules in `order`; the first whose criteria (`match-all`, or `match-all-conditions`
 *   on `tags` `contains`) and time restrictions match applies; `notify: none` pages nobody (opsgenie-oas
 *   definitions/teamRoutingRule.yaml, common.yaml Condition). Opsgenie has no urgency: a page is `high`;
 * - Datadog On-Call: the team's routing rules in order; the first whose `query` (`tags.service:<id>`) and time
 *   restrictions match applies; a rule without a policy pages nobody (terraform-provider-datadog v4.19.0
 *   resource_datadog_on_call_team_routing_rules.go).
 * In each, the policy's first step is resolved to people through the schedule interpreters.
 */
import { DateTime } from 'luxon';
import { servicePageAt } from '../../modules/schedule/service-paging';
import type { Organisation, Service } from '../../modules/model/types';
import { isRef, type Backend, type DesiredState, type Value } from '../../modules/render/desired';
import { DD } from '../../modules/backends/datadog-oncall/resources';
import { OG } from '../../modules/backends/opsgenie/resources';
import { PD } from '../../modules/backends/pagerduty/resources';
import { names } from '../../modules/render/names';
import { byType, personOf, refersTo } from './common';
import { allowed as datadogAllowed, datadogOnCall } from './datadog';
import { allowed as opsgenieAllowed, opsgenieOnCall } from './opsgenie';
import { pagerdutyOnCall } from './pagerduty';

export interface Paged {
  readonly urgency: 'high' | 'low' | null;
  /** The people the policy's first step notifies, sorted. */
  readonly first: readonly string[];
}

export const NOBODY: Paged = { urgency: null, first: [] };

const named = (state: DesiredState, type: string, v: Value | undefined) => {
  if (!isRef(v)) throw new Error(`not a reference: ${JSON.stringify(v)}`);
  const found = byType(state, type).find((r) => r.name === v.$ref);
  if (!found) throw new Error(`no ${type} ${v.$ref}`);
  return found;
};

const sorted = (people: Array<string | null>): string[] => [...new Set(people.filter((p): p is string => p !== null))].sort();

function minutesOf(hhmmss: string): number {
  const [h, m] = hhmmss.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

export function pagerdutyPaged(org: Organisation, state: DesiredState, service: Service, instant: number): Paged {
  const resource = byType(state, PD.service).find((r) => r.name === names.service(service.id));
  if (!resource) return NOBODY;
  type Urgency = { urgency: 'high' | 'low' };
  const i = resource.inputs as unknown as {
    incidentUrgencyRule: { type: string; urgency?: 'high' | 'low'; duringSupportHours?: Urgency; outsideSupportHours?: Urgency };
    supportHours?: { timeZone: string; daysOfWeeks: number[]; startTime: string; endTime: string };
    escalationPolicy: Value;
  };
  const rule = i.incidentUrgencyRule;
  let urgency: 'high' | 'low';
  if (rule.type === 'constant') urgency = rule.urgency ?? 'high';
  else {
    const hours = i.supportHours!;
    const local = DateTime.fromMillis(instant, { zone: hours.timeZone });
    const minute = local.hour * 60 + local.minute;
    const inside = hours.daysOfWeeks.includes(local.weekday) && minute >= minutesOf(hours.startTime) && minute < minutesOf(hours.endTime);
    urgency = (inside ? rule.duringSupportHours : rule.outsideSupportHours)!.urgency;
  }
  const policy = named(state, PD.escalation, i.escalationPolicy);
  const first = (policy.inputs.rules as Array<{ targets: Array<{ type: string; id: Value }> }>)[0]!;
  const people = first.targets.map((t) =>
    t.type === 'schedule_reference' && isRef(t.id) ? pagerdutyOnCall(org, state, t.id.$ref, instant) : personOf(org, t.id),
  );
  return { urgency, first: sorted(people) };
}

function tagsMatch(criterias: Array<{ type: string; conditions?: Array<Record<string, unknown>> }> | undefined, tags: string[]): boolean {
  return (criterias ?? [{ type: 'match-all' }]).every((c) => {
    if (c.type === 'match-all') return true;
    if (c.type !== 'match-all-conditions') throw new Error(`criteria ${c.type} not interpreted`);
    return (c.conditions ?? []).every((cond) => {
      if (cond.field !== 'tags' || cond.operation !== 'contains') throw new Error(`condition ${JSON.stringify(cond)} not interpreted`);
      return tags.includes(cond.expectedValue as string) !== (cond.not === true);
    });
  });
}

export function opsgeniePaged(org: Organisation, state: DesiredState, service: Service, instant: number): Paged {
  const tags = [`team:${service.squad}`, `service:${service.id}`];
  const rules = byType(state, OG.routingRule)
    .filter((r) => refersTo(r.inputs.teamId, names.team(service.squad)))
    .sort((a, b) => (a.inputs.order as number) - (b.inputs.order as number));
  for (const rule of rules) {
    const i = rule.inputs as unknown as {
      criterias?: Parameters<typeof tagsMatch>[0];
      timeRestrictions?: Parameters<typeof opsgenieAllowed>[0];
      timezone: string;
      notifies: Array<{ type: string; id?: Value }>;
    };
    if (!tagsMatch(i.criterias, tags)) continue;
    if (!opsgenieAllowed(i.timeRestrictions, instant, i.timezone)) continue;
    const notify = i.notifies[0]!;
    if (notify.type === 'none') return NOBODY;
    const policy = named(state, OG.escalation, notify.id);
    const rulesOfPolicy = policy.inputs.rules as Array<{ delay: number; recipients: Array<{ type: string; id: Value }> }>;
    const firstDelay = Math.min(...rulesOfPolicy.map((r) => r.delay));
    const people = rulesOfPolicy
      .filter((r) => r.delay === firstDelay)
      .flatMap((r) => r.recipients)
      .map((t) => (t.type === 'schedule' && isRef(t.id) ? opsgenieOnCall(org, state, t.id.$ref, instant) : personOf(org, t.id)));
    return { urgency: 'high', first: sorted(people) };
  }
  return NOBODY;
}

export function datadogPaged(org: Organisation, state: DesiredState, service: Service, instant: number): Paged {
  const routing = byType(state, DD.routing).find((r) => r.name === names.routing(service.squad));
  if (!routing) return NOBODY;
  type Rule = {
    query?: string;
    timeRestrictions?: { timeZone: string; restrictions: never[] };
    escalationPolicy?: Value;
    urgency?: 'high' | 'low';
  };
  for (const rule of routing.inputs.rules as Rule[]) {
    if (rule.query !== undefined) {
      const m = /^tags\.service:(.+)$/.exec(rule.query);
      if (!m) throw new Error(`query ${rule.query} not interpreted`);
      if (m[1] !== service.id) continue;
    }
    if (rule.timeRestrictions && !datadogAllowed(rule.timeRestrictions.restrictions, instant, rule.timeRestrictions.timeZone)) continue;
    if (rule.escalationPolicy === undefined) return NOBODY;
    const policy = named(state, DD.escalation, rule.escalationPolicy);
    const first = (policy.inputs.steps as Array<{ targets: Array<{ schedule?: Value; user?: Value }> }>)[0]!;
    const people = first.targets.map((t) =>
      t.schedule !== undefined && isRef(t.schedule) ? datadogOnCall(org, state, t.schedule.$ref, instant) : personOf(org, t.user!),
    );
    return { urgency: rule.urgency ?? 'high', first: sorted(people) };
  }
  return NOBODY;
}

/**
 * What the engine says each backend must do. Two differences are by design, and `validate` says so for the stack:
 * PagerDuty has no urgency that pages nobody (`outsideCoverage: none` pages at low urgency, a warning), and Opsgenie
 * has no urgency at all (a page is high; `outsideCoverage: low` is refused, so such services are not compared).
 */
export function expectedPaged(org: Organisation, backend: Backend, service: Service, t: number): Paged {
  const promise = service.promise;
  const asRendered =
    backend === 'pagerduty' && promise && promise.outsideCoverage === 'none'
      ? { ...service, promise: { ...promise, outsideCoverage: 'low' as const } }
      : service;
  const page = servicePageAt(org, asRendered, t);
  const urgency = backend === 'opsgenie' && page.urgency !== null ? 'high' : page.urgency;
  return { urgency, first: [...page.first].sort() };
}

/** Each backend's reading of a service's paging, by backend. */
export const SERVICE_INTERPRETERS: Record<Backend, (org: Organisation, state: DesiredState, service: Service, instant: number) => Paged> = {
  pagerduty: pagerdutyPaged,
  opsgenie: opsgeniePaged,
  datadog: datadogPaged,
};
