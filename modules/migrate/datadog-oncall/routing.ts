/**
 * Datadog team routing rules as the squad's routing and its services' promises. Rules whose query is
 * `tags.service:<id>` are a service's promise when they have the renderer's shape
 * (modules/backends/datadog-oncall/promise-routing.ts): outside its hours a rule paging nobody, or its policy at
 * low urgency, then the rule paging its policy at high urgency. The other rules, top to bottom, are the squad's
 * routing: `during` from their time restrictions, the rotation `on-call` means from the policy's first step.
 */
import { intersect, subtract, union } from '../../core/intervals';
import { MINUTES_PER_WEEK } from '../../model/types';
import { complement } from '../../model/windows';
import { names } from '../../render/names';
import type { Value } from '../../render/desired';
import type { TeamFile } from '../../spec/spec-types.generated';
import type { ImportLink, ObservedResource } from '../account';
import type { ImportContext, Obj } from './context';
import type { ImportedPolicy } from './escalations';
import type { ImportedSchedule } from './rotations';
import { readRestrictions, windowsOf, type RestrictionInput } from './windows';

type RoutingSpec = NonNullable<TeamFile['routing']>[number];
type ServiceSpec = NonNullable<TeamFile['services']>[string];

const WEEK: Array<[number, number]> = [[0, MINUTES_PER_WEEK]];
const measure = (list: ReadonlyArray<readonly [number, number]>) => list.reduce((sum, [s, e]) => sum + e - s, 0);

const SERVICE_QUERY = /^tags\.service:([a-z][a-z0-9]*(?:-[a-z0-9]+)*)$/;

function windowsFrom(ctx: ImportContext, routing: ObservedResource, tr: Obj | undefined, what: string) {
  const read = readRestrictions(tr?.restrictions as RestrictionInput[] | undefined);
  for (const p of read.problems) ctx.find(routing, what, p, 'approximated');
  return read.intervals;
}

