/**
 * Turns of a rotation: turn k runs from handoff k to handoff k+1. Handoffs are wall-clock times in the
 * rotation's zone: turn k starts `k × every` local minutes after the first handoff (the start date at
 * the handoff time), so a Monday 09:00 handoff stays at 09:00 across daylight-saving changes.
 */
import type { Rotation } from '../model/types';
import { instantOf, localDateMinute, localMinute } from '../core/local-time';

const UNIT_MINUTES = { hours: 60, days: 1440, weeks: 10080 } as const;

export interface RotationClock {
  readonly rotation: Rotation;
  /** Local minute of the first handoff. */
  readonly firstLocal: number;
  /** Turn length in local minutes. */
  readonly length: number;
  /** For each roster segment, the index of the first turn it applies to. */
  readonly segmentTurns: readonly number[];
}

export function clockOf(rotation: Rotation): RotationClock {
  const first = rotation.segments[0];
  const firstLocal = (first ? localDateMinute(first.from) : 0) + rotation.handoffMinute;
  const length = UNIT_MINUTES[rotation.every.unit] * rotation.every.count;
  const segmentTurns = rotation.segments.map((segment, i) => {
    if (i === 0) return 0;
    // The first handoff on or after the change's date, keeping the rotation's phase.
    const fromLocal = localDateMinute(segment.from);
    return Math.max(0, Math.ceil((fromLocal - firstLocal) / length));
  });
  return { rotation, firstLocal, length, segmentTurns };
}

/** Instant of handoff k (the start of turn k). */
export function handoffAt(clock: RotationClock, k: number): number {
  return instantOf(clock.rotation.timezone, clock.firstLocal + k * clock.length);
}

/** Index of the turn containing `instant` (negative before the rotation starts). */
export function turnAt(clock: RotationClock, instant: number): number {
  let k = Math.floor((localMinute(clock.rotation.timezone, instant) - clock.firstLocal) / clock.length);
  // The local clock can repeat an hour; settle on the turn whose handoffs bracket the instant.
  while (handoffAt(clock, k) > instant) k--;
  while (handoffAt(clock, k + 1) <= instant) k++;
  return k;
}

/** Who is due for turn k according to the roster (before swaps and overrides); undefined before the start. */
export function memberFor(clock: RotationClock, k: number): string | undefined {
  if (k < 0) return undefined;
  const { segments, offset } = clock.rotation;
  let i = segments.length - 1;
  while (i > 0 && (clock.segmentTurns[i] ?? 0) > k) i--;
  const segment = segments[i];
  if (!segment || segment.members.length === 0) return undefined;
  const index = (k - (clock.segmentTurns[i] ?? 0) + offset) % segment.members.length;
  return segment.members[index];
}

export interface Turn {
  readonly k: number;
  readonly start: number;
  readonly end: number;
}

/** The turns overlapping [from, to). */
export function turnsBetween(clock: RotationClock, from: number, to: number): Turn[] {
  const out: Turn[] = [];
  let k = Math.max(0, turnAt(clock, from));
  let start = handoffAt(clock, k);
  while (start < to) {
    const end = handoffAt(clock, k + 1);
    if (end > from) out.push({ k, start, end });
    k++;
    start = end;
  }
  return out;
}
