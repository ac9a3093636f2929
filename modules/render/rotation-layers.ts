/**
 * What every backend needs from a rotation: its layers (one per roster order, each ending where the next
 * begins) and the overrides to provision (explicit overrides and swapped turns, days and spans, inside coverage).
 */
import type { Rotation } from '../model/types';
import { localMinute } from '../core/local-time';
import { clockFor, shiftsOverlapping, type Shift } from '../schedule/shifts';
import { handoffAt, type RotationClock } from '../schedule/turns';

export interface Layer {
  /** `base`, then `from-<date>` for each roster change. */
  readonly id: string;
  /** First handoff of this order: the anchor its turns count from. */
  readonly start: number;
  /** First handoff of the next order, if any. */
  readonly end?: number;
  /** Members in turn order from `start` (the rotation's offset already applied). */
  readonly users: readonly string[];
  /** Turn length in seconds of the local wall clock. */
  readonly turnSeconds: number;
  /**
   * A handoff whose wall-clock time exists, at or before `start`, for backends that count turns from an anchor
   * (PagerDuty's virtual start, Datadog's rotation start). It is `start`, unless the first handoff falls in a
   * daylight-saving gap (02:30 on the night clocks go from 02:00 to 03:00): an anchor at that instant would read
   * 03:00 and move every later handoff to 03:00; the turn before keeps the rotation's time.
   */
  readonly anchor: number;
  /** Members in turn order from `anchor`. */
  readonly anchorUsers: readonly string[];
}

/** The last turn at or before `k` whose handoff happens at the rotation's wall-clock time (days and weeks). */
function anchorTurn(clock: RotationClock, k: number): number {
  if (clock.rotation.every.unit === 'hours') return k;
  for (let j = k; j > k - 3; j--) {
    if (localMinute(clock.rotation.timezone, handoffAt(clock, j)) === clock.firstLocal + j * clock.length) return j;
  }
  return k;
}

function rotated<T>(list: readonly T[], by: number): T[] {
  const n = list.length;
  if (n === 0) return [];
  const shift = ((by % n) + n) % n;
  return [...list.slice(shift), ...list.slice(0, shift)];
}

export function rotationLayers(rotation: Rotation): Layer[] {
  const clock = clockFor(rotation);
  return rotation.segments.map((segment, i) => {
    const k = clock.segmentTurns[i] ?? 0;
    const next = clock.segmentTurns[i + 1];
    const users = rotated(segment.members, rotation.offset);
    const anchor = anchorTurn(clock, k);
    return {
      id: i === 0 ? 'base' : `from-${segment.from}`,
      start: handoffAt(clock, k),
      end: next === undefined ? undefined : handoffAt(clock, next),
      users,
      turnSeconds: clock.length * 60,
      anchor: handoffAt(clock, anchor),
      anchorUsers: rotated(users, anchor - k),
    };
  });
}

/**
 * The layers for backends whose rotation start is also its anchor (Opsgenie): a layer whose first handoff falls in a
 * daylight-saving gap is split into that one turn and the rest from the next handoff, which happens at the
 * rotation's time of day.
 */
export function layersAnchoredAtStart(rotation: Rotation): Layer[] {
  const clock = clockFor(rotation);
  return rotationLayers(rotation).flatMap((layer, i) => {
    if (layer.anchor === layer.start) return [layer];
    const next = handoffAt(clock, (clock.segmentTurns[i] ?? 0) + 1);
    const first: Layer = { ...layer, end: layer.end === undefined || layer.end > next ? next : layer.end, users: layer.users.slice(0, 1) };
    if (layer.end !== undefined && layer.end <= next) return [first];
    const users = rotated(layer.users, 1);
    return [first, { ...layer, id: `${layer.id}-next`, start: next, users, anchor: next, anchorUsers: users }];
  });
}

/** Overrides to provision: explicit overrides, swapped turns, days and spans, each cut to the rotation's coverage. */
export function overridePieces(rotation: Rotation): Shift[] {
  const clock = clockFor(rotation);
  const windows: Array<[number, number]> = rotation.overrides.map((o) => [o.start, o.end]);
  for (const swap of rotation.swaps) {
    if (swap.kind !== 'shifts') {
      for (const give of swap.gives) windows.push([give.start, give.end]);
      continue;
    }
    for (const date of swap.shifts) {
      // The swapped turn starts on that date at the handoff; look a little around it.
      const approx = Date.parse(`${date}T00:00:00Z`);
      windows.push([approx - 2 * 86_400_000, approx + 2 * 86_400_000 + clock.length * 60_000]);
    }
  }
  const seen = new Set<string>();
  const out: Shift[] = [];
  for (const [from, to] of windows) {
    for (const s of shiftsOverlapping(rotation, from, to)) {
      if (s.source === 'roster') continue;
      const key = `${s.start}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(s);
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