export function importRouting(
  ctx: ImportContext,
  routing: ObservedResource,
  squad: string,
  policies: ReadonlyMap<string, ImportedPolicy>,
  schedules: readonly ImportedSchedule[],
  services: Record<string, ServiceSpec>,
  links: ImportLink[],
): RoutingSpec[] {
  const rules = (routing.inputs.rules ?? []) as Obj[];
  const policyOf = (v: Value | undefined): ImportedPolicy | undefined => {
    const target = ctx.target(v);
    return target ? policies.get(target.name) : undefined;
  };
  const out: RoutingSpec[] = [];
  let taken: Array<[number, number]> = [];
  const ruleHours = new Map<RoutingSpec, Array<[number, number]>>();
  for (let i = 0; i < rules.length; i++) {
    const rule = rules[i]!;
    const label = `rule ${i + 1}${rule.query ? ` (\`${String(rule.query)}\`)` : ''}`;
    if (rule.actions !== undefined)
      ctx.find(routing, `the actions of ${label}`, 'the YAML routes to escalation policies only (no Slack, Teams or workflow action)');
    const service = SERVICE_QUERY.exec(String(rule.query ?? ''))?.[1];
    if (rule.query !== undefined && service === undefined) {
      ctx.find(routing, label, 'the YAML routes by service (`tags.service:<id>`) only, not by other queries');
      continue;
    }
    if (service !== undefined) {
      // A service's promise: one rule, or an outside-hours rule and the rule paging its policy at high urgency.
      const next = rules[i + 1];
      const outside = rule.timeRestrictions !== undefined && next?.query === rule.query ? rule : undefined;
      const paging = outside ? next! : rule;
      const policy = policyOf(paging.escalationPolicy);
      const lowOutside = outside?.escalationPolicy !== undefined;
      const shaped =
        policy !== undefined &&
        policy.squad === squad &&
        paging.timeRestrictions === undefined &&
        (paging.urgency ?? 'high') === 'high' &&
        (!outside || !lowOutside || (outside.urgency === 'low' && policyOf(outside.escalationPolicy) === policy));
      if (!shaped || services[service] !== undefined) {
        ctx.find(
          routing,
          label,
          `only a service's promise (its policy at high urgency, and outside its hours nobody or the same policy at low urgency) is routed by service`,
        );
        if (outside) i++;
        continue;
      }
      const spec: ServiceSpec = { escalation: policy.id };
      if (outside) {
        const tr = outside.timeRestrictions as Obj;
        const intervals = windowsFrom(ctx, routing, tr, label) ?? [];
        const covered = windowsOf(complement(intervals));
        spec.coverage = covered as unknown as ServiceSpec['coverage'];
        spec.timezone = String(tr.timeZone);
        if (lowOutside) spec.outsideCoverage = 'low';
        i++;
      }
      services[service] = spec;
      ctx.comments.set(`${squad}/team.yaml#/services/${service}`, `Datadog routing rule \`${String(rule.query)}\` of team ${routing.id}`);
      continue;
    }
    const policy = policyOf(rule.escalationPolicy);
    if (!policy) {
      ctx.find(
        routing,
        label,
        rule.escalationPolicy === undefined
          ? 'it pages nobody: the YAML routes every rule to a policy'
          : 'its escalation policy was not imported',
      );
      continue;
    }
    if (policy.squad !== squad) {
      ctx.find(routing, label, `its escalation policy belongs to squad \`${policy.squad}\`: a squad routes to its own policies`);
      continue;
    }
    const tr = rule.timeRestrictions as Obj | undefined;
    const zone = tr ? String(tr.timeZone) : undefined;
    const candidates = policy.rotations.length ? policy.rotations : schedules.flatMap((s) => s.rotations.map((r) => `${s.squad}/${r}`));
    const scheduleOf = (key: string) => schedules.find((s) => s.rotations.some((r) => `${s.squad}/${r}` === key));
    const zoneOf = (key: string) => scheduleOf(key)?.zone;
    // The hours this rule applies (its own, less those of the rules above): `on-call` is the rotation on duty most
    // of them, in the rule's zone if one is.
    const own = tr ? (windowsFrom(ctx, routing, tr, label) ?? WEEK) : WEEK;
    const applies = subtract(own, taken);
    const onDuty = (key: string) => {
      const hours = scheduleOf(key)?.hours.get(key.slice(key.indexOf('/') + 1)) ?? WEEK;
      return measure(intersect(applies, hours)) + (zone === undefined || zoneOf(key) === zone ? 0.5 : 0);
    };
    const rotation = [...candidates].sort((a, b) => onDuty(b) - onDuty(a))[0];
    if (rotation === undefined) {
      ctx.find(routing, label, 'the squad has no rotation for `on-call` to stand for');
      continue;
    }
    if (zone !== undefined && zoneOf(rotation) !== zone)
      ctx.find(
        routing,
        `the zone ${zone} of ${label}`,
        `a rule's hours are read in its rotation's zone, ${zoneOf(rotation) ?? 'UTC'}`,
        'approximated',
      );
    const spec: RoutingSpec = {
      rotation: rotation.startsWith(`${squad}/`) ? rotation.slice(squad.length + 1) : rotation,
      escalation: policy.id,
    };
    if (tr && own.length) spec.during = windowsOf(own) as unknown as RoutingSpec['during'];
    ruleHours.set(spec, own);
    taken = union([...taken, ...own]);
    if (rule.urgency === 'low') spec.urgency = 'low';
    if (rule.urgency === 'dynamic')
      ctx.find(routing, `dynamic urgency of ${label}`, 'a rule pages at high or low urgency: imported as high', 'approximated');
    out.push(spec);
  }
  const last = out[out.length - 1];
  if (last?.during !== undefined) {
    // The last rule applies at all hours in the YAML: exact when the rules above take every other hour.
    const above = union(out.slice(0, -1).flatMap((r) => (r.during === undefined ? WEEK : (ruleHours.get(r) ?? []))));
    const own = ruleHours.get(last) ?? [];
    if (measure(union([...above, ...own])) < MINUTES_PER_WEEK)
      ctx.find(
        routing,
        'the hours of the last rule',
        'the last rule of a squad applies at all hours: outside them Datadog pages nobody, the YAML pages its policy',
        'approximated',
      );
    delete last.during;
  }
  if (out.length) links.push({ observed: routing.name, planned: names.routing(squad) });
  return out;
}
