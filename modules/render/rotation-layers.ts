/**
 * What every backend needs from a rotation: its layers (one per roster order, each ending where the next
 * begins) and the overrides to provision (explicit overrides and swapped turns, inside coverage).
 */
import type { Rotation } from '../model/types';
import { clockFor, shiftsOverlapping, type Shift } from '../schedule/shifts';
import { handoffAt } from '../schedule/turns';

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
}

export function rotationLayers(rotation: Rotation): Layer[] {
  const clock = clockFor(rotation);
  return rotation.segments.map((segment, i) => {
    const k = clock.segmentTurns[i] ?? 0;
    const next = clock.segmentTurns[i + 1];
    const shift = rotation.offset % segment.members.length;
    return {
      id: i === 0 ? 'base' : `from-${segment.from}`,
      start: handoffAt(clock, k),
      end: next === undefined ? undefined : handoffAt(clock, next),
      users: [...segment.members.slice(shift), ...segment.members.slice(0, shift)],
      turnSeconds: clock.length * 60,
    };
  });
}

/** Overrides to provision: explicit overrides and swapped turns, each cut to the rotation's coverage. */
export function overridePieces(rotation: Rotation): Shift[] {
  const clock = clockFor(rotation);
  const windows: Array<[number, number]> = rotation.overrides.map((o) => [o.start, o.end]);
  for (const swap of rotation.swaps) {
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
