/** On-call load per person: shifts and hours over a window, and who carries too much of it. */
import type { Organisation, Rotation } from '../model/types';
import { HOUR } from '../core/local-time';
import { union, type Interval } from '../core/intervals';
import { servedRotations } from '../model/served-rotations';
import { clockFor, rotationShifts, type Shift } from './shifts';

export interface PersonLoad {
  readonly person: string;
  readonly shifts: number;
  readonly hours: number;
}

/** Shifts and hours per person; hours are the length of the union of their shifts (two rotations at once count once). */
export function loadOf(shifts: readonly Shift[]): PersonLoad[] {
  const byPerson = new Map<string, { shifts: number; spans: Interval[] }>();
  for (const s of shifts) {
    const entry = byPerson.get(s.person) ?? { shifts: 0, spans: [] };
    entry.shifts++;
    entry.spans.push([s.start, s.end]);
    byPerson.set(s.person, entry);
  }
  return [...byPerson]
    .map(([person, { shifts, spans }]) => {
      const ms = union(spans).reduce((sum, [s, e]) => sum + (e - s), 0);
      return { person, shifts, hours: Math.round((ms / HOUR) * 100) / 100 };
    })
    .sort((a, b) => b.hours - a.hours || (a.person < b.person ? -1 : 1));
}

/**
 * Load per person of one squad over [from, to): the rotations answering for it, its own and the pool rotations it
 * routes or escalates to, each shift once.
 */
export function squadLoad(org: Organisation, team: string, from: number, to: number): PersonLoad[] {
  const t = org.squads.get(team);
  if (!t) return [];
  return loadOf(servedRotations(org, t).flatMap((r) => (r.retired ? [] : rotationShifts(r, from, to))));
}

/**
 * The window over which a rotation's fairness is judged: whole cycles (every member once) covering at
 * least `minDays`, so that rounding a short window never looks unfair.
 */
export function fairnessWindow(rotation: Rotation, from: number, minDays: number): [number, number] {
  const clock = clockFor(rotation);
  const members = Math.max(...rotation.segments.map((s) => s.members.length), 1);
  const cycleMinutes = clock.length * members;
  const cycles = Math.max(1, Math.ceil((minDays * 1440) / cycleMinutes));
  return [from, from + cycles * cycleMinutes * 60_000];
}

export interface Overload {
  readonly rotation: Rotation;
  readonly person: string;
  readonly hours: number;
  readonly mean: number;
  readonly percentAbove: number;
  readonly from: number;
  readonly to: number;
}

/** People carrying more than `maxAboveMeanPercent` above their rotation's mean over whole cycles. */
export function overloads(org: Organisation, from: number, minDays = 56): Overload[] {
  const out: Overload[] = [];
  for (const rotation of org.rotations.values()) {
    if (rotation.retired) continue;
    const [start, end] = fairnessWindow(rotation, from, minDays);
    const members = new Set(rotation.segments.flatMap((s) => s.members));
    const load = new Map(loadOf(rotationShifts(rotation, start, end)).map((l) => [l.person, l.hours]));
    const people = new Set([...members, ...load.keys()]);
    const total = [...load.values()].reduce((a, b) => a + b, 0);
    const mean = total / Math.max(people.size, 1);
    if (mean === 0) continue;
    for (const person of people) {
      const hours = load.get(person) ?? 0;
      const percentAbove = ((hours - mean) / mean) * 100;
      if (percentAbove > org.fairness.maxAboveMeanPercent) out.push({ rotation, person, hours, mean, percentAbove, from: start, to: end });
    }
  }
  return out;
}
