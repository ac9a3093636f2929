/**
 * Shifts: who is on call in a rotation, and when. A shift is a maximal stretch of one person's turn
 * (or of a swapped day or span, or an override) inside the rotation's coverage, half-open [start, end).
 *
 * Order of precedence: the roster gives each turn a person; swaps exchange whole turns; day and span
 * swaps exchange stretches of them (exchanges.ts); overrides replace whoever is due for their period.
 * Coverage applies to all: outside its windows the rotation has nobody, and turns keep advancing through
 * the time it does not cover (as PagerDuty restrictions, Opsgenie time restrictions and Datadog On-Call
 * restrictions do).
 */
import type { Organisation, Rotation } from '../model/types';
import { coveredIntervals } from './coverage';
import { intersect, subtract, union, type Interval } from '../core/intervals';
import { exchangesOf } from './exchanges';
import { handoffAt, memberFor, turnAt, turnsBetween } from './turns';
import { clockFor, swappedTurns } from './turn-swaps';

export type ShiftSource = 'roster' | 'swap' | 'override';

export interface Shift {
  readonly team: string;
  readonly rotation: string;
  readonly person: string;
  readonly start: number;
  readonly end: number;
  readonly source: ShiftSource;
  /** The turn this shift belongs to (for overrides and day or span swaps, the turn at its start). */
  readonly turn: number;
  /** Why, for swaps and overrides. */
  readonly reason?: string;
  /** For swaps: whom the turn, day or span was exchanged with. */
  readonly swappedWith?: string;
}

export { clockFor, swapTurns, turnStartingOn, type SwapWithTurns } from './turn-swaps';

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
  const exchanges = exchangesOf(rotation).filter((e) => e.start < to && e.end > from);
  // What turns give up: overridden and exchanged time, merged (an override may fall inside an exchanged day).
  const taken: Interval[] = union([...overridden, ...exchanges.map((e) => [e.start, e.end] as const)]);

  // Turns come in time order: the covered and taken intervals a turn meets are found by cursors
  // that only move forward, so the work is linear in turns, not turns × intervals.
  let c = 0;
  let v = 0;
  for (const turn of turnsBetween(clock, from, to)) {
    const swapped = swaps.get(turn.k);
    const person = swapped?.person ?? memberFor(clock, turn.k);
    if (person === undefined) continue;
    while (c < covered.length && (covered[c] as Interval)[1] <= turn.start) c++;
    while (v < taken.length && (taken[v] as Interval)[1] <= turn.start) v++;
    const pieces = subtract(intersect([[turn.start, turn.end]], within(covered, c, turn.end)), within(taken, v, turn.end));
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
  for (const e of exchanges) {
    const inside = intersect([[Math.max(e.start, from), Math.min(e.end, to)]], covered);
    for (const [start, end] of subtract(inside, overridden)) {
      shifts.push({
        ...base,
        person: e.person,
        start,
        end,
        source: 'swap',
        turn: turnAt(clock, start),
        reason: e.reason,
        swappedWith: e.with,
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
  for (const o of [...rotation.overrides, ...exchangesOf(rotation)]) {
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
