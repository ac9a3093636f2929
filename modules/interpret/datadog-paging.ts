/**
 * Whom Datadog On-Call pages for an alert, read from the inputs only: the team's routing rules in order; the first
 * whose `query` (`tags.service:<id>`) and time restrictions match applies; a rule without a policy pages nobody
 * (terraform-provider-datadog v4.19.0 datadog/fwprovider/resource_datadog_on_call_team_routing_rules.go). A policy's
 * steps notify in order, each `escalate_after_seconds` after the one before, and the policy is "retried this many
 * times after the final step" (`retries`, 0–10: resource_datadog_on_call_escalation_policy.go).
 */
import type { Organisation } from '../model/types';
import { isRef, type DesiredState, type Value } from '../render/desired';
import { DD } from '../backends/datadog-oncall/resources';
import { names } from '../render/names';
import type { Changes } from './changes';
import { byName, named, personOf } from './common';
import { allowed, datadogAt, datadogChanges, restrictionChanges, type Restriction } from './datadog';
import { nobody, planOffsets, unroll, type AlertUnit, type StepPlan, type Timeline } from './timeline';

type Target = { schedule?: Value; user?: Value; team?: Value };
interface Rule {
  query?: string;
  timeRestrictions?: { timeZone: string; restrictions: Restriction[] };
  escalationPolicy?: Value;
  urgency?: 'high' | 'low';
}

function matches(rule: Rule, unit: AlertUnit): boolean {
  if (rule.query === undefined) return true;
  const m = /^tags\.service:(.+)$/.exec(rule.query);
  if (!m) throw new Error(`query ${rule.query} not interpreted`);
  return unit.kind === 'service' && m[1] === unit.service;
}

function routingOf(state: DesiredState, squad: string) {
  return byName(state, DD.routing, names.routing(squad));
}

function planOf(state: DesiredState, policyRef: Value): { name: string; plan: StepPlan<Target[]> } {
  const policy = named(state, DD.escalation, policyRef);
  const steps = policy.inputs.steps as Array<{ escalateAfterSeconds: number; targets: Target[] }>;
  const offsets: number[] = [];
  let at = 0;
  for (const s of steps) {
    offsets.push(at);
    at += s.escalateAfterSeconds / 60;
  }
  const loops = (policy.inputs.retries as number | undefined) ?? 0;
  return { name: policy.name, plan: { offsets, targets: steps.map((s) => s.targets), loops, cycle: at } };
}

export function datadogTimeline(org: Organisation, state: DesiredState, unit: AlertUnit, instant: number): Timeline {
  const routing = routingOf(state, unit.squad);
  if (!routing) return nobody(`no routing rules ${names.routing(unit.squad)}`);
  const rules = routing.inputs.rules as Rule[];
  for (const [index, rule] of rules.entries()) {
    if (!matches(rule, unit)) continue;
    const restricted = rule.timeRestrictions;
    if (restricted && !allowed(restricted.restrictions, instant, restricted.timeZone)) continue;
    const route = `${routing.name} rule ${index + 1}${rule.query ? ` (${rule.query})` : ''}`;
    if (rule.escalationPolicy === undefined) return nobody(`${route}: no escalation policy`);
    const { name, plan } = planOf(state, rule.escalationPolicy);
    const notifications = unroll(plan, (targets, after) => {
      const found = targets.map((t) => {
        if (t.schedule !== undefined && isRef(t.schedule)) return datadogAt(org, state, t.schedule.$ref, instant + after * 60_000);
        if (t.user !== undefined) return { person: personOf(org, t.user), cause: `user target of ${name}` };
        // A team target pages through that team's own routing, which is not followed here: a marker that equals
        // no person, so the step shows as a mismatch with its cause instead of paging nobody.
        if (t.team !== undefined) {
          const team = isRef(t.team) ? t.team.$ref : JSON.stringify(t.team);
          return {
            person: `<team ${team}>`,
            cause: `team target ${team} of ${name}: paged through that team's routing, not followed here`,
          };
        }
        throw new Error(`target ${JSON.stringify(t)} of ${name} not interpreted`);
      });
      return { people: found.flatMap((f) => (f.person === null ? [] : [f.person])), causes: found.map((f) => f.cause) };
    });
    return { urgency: rule.urgency ?? 'high', route: `${route} → ${name}`, notifications };
  }
  return nobody(`no rule of ${routing.name} matches`);
}

export function datadogTimelineChanges(state: DesiredState, unit: AlertUnit, changes: Changes): void {
  const routing = routingOf(state, unit.squad);
  if (!routing) return;
  for (const rule of routing.inputs.rules as Rule[]) {
    if (!matches(rule, unit)) continue;
    if (rule.timeRestrictions) restrictionChanges(rule.timeRestrictions.restrictions, rule.timeRestrictions.timeZone, changes);
    if (rule.escalationPolicy === undefined) continue;
    const { plan } = planOf(state, rule.escalationPolicy);
    const schedules = new Set(plan.targets.flat().flatMap((t) => (t.schedule !== undefined && isRef(t.schedule) ? [t.schedule.$ref] : [])));
    for (const offset of planOffsets(plan)) changes.shifted(offset, (c) => schedules.forEach((s) => datadogChanges(state, s, c)));
  }
}
