/**
 * The engine's escalation timelines, from the model (never from a rendering): for an alert raised at M, the routing
 * rule (or the service's promise) that takes it, then each step of the policy at M + after, its repeats included (the
 * policy starts again `repeat` times, each pass as long as its steps' delays, the last step waiting until the response
 * target: `stepDelays`). A step's `on-call` at an instant T means the rotation routing gives at T when that rule uses the
 * same policy (or when a service's promise pages through it, routing then only saying which rotation is on call when),
 * else whoever is on call at T in the rotations routing sends to that policy.
 */
import { holidayOn } from '../model/holiday-calendar';
import { isoDateOfLocal, localMinute } from '../core/local-time';
import type { EscalationPolicy, Organisation, Rotation, RoutingRule, Source, Squad, Target, WeeklyWindows } from '../model/types';
import { stepDelays } from '../render/squad-routing';
import { isCovered } from '../schedule/coverage';
import { shiftsOverlapping, type Shift } from '../schedule/shifts';
import type { Changes } from '../interpret/changes';
import { nobody, planOffsets, unroll, type AlertUnit, type StepPlan, type Timeline } from '../interpret/timeline';

const MINUTE = 60_000;
const DAY = 86_400_000;

export const at = (s: Source): string => `${s.file}:${s.line}`;

function planOf(policy: EscalationPolicy): StepPlan<readonly Target[]> {
  return {
    offsets: policy.steps.map((s) => s.afterMinutes),
    targets: policy.steps.map((s) => s.targets),
    loops: policy.repeat,
    cycle: stepDelays(policy).reduce((a, b) => a + b, 0),
  };
}

/** The engine's side of a rehearsal over alerts raised in [from, to): shifts worked out once, asked by binary search. */
export class EngineTimelines {
  private readonly shifts = new Map<string, Shift[]>();

  /** `horizon`: minutes after the last alert that steps and repeats may reach. */
  constructor(
    readonly org: Organisation,
    readonly from: number,
    readonly to: number,
    horizon: number,
  ) {
    for (const [key, rotation] of org.rotations) {
      const shifts = rotation.retired ? [] : shiftsOverlapping(rotation, from - DAY, to + horizon * MINUTE + DAY);
      this.shifts.set(
        key,
        [...shifts].sort((a, b) => a.start - b.start),
      );
    }
  }

  /** Minutes after an alert that the policies of the organisation may notify at (steps and repeats). */
  static horizon(org: Organisation): number {
    let max = 0;
    for (const team of org.squads.values()) for (const p of team.escalations.values()) max = Math.max(max, ...planOffsets(planOf(p)));
    return max;
  }

