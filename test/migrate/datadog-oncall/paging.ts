/**
 * Who the account pages and who the imported YAML's engine pages, over 52 weeks. The account is read with Datadog
 * On-Call's semantics from the observed state (under the planned names): for a squad, the first of its team's
 * routing rules without a query whose time restrictions hold, its policy's first step, and whoever each targeted
 * schedule has on call (test/fidelity/datadog.ts); for a service, test/fidelity/service-routing.ts. The engine
 * side is test/fidelity/holiday-paging.ts enginePages and expectedPaged on the imported organisation.
 */
import { DD } from '../../../modules/backends/datadog-oncall/resources';
import type { Organisation } from '../../../modules/model/types';
import { isRef, type DesiredState, type Value } from '../../../modules/render/desired';
import { names } from '../../../modules/render/names';
import { shiftsOverlapping } from '../../../modules/schedule/shifts';
import { personOf } from '../../../modules/interpret/common';
import { allowed, datadogOnCall } from '../../../modules/interpret/datadog';
import { enginePages, MINUTE, shiftIndex } from '../../fidelity/holiday-paging';
import { datadogPaged, expectedPaged } from '../../fidelity/service-routing';

const WEEK = 7 * 1440 * MINUTE;

type Rule = { query?: string; timeRestrictions?: { timeZone: string; restrictions: never[] }; escalationPolicy?: Value };

const byName = new WeakMap<DesiredState, Map<string, DesiredState['resources'][number]>>();
function named(state: DesiredState, name: string): DesiredState['resources'][number] | undefined {
  let map = byName.get(state);
  if (!map) byName.set(state, (map = new Map(state.resources.map((r) => [r.name, r]))));
  return map.get(name);
}

/** Whom the account pages first for a squad's own alerts (no service tag) at `t`. */
export function accountPages(org: Organisation, state: DesiredState, squad: string, t: number): string | null {
  const routing = named(state, names.routing(squad));
  if (routing?.type !== DD.routing) return null;
  for (const rule of routing.inputs.rules as Rule[]) {
    if (rule.query !== undefined) continue;
    if (rule.timeRestrictions && !allowed(rule.timeRestrictions.restrictions, t, rule.timeRestrictions.timeZone)) continue;
    if (!isRef(rule.escalationPolicy)) return null;
    const policyName = rule.escalationPolicy.$ref;
    const policy = named(state, policyName)!;
    const first = (policy.inputs.steps as Array<{ targets: Array<{ schedule?: Value; user?: Value }> }>)[0]!;
    const people = new Set(
      first.targets
        .map((x) => (isRef(x.schedule) ? datadogOnCall(org, state, x.schedule.$ref, t) : personOf(org, x.user!)))
        .filter((p) => p !== null),
    );
    return people.size ? [...people].sort().join(' and ') : null;
  }
  return null;
}

export function pagingMismatches(org: Organisation, state: DesiredState, from: number, weeks = 52, limit = 10): string[] {
  const to = from + weeks * WEEK;
  const personAt = shiftIndex(org, from - 2 * WEEK, to + 2 * WEEK);
  const times = new Set<number>();
  for (let t = from; t < to; t += 180 * MINUTE) times.add(t);
  for (const r of org.rotations.values())
    for (const s of shiftsOverlapping(r, from, to)) for (const e of [s.start, s.end]) times.add(e - MINUTE).add(e);
  const instants = [...times].filter((t) => t >= from && t < to).sort((a, b) => a - b);
  const wrong: string[] = [];
  for (const squad of org.squads.values()) {
    if (squad.routing.length === 0) continue;
    for (const t of instants) {
      const engine = enginePages(squad, personAt, t);
      const account = accountPages(org, state, squad.id, t);
      if (engine !== account && wrong.length < limit)
        wrong.push(`${new Date(t).toISOString()} ${squad.id}: engine ${engine}, account ${account}`);
    }
  }
  const services = [...org.services.values()].filter((s) => s.promise && !s.retired);
  // Every other hour, the odd hours one week and the even ones the next: each hour of the week, 26 times a year.
  const hourly: number[] = [];
  for (let t = from; t < to; t += 120 * MINUTE) hourly.push(t + (Math.floor((t - from) / WEEK) % 2) * 60 * MINUTE);
  for (const service of services) {
    for (const t of hourly) {
      const engine = JSON.stringify(expectedPaged(org, 'datadog', service, t));
      const account = JSON.stringify(datadogPaged(org, state, service, t));
      if (engine !== account && wrong.length < limit)
        wrong.push(`${new Date(t).toISOString()} ${service.id}: engine ${engine}, account ${account}`);
    }
  }
  return wrong;
}
