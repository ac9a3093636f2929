/** How a PagerDuty service's urgency becomes the squad's routing or a service's promise (backends/pagerduty/promise.ts). */
import { DateTime } from 'luxon';
import { complement } from '../../model/windows';
import { DAY_NAMES } from '../../render/coverage-shapes';
import type { Value } from '../../render/desired';
import { str, hhmm, type Inputs, type RoutingRule, type ServiceSpec, type Squad } from './import-parts';
import { windowsOfIntervals, type YamlWindow } from './schedule-rotations';

/** Whether an override spends time outside the weekly intervals of its rotation (checked every 15 minutes). */
export function outsideCoverage(intervals: ReadonlyArray<readonly [number, number]>, start: number, end: number, zone: string): boolean {
  for (let t = start; t < end; t += 15 * 60_000) {
    const d = DateTime.fromMillis(t, { zone });
    const m = (d.weekday - 1) * 1440 + d.hour * 60 + d.minute;
    if (!intervals.some(([s, e]) => s <= m && m < e)) return true;
  }
  return false;
}

export type Shape =
  | { kind: 'constant'; urgency: 'high' | 'low'; why?: undefined }
  | {
      kind: 'hours';
      window: YamlWindow[];
      zone: string;
      during: 'high' | 'low';
      outside: 'high' | 'low';
      actions: boolean;
      why?: undefined;
    }
  | { kind: 'other'; why: string };

/** A service's urgency as the renderer would write it: constant, or support hours with an urgency each side. */
export function urgencyShape(inputs: Inputs): Shape {
  const rule = (inputs.incidentUrgencyRule ?? { type: 'constant', urgency: 'high' }) as Inputs;
  const level = (v: Value | undefined) => (v === 'low' ? 'low' : v === 'high' ? 'high' : undefined);
  if (rule.type === 'constant') {
    const u = level(rule.urgency);
    return u ? { kind: 'constant', urgency: u } : { kind: 'other', why: `urgency ${str(rule.urgency)}` };
  }
  const hours = inputs.supportHours as Inputs | undefined;
  const during = level((rule.duringSupportHours as Inputs | undefined)?.urgency);
  const outside = level((rule.outsideSupportHours as Inputs | undefined)?.urgency);
  if (rule.type !== 'use_support_hours' || !hours || !during || !outside) return { kind: 'other', why: `urgency rule ${str(rule.type)}` };
  const days = (hours.daysOfWeeks as number[] | undefined) ?? [];
  const from = hhmm(str(hours.startTime));
  const to = hhmm(str(hours.endTime));
  const actions = JSON.stringify(inputs.scheduledActions ?? null);
  const expected = JSON.stringify([
    { type: 'urgency_change', toUrgency: 'high', ats: [{ type: 'named_time', name: 'support_hours_start' }] },
  ]);
  if (actions !== 'null' && actions !== expected)
    return { kind: 'other', why: 'scheduled actions other than raising the urgency at the start of support hours' };
  return {
    kind: 'hours',
    window: days.map((d) => ({ days: DAY_NAMES[d - 1]!, from, to })),
    zone: str(hours.timeZone),
    during,
    outside,
    actions: actions === expected,
  };
}

