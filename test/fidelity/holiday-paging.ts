/**
 * Who a squad's `on-call` pages, by the engine (holidays included) and by a backend's interpreter of its schedules
 * (modules/interpret, which reads rendered inputs only) with the weekly routing of the model: what the holiday
 * fidelity tests compare.
 */
import type { Organisation, RoutingRule, Squad } from '../../modules/model/types';
import type { Backend, DesiredState } from '../../modules/render/desired';
import { names } from '../../modules/render/names';
import { onCallRotations } from '../../modules/render/squad-routing';
import { isCovered, weeklyOnly } from '../../modules/schedule/coverage';
import { shiftsOverlapping } from '../../modules/schedule/shifts';
import { datadogOnCall, opsgenieOnCall, pagerdutyOnCall } from '../../modules/interpret/service-routing';

export const INTERPRETERS: Record<Backend, (org: Organisation, state: DesiredState, schedule: string, instant: number) => string | null> = {
  pagerduty: pagerdutyOnCall,
  opsgenie: opsgenieOnCall,
  datadog: datadogOnCall,
};
export const MINUTE = 60_000;

/** The rule a backend's weekly routing takes (its rendered restrictions are weekly; see routing fidelity). */
const weeklyRule = (team: Squad, t: number): RoutingRule | undefined =>
  team.routing.find((r) => isCovered(r.timezone, weeklyOnly(r.during), t));
const engineRule = (team: Squad, t: number): RoutingRule | undefined => team.routing.find((r) => isCovered(r.timezone, r.during, t));

/** The engine's shifts of each rotation over the year, asked by binary search (the engine is slow per instant). */
export function shiftIndex(org: Organisation, from: number, to: number): (key: string, t: number) => string | null {
  const byRotation = new Map([...org.rotations].map(([key, r]) => [key, shiftsOverlapping(r, from, to)]));
  return (key, t) => {
    const shifts = byRotation.get(key) ?? [];
    let lo = 0;
    let hi = shifts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (shifts[mid]!.end <= t) lo = mid + 1;
      else hi = mid;
    }
    const s = shifts[lo];
    return s && s.start <= t ? s.person : null;
  };
}

/** Whom the engine pages for a squad's `on-call` at `t`. */
export function enginePages(team: Squad, personAt: (key: string, t: number) => string | null, t: number): string | null {
  const rule = engineRule(team, t);
  const key = rule?.rotation ?? [...team.rotations.values()][0]?.key;
  return key === undefined ? null : personAt(key, t);
}

/**
 * Whom the backend pages for a squad's `on-call` at `t`: on PagerDuty every schedule `on-call` targets in the
 * service's one policy (the layers' restrictions leave one of them with someone); on Opsgenie and Datadog On-Call the
 * schedule of the routing rule the weekly time restrictions select.
 */
export function backendPages(org: Organisation, state: DesiredState, backend: Backend, team: Squad, t: number): string | null {
  const rule = weeklyRule(team, t);
  const policy = team.escalations.get(rule?.escalation ?? '');
  const rotations =
    backend === 'pagerduty' && policy
      ? onCallRotations(org, team, policy)
      : [org.rotations.get(rule?.rotation ?? '') ?? [...team.rotations.values()][0]!];
  const people = new Set(
    rotations.map((r) => INTERPRETERS[backend](org, state, names.schedule(r.squad, r.id), t)).filter((p) => p !== null),
  );
  if (people.size > 1) return [...people].join(' and ');
  return [...people][0] ?? null;
}