  private shiftAt(key: string, t: number): Shift | undefined {
    const list = this.shifts.get(key) ?? [];
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]!.end <= t) lo = mid + 1;
      else hi = mid;
    }
    const s = list[lo];
    return s && s.start <= t ? s : undefined;
  }

  /** Who a rotation has on call at t, and the YAML that says so. */
  private onDuty(key: string, t: number): { person: string | null; cause: string } {
    const rotation = this.org.rotations.get(key);
    if (!rotation) return { person: null, cause: `no rotation ${key}` };
    const shift = this.shiftAt(key, t);
    if (!shift)
      return { person: null, cause: `${key}: nobody (outside its coverage${this.holiday(rotation.timezone, rotation.coverage, t)})` };
    return { person: shift.person, cause: causeOf(rotation, shift, t) };
  }

  private holiday(zone: string, windows: WeeklyWindows, t: number): string {
    if (!windows.holidays?.offHours) return '';
    const date = isoDateOfLocal(Math.floor(localMinute(zone, t) / 1440) * 1440);
    const h = holidayOn(windows.holidays, date);
    return h ? `, holiday ${date} ${h.name} (${at(this.org.source)})` : '';
  }

  timeline(unit: AlertUnit, instant: number): Timeline {
    const team = this.org.squads.get(unit.squad);
    if (!team) return nobody(`no squad ${unit.squad}`);
    let policy: EscalationPolicy | undefined;
    let urgency: 'high' | 'low';
    let route: string;
    const service = unit.kind === 'service' ? team.services.get(unit.service) : undefined;
    if (unit.kind === 'service' && (!service || service.retired)) return nobody(`no live service ${unit.service}`);
    const promise = service?.promise;
    if (promise) {
      const inside = isCovered(promise.timezone, promise.coverage, instant);
      const where = `promise of ${service!.id} (${at(promise.source)})${this.holiday(promise.timezone, promise.coverage, instant)}`;
      if (!inside && promise.outsideCoverage === 'none') return nobody(`outside the ${where}`);
      policy = team.escalations.get(promise.escalation);
      urgency = inside ? 'high' : 'low';
      route = `${inside ? 'inside' : 'outside'} the ${where}`;
    } else {
      const index = team.routing.findIndex((r) => isCovered(r.timezone, r.during, instant));
      const rule = team.routing[index];
      if (!rule) return nobody(`no routing rule of ${team.id} covers it`);
      policy = team.escalations.get(rule.escalation);
      urgency = rule.urgency;
      route = `routing rule ${index + 1} of ${team.id} (${at(rule.source)})${this.holiday(rule.timezone, rule.during, instant)}`;
    }
    if (!policy) return nobody(`${route}: no policy`);
    const p = policy;
    const notifications = unroll(planOf(p), (targets, after) => {
      const t = instant + after * MINUTE;
      const found = targets.flatMap((target) => this.targetAt(team, p, target, t));
      return { people: found.flatMap((f) => (f.person === null ? [] : [f.person])), causes: found.map((f) => f.cause) };
    });
    return { urgency, route: `${route} → ${p.key} (${at(p.source)})`, notifications };
  }

  private targetAt(team: Squad, policy: EscalationPolicy, target: Target, t: number): Array<{ person: string | null; cause: string }> {
    if (target.kind === 'person') return [{ person: target.person, cause: `${target.person} in ${policy.key} (${at(policy.source)})` }];
    if (target.kind === 'rotation') return [this.onDuty(target.rotation, t)];
    const rule = team.routing.find((r) => isCovered(r.timezone, r.during, t));
    if (rule && (rule.escalation === policy.id || promised(team, policy))) return [this.onDuty(rule.rotation, t)];
    const keys = [...new Set(team.routing.filter((r) => r.escalation === policy.id).map((r) => r.rotation))];
    return keys.map((k) => this.onDuty(k, t));
  }

  /** Every instant of [changes.from, changes.to) where the timeline of `unit` may change. */
  changes(unit: AlertUnit, changes: Changes): void {
    const team = this.org.squads.get(unit.squad);
    if (!team) return;
    const service = unit.kind === 'service' ? team.services.get(unit.service) : undefined;
    const routing = (c: Changes) => team.routing.forEach((r) => windowChanges(r.timezone, r.during, c));
    routing(changes);
    if (service?.promise) windowChanges(service.promise.timezone, service.promise.coverage, changes);
    const policies = service?.promise ? [service.promise.escalation] : team.routing.map((r: RoutingRule) => r.escalation);
    const rotations = new Set(team.routing.map((r) => r.rotation));
    const offsets = new Set<number>();
    for (const id of new Set(policies)) {
      const policy = team.escalations.get(id);
      if (!policy) continue;
      planOffsets(planOf(policy)).forEach((o) => offsets.add(o));
      for (const s of policy.steps) for (const t of s.targets) if (t.kind === 'rotation') rotations.add(t.rotation);
    }
    for (const offset of offsets) {
      changes.shifted(offset, (c) => {
        routing(c);
        for (const key of rotations)
          for (const s of this.shifts.get(key) ?? []) {
            c.at(s.start);
            c.at(s.end);
          }
      });
    }
  }
}

const promised = (team: Squad, policy: EscalationPolicy): boolean =>
  [...team.services.values()].some((s) => s.promise?.escalation === policy.id);

/** Edges of weekly windows on a zone's clock, and every local midnight when holidays change them. */
function windowChanges(zone: string, windows: WeeklyWindows, changes: Changes): void {
  if (windows.kind === 'always') return;
  for (const [s, e] of windows.intervals) {
    changes.weekly(zone, s);
    changes.weekly(zone, e % 10080);
  }
  if (windows.holidays?.offHours) changes.daily(zone, 0);
}

/** The YAML object behind a shift: an override, a swap, or the rotation's roster. */
function causeOf(rotation: Rotation, shift: Shift, t: number): string {
  if (shift.source === 'override') {
    const o = rotation.overrides.find((x) => x.start <= t && t < x.end && x.person === shift.person);
    if (o) return `override of ${rotation.key} for ${o.person} (${at(o.source)})`;
  }
  if (shift.source === 'swap' || shift.swappedWith !== undefined) {
    const s = rotation.swaps.find((x) => x.between.includes(shift.person));
    if (s) return `swap in ${rotation.key} between ${s.between.join(' and ')} (${at(s.source)})`;
  }
  const segment = [...rotation.segments].reverse().find((s) => s.members.includes(shift.person)) ?? rotation.segments[0];
  return `${rotation.key} turn of ${shift.person} (${at(segment?.source ?? rotation.source)})`;
}
