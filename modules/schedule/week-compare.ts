/**
 * Who is on call week by week, before and after a change, for every rotation the change touches — what a
 * reviewer wants to see when two people swap places ("week of 2026-12-21: chloe → bruno").
 */
import type { Organisation, Rotation } from '../model/types';
import { HOUR, instantOf, isoDateOfLocal, localMinute, weekdayOfLocal } from '../core/local-time';
import { clockFor, rotationShifts, shiftAt } from './shifts';
import { handoffAt, turnAt } from './turns';

export interface WeekOnCall {
  /** ISO date of the week's Monday, in the rotation's zone. */
  readonly week: string;
  readonly before: readonly string[];
  readonly after: readonly string[];
}

export interface RotationChange {
  readonly team: string;
  readonly rotation: string;
  readonly status: 'added' | 'removed' | 'changed';
  readonly weeks: readonly WeekOnCall[];
  /** Who is on call now, before and after: a change here did not wait for the next handoff. */
  readonly now: { readonly before: string | null; readonly after: string | null; readonly nextHandoff?: string };
}

/** What defines who is on call in a rotation (positions in the YAML left out). */
function fingerprint(r: Rotation | undefined): string {
  if (!r) return '';
  return JSON.stringify({
    zone: r.timezone,
    every: r.every,
    handoff: [r.handoffWeekday, r.handoffMinute],
    segments: r.segments.map((s) => [s.from, s.members]),
    offset: r.offset,
    coverage: r.coverage.intervals,
    overrides: r.overrides.map((o) => [o.person, o.start, o.end]),
    swaps: r.swaps.map((s) => [s.between, s.kind === 'shifts' ? s.shifts : s.gives.map((g) => [g.start, g.end])]),
    retired: r.retired,
  });
}

/** People on call in a week: those with at least 12 hours, in order; else whoever has the most. */
function peopleOfWeek(rotation: Rotation | undefined, from: number, to: number): string[] {
  if (!rotation || rotation.retired) return [];
  const time = new Map<string, number>();
  for (const s of rotationShifts(rotation, from, to)) time.set(s.person, (time.get(s.person) ?? 0) + s.end - s.start);
  const long = [...time].filter(([, ms]) => ms >= 12 * HOUR).map(([p]) => p);
  if (long.length > 0 || time.size === 0) return long;
  return [[...time].sort((a, b) => b[1] - a[1])[0]![0]];
}

export function rotationChanges(base: Organisation | undefined, head: Organisation, now: number, weeks = 8): RotationChange[] {
  const keys = [...new Set([...(base?.rotations.keys() ?? []), ...head.rotations.keys()])].sort();
  const out: RotationChange[] = [];
  for (const key of keys) {
    const before = base?.rotations.get(key);
    const after = head.rotations.get(key);
    if (fingerprint(before) === fingerprint(after)) continue;
    const zone = (after ?? before)!.timezone;
    const local = localMinute(zone, now);
    const monday = Math.floor(local / 1440) * 1440 - (weekdayOfLocal(local) - 1) * 1440;
    const list: WeekOnCall[] = [];
    for (let w = 0; w < weeks; w++) {
      const start = instantOf(zone, monday + w * 10080);
      const end = instantOf(zone, monday + (w + 1) * 10080);
      list.push({
        week: isoDateOfLocal(monday + w * 10080),
        before: peopleOfWeek(before, start, end),
        after: peopleOfWeek(after, start, end),
      });
    }
    const [team = '', rotation = ''] = key.split('/');
    const current = (r: Rotation | undefined) => (r && !r.retired ? (shiftAt(r, now)?.person ?? null) : null);
    const next =
      after && !after.retired ? isoDateOfLocal(localMinute(zone, handoffAt(clockFor(after), turnAt(clockFor(after), now) + 1))) : undefined;
    out.push({
      team,
      rotation,
      status: !before ? 'added' : !after ? 'removed' : 'changed',
      weeks: list,
      now: { before: current(before), after: current(after), nextHandoff: next },
    });
  }
  return out;
}
