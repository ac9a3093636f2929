/**
 * Whole-turn swaps: each names two turns by the dates they start and the people due then. A swap that no
 * longer matches the roster is reported by validation (swap-checks.ts) and not applied.
 */
import type { Rotation, ShiftSwap } from '../model/types';
import { localDateMinute, localMinute } from '../core/local-time';
import { clockOf, handoffAt, memberFor, type RotationClock } from './turns';

export interface SwapWithTurns {
  readonly swap: ShiftSwap;
  /** Turn indexes of the two shifts, when they exist. */
  readonly turns: readonly [number | undefined, number | undefined];
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

/** Each whole-turn swap of the rotation with the turns of its two shifts (the model has already resolved its people). */
export function swapTurns(clock: RotationClock): SwapWithTurns[] {
  return clock.rotation.swaps.flatMap((swap) =>
    swap.kind === 'shifts'
      ? [{ swap, turns: [turnStartingOn(clock, swap.shifts[0]), turnStartingOn(clock, swap.shifts[1])] as const }]
      : [],
  );
}

export interface SwappedTurn {
  readonly person: string;
  readonly reason?: string;
  /** Whom the turn was exchanged with. */
  readonly with: string;
}

const swappedByRotation = new WeakMap<Rotation, ReadonlyMap<number, SwappedTurn>>();

/** The person of each turn after whole-turn swaps, by turn index (only turns a swap changes). */
export function swappedTurns(clock: RotationClock): ReadonlyMap<number, SwappedTurn> {
  let out = swappedByRotation.get(clock.rotation);
  if (out) return out;
  const map = new Map<number, SwappedTurn>();
  for (const { swap, turns } of swapTurns(clock)) {
    const [a, b] = swap.between;
    const [ka, kb] = turns;
    if (ka === undefined || kb === undefined || memberFor(clock, ka) !== a || memberFor(clock, kb) !== b) continue;
    map.set(ka, { person: b, reason: swap.reason, with: a });
    map.set(kb, { person: a, reason: swap.reason, with: b });
  }
  out = map;
  swappedByRotation.set(clock.rotation, out);
  return out;
}

/** Who holds turn k after whole-turn swaps (before day and span swaps and overrides). */
export function turnHolder(clock: RotationClock, k: number): string | undefined {
  return swappedTurns(clock).get(k)?.person ?? memberFor(clock, k);
}
