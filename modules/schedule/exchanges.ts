/**
 * Day and span swaps: each side gives the other a stretch of time it holds. They apply over the roster and
 * whole-turn swaps, and under overrides. A swap applies only when each side holds all of what it gives (after
 * whole-turn swaps); otherwise validation reports it (swap-checks.ts) and the engine leaves it out, as it does
 * whole-turn swaps that no longer match the roster.
 */
import type { Rotation, SpanSwap } from '../model/types';
import { subtract, type Interval } from '../core/intervals';
import { handoffAt, turnsBetween, type RotationClock } from './turns';
import { clockFor, turnHolder } from './turn-swaps';

/** Who is due for a stretch of time; `null` before the rotation starts. */
export interface Holding {
  readonly person: string | null;
  readonly start: number;
  readonly end: number;
}

/** Who holds [start, end) after whole-turn swaps, in time order, consecutive stretches of one person merged. */
export function holdersDuring(clock: RotationClock, start: number, end: number): Holding[] {
  const out: Holding[] = [];
  const push = (person: string | null, s: number, e: number): void => {
    const last = out[out.length - 1];
    if (last && last.person === person && last.end === s) out[out.length - 1] = { person, start: last.start, end: e };
    else if (s < e) out.push({ person, start: s, end: e });
  };
  const first = handoffAt(clock, 0);
  if (start < first) push(null, start, Math.min(end, first));
  for (const turn of turnsBetween(clock, Math.max(start, first), end)) {
    push(turnHolder(clock, turn.k) ?? null, Math.max(start, turn.start), Math.min(end, turn.end));
  }
  return out;
}

/** A stretch a day or span swap hands from one person to the other. */
export interface Exchange {
  readonly start: number;
  readonly end: number;
  /** Who is on call in it. */
  readonly person: string;
  /** Who gave it. */
  readonly with: string;
  readonly reason?: string;
  readonly swap: SpanSwap;
}

/** Whether `person` holds all of [start, end) after whole-turn swaps. */
export function holdsAll(clock: RotationClock, person: string, start: number, end: number): boolean {
  return holdersDuring(clock, start, end).every((h) => h.person === person);
}

const byRotation = new WeakMap<Rotation, readonly Exchange[]>();

/** The stretches exchanged by the rotation's day and span swaps that apply, in time order, never overlapping. */
export function exchangesOf(rotation: Rotation): readonly Exchange[] {
  let out = byRotation.get(rotation);
  if (out) return out;
  const clock = clockFor(rotation);
  const all: Exchange[] = [];
  for (const swap of rotation.swaps) {
    if (swap.kind === 'shifts') continue;
    const [a, b] = swap.between;
    const [ga, gb] = swap.gives;
    if (!holdsAll(clock, a, ga.start, ga.end) || !holdsAll(clock, b, gb.start, gb.end)) continue;
    all.push({ start: ga.start, end: ga.end, person: b, with: a, reason: swap.reason, swap });
    all.push({ start: gb.start, end: gb.end, person: a, with: b, reason: swap.reason, swap });
  }
  // The model rejects swaps exchanging the same time; should one get through, the first written wins.
  const kept: Exchange[] = [];
  for (const e of all) if (!kept.some((k) => k.start < e.end && e.start < k.end)) kept.push(e);
  out = kept.sort((x, y) => x.start - y.start);
  byRotation.set(rotation, out);
  return out;
}

/** Who is due for [start, end) after every swap (before overrides), in time order. */
export function dueDuring(rotation: Rotation, start: number, end: number): Holding[] {
  const exchanged = exchangesOf(rotation).filter((e) => e.start < end && start < e.end);
  const cut: Interval[] = exchanged.map((e) => [e.start, e.end]);
  const out: Holding[] = [];
  for (const h of holdersDuring(clockFor(rotation), start, end)) {
    for (const [s, e] of subtract([[h.start, h.end]], cut)) out.push({ person: h.person, start: s, end: e });
  }
  for (const e of exchanged) out.push({ person: e.person, start: Math.max(start, e.start), end: Math.min(end, e.end) });
  out.sort((x, y) => x.start - y.start);
  const merged: Holding[] = [];
  for (const h of out) {
    const last = merged[merged.length - 1];
    if (last && last.person === h.person && last.end === h.start) merged[merged.length - 1] = { ...last, end: h.end };
    else merged.push(h);
  }
  return merged;
}