export function routingFor(squad: Squad, policy: string, shape: Shape): RoutingRule[] | undefined {
  const policyRotation = (): string | undefined => {
    const steps = squad.file.escalations?.[policy]?.steps ?? [];
    for (const step of steps) {
      for (const t of Array.isArray(step.notify) ? step.notify : [step.notify])
        if (typeof t === 'object' && 'rotation' in t) return t.rotation;
    }
    return Object.keys(squad.file.rotations ?? {})[0];
  };
  const rotation = policyRotation();
  if (!rotation) return undefined;
  const urgency = (u: 'high' | 'low') => (u === 'low' ? { urgency: 'low' as const } : {});
  if (shape.kind === 'constant') {
    // A schedule split by precedence: each rotation in its coverage, the lowest for the rest.
    const group = squad.groups.get(rotation);
    if (group && group.length > 1) {
      const top = [...group].reverse();
      const rules: RoutingRule[] = top.slice(0, -1).flatMap((id) => {
        const coverage = squad.file.rotations?.[id]?.coverage;
        // A copy: the YAML writer would otherwise share the object (an anchor and an alias).
        return coverage && coverage !== 'always'
          ? [{ during: structuredClone(coverage), rotation: id, escalation: policy, ...urgency(shape.urgency) }]
          : [];
      });
      return [...rules, { rotation: top[top.length - 1]!, escalation: policy, ...urgency(shape.urgency) }];
    }
    return [{ rotation, escalation: policy, ...urgency(shape.urgency) }];
  }
  if (shape.kind !== 'hours') return undefined;
  // The support hours are read in the first rule's rotation's zone; the scheduled action is what the renderer adds.
  if (shape.actions !== (shape.during === 'high' && shape.outside === 'low')) return undefined;
  // The rotations that cover the support hours, and the rest of the week, best.
  const hours = windowIntervals(shape.window);
  const rest = complement(hours);
  const best = (want: ReadonlyArray<readonly [number, number]>, zone?: string) =>
    [...squad.covers]
      .filter(([id]) => zone === undefined || squad.zones.get(id) === zone)
      .map(([id, c]) => [id, overlap(c, want)] as const)
      .sort((a, b) => b[1] - a[1])[0]?.[0];
  const inZone = best(hours, shape.zone);
  if (!inZone) return undefined;
  const otherwise = best(rest) ?? rotation;
  return [
    {
      during: shape.window as [YamlWindow, ...YamlWindow[]],
      rotation: inZone,
      escalation: policy,
      ...(shape.during === 'low' ? { urgency: 'low' as const } : {}),
    },
    { rotation: otherwise, escalation: policy, ...(shape.outside === 'low' ? { urgency: 'low' as const } : {}) },
  ];
}

export function windowIntervals(windows: readonly YamlWindow[]): Array<[number, number]> {
  return windows.map((w) => {
    const day = DAY_NAMES.indexOf(w.days as (typeof DAY_NAMES)[number]);
    const [fh, fm] = w.from.split(':').map(Number);
    const [th, tm] = w.to.split(':').map(Number);
    return [day * 1440 + fh! * 60 + fm!, day * 1440 + th! * 60 + tm!] as [number, number];
  });
}

export function overlap(a: ReadonlyArray<readonly [number, number]>, b: ReadonlyArray<readonly [number, number]>): number {
  let total = 0;
  for (const [s1, e1] of a) for (const [s2, e2] of b) total += Math.max(0, Math.min(e1, e2) - Math.max(s1, s2));
  return total;
}

/** Whether the squad's routing renders this urgency shape. */
export function sameAsRouting(squad: Squad, shape: Shape): boolean {
  const routing = squad.file.routing;
  if (!routing) return false;
  const [first, second] = routing;
  if (shape.kind === 'constant') return routing.length === 1 && (first!.urgency ?? 'high') === shape.urgency;
  if (shape.kind !== 'hours' || !second) return false;
  return (
    JSON.stringify(first!.during) === JSON.stringify(shape.window) &&
    squad.zones.get(first!.rotation) === shape.zone &&
    (first!.urgency ?? 'high') === shape.during &&
    (second.urgency ?? 'high') === shape.outside
  );
}

/** A promise that renders this urgency shape (promise.ts), when there is one. */
export function promiseFor(shape: Shape): Partial<ServiceSpec> | undefined {
  if (shape.kind === 'constant') return shape.urgency === 'high' ? { coverage: 'always' } : undefined;
  if (shape.kind !== 'hours') return undefined;
  if (shape.during === 'high' && shape.outside === 'low' && shape.actions)
    return { coverage: shape.window as [YamlWindow, ...YamlWindow[]], timezone: shape.zone, outsideCoverage: 'low' };
  // High urgency outside the support hours: a promise of the rest of the week (promise.ts renders its complement).
  if (shape.during === 'low' && shape.outside === 'high' && !shape.actions) {
    const rest = windowsOfIntervals(complement(windowIntervals(shape.window)));
    if (rest !== 'always') return { coverage: rest as [YamlWindow, ...YamlWindow[]], timezone: shape.zone, outsideCoverage: 'low' };
  }
  return undefined;
}
