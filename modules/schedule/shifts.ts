/**
 * Shifts: who is on call in a rotation, and when. A shift is a maximal stretch of one person's turn
 * (or override) inside the rotation's coverage, half-open [start, end).
 *
 * Order of precedence: the roster gives each turn a person; swaps exchange whole turns; overrides
 * replace whoever is due for their period. Coverage applies to all three: outside its windows the
 * rotation has nobody, and turns keep advancing through the time it does not cover (as PagerDuty
 * restrictions, Opsgenie time restrictions and Datadog On-Call restrictions do).
 */
import type { Organisation, Rotation } from '../model/types';
import { coveredIntervals } from './coverage';
import { intersect, subtract, type Interval } from '../core/intervals';
import { localDateMinute, localMinute } from '../core/local-time';
import { clockOf, handoffAt, memberFor, turnAt, turnsBetween, type RotationClock } from './turns';

export type ShiftSource = 'roster' | 'swap' | 'override';

export interface Shift {
  readonly team: string;
  readonly rotation: string;
  readonly person: string;
  readonly start: number;
  readonly end: number;
  readonly source: ShiftSource;
  /** The turn this shift belongs to (for overrides, the turn at its start). */
  readonly turn: number;
  /** Why, for swaps and overrides. */
  readonly reason?: string;
  /** For swaps: whom the turn was exchanged with. */
  readonly swappedWith?: string;
}

export interface SwapWithTurns {
  readonly swap: Rotation['swaps'][number];
  /** Turn indexes of the two shifts, when they exist. */
  readonly turns: readonly [number | undefined, number | undefined];
}

/** The turn starting on a local date, if one does. */
export function turnStartingOn(clock: RotationClock, isoDate: string): number | undefined {
  const day = localDateMinute(isoDate);
  const zone = clock.rotation.timezone;
  const guess = Math.floor((day + clock.rotation.handoffMinute - clock.firstLocal) / clock.length);
  for (const candidate of [guess - 1, guess, guess + 1]) {
    if (candidate < 0) continue;
    const local = localMinute(zone, handoffAt(clock, candidate));
    if (Math.floor(local / 1440) * 1440 === day) return candidate;
  }
  return undefined;
}

/** Each swap of the rotation with the turns of its two shifts (the model has already resolved its people). */
export function swapTurns(clock: RotationClock): SwapWithTurns[] {
  return clock.rotation.swaps.map((swap) => ({
    swap,
    turns: [turnStartingOn(clock, swap.shifts[0]), turnStartingOn(clock, swap.shifts[1])],
  }));
}

/** The person of each turn after swaps, by turn index (only turns a swap changes). */
function swappedTurns(clock: RotationClock): Map<number, { person: string; reason?: string; with: string }> {
  const out = new Map<number, { person: string; reason?: string; with: string }>();
  for (const { swap, turns } of swapTurns(clock)) {
    const [a, b] = swap.between;
    const [ka, kb] = turns;
    // A swap that no longer matches the roster is reported by validation and not applied.
    if (ka === undefined || kb === undefined || memberFor(clock, ka) !== a || memberFor(clock, kb) !== b) continue;
    out.set(ka, { person: b, reason: swap.reason, with: a });
    out.set(kb, { person: a, reason: swap.reason, with: b });
  }
  return out;
}

const clocks = new WeakMap<Rotation, RotationClock>();
export function clockFor(rotation: Rotation): RotationClock {
  let clock = clocks.get(rotation);
  if (!clock) {
    clock = clockOf(rotation);
    clocks.set(rotation, clock);
  }
  return clock;
}

/** Every shift of a rotation overlapping [from, to), clipped to it, in order. */
export function rotationShifts(rotation: Rotation, from: number, to: number): Shift[] {
  const clock = clockFor(rotation);
  const covered = coveredIntervals(rotation.timezone, rotation.coverage, from, to);
  if (covered.length === 0) return [];
  const swaps = swappedTurns(clock);
  const base = { team: rotation.squad, rotation: rotation.id };
  const shifts: Shift[] = [];

  const overrides = rotation.overrides.filter((o) => o.start < to && o.end > from);
  const overridden: Interval[] = overrides.map((o) => [o.start, o.end] as const).sort((a, b) => a[0] - b[0]);

  // Turns come in time order: the covered and overridden intervals a turn meets are found by cursors
  // that only move forward, so the work is linear in turns, not turns × intervals.
  let c = 0;
  let v = 0;
  for (const turn of turnsBetween(clock, from, to)) {
    const swapped = swaps.get(turn.k);
    const person = swapped?.person ?? memberFor(clock, turn.k);
    if (person === undefined) continue;
    while (c < covered.length && (covered[c] as Interval)[1] <= turn.start) c++;
    while (v < overridden.length && (overridden[v] as Interval)[1] <= turn.start) v++;
    const pieces = subtract(intersect([[turn.start, turn.end]], within(covered, c, turn.end)), within(overridden, v, turn.end));
    for (const [start, end] of pieces) {
      shifts.push({
        ...base,
        person,
        start,
        end,
        source: swapped ? 'swap' : 'roster',
        turn: turn.k,
        reason: swapped?.reason,
        swappedWith: swapped?.with,
      });
    }
  }
  for (const o of overrides) {
    for (const [start, end] of intersect([[Math.max(o.start, from), Math.min(o.end, to)]], covered)) {
      shifts.push({ ...base, person: o.person, start, end, source: 'override', turn: turnAt(clock, start), reason: o.reason });
    }
  }
  return shifts.sort((a, b) => a.start - b.start);
}

/** The intervals of a sorted list from index `first` that start before `end`. */
function within(list: readonly Interval[], first: number, end: number): readonly Interval[] {
  let last = first;
  while (last < list.length && (list[last] as Interval)[0] < end) last++;
  return list.slice(first, last);
}

/**
 * Every whole shift of a rotation that overlaps [from, to): shifts running over the window's edges are
 * not cut (a calendar or roster shows the whole week of the person on call when the window opens).
 */
export function shiftsOverlapping(rotation: Rotation, from: number, to: number): Shift[] {
  const clock = clockFor(rotation);
  let start = Math.min(from, handoffAt(clock, turnAt(clock, from)));
  let end = Math.max(to, handoffAt(clock, turnAt(clock, to - 1) + 1));
  for (const o of rotation.overrides) {
    if (o.start < end && o.end > start) {
      start = Math.min(start, o.start);
      end = Math.max(end, o.end);
    }
  }
  return rotationShifts(rotation, start, end).filter((s) => s.start < to && s.end > from);
}

/** Every whole shift of the organisation (or of one squad) overlapping [from, to), by squad and rotation. */
export function organisationShifts(org: Organisation, from: number, to: number, team?: string): Shift[] {
  const out: Shift[] = [];
  for (const t of org.squads.values()) {
    if (team !== undefined && t.id !== team) continue;
    for (const rotation of t.rotations.values()) {
      if (!rotation.retired) out.push(...shiftsOverlapping(rotation, from, to));
    }
  }
  return out;
}

/** The shift containing `instant`, or undefined when nobody is on call in the rotation then. */
export function shiftAt(rotation: Rotation, instant: number): Shift | undefined {
  return shiftsOverlapping(rotation, instant, instant + 1)[0];
}
