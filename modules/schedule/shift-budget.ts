/**
 * How many shifts a window holds, estimated from the rotations without computing them: a roster or a
 * calendar is only computed when it can be done in seconds (an hourly rotation over 800 weeks is 134,400
 * shifts per rotation).
 */
import type { Organisation, Rotation } from '../model/types';
import { servedRotations } from '../model/served-rotations';

/** The most shifts a roster or a set of calendars is computed for. */
export const MAX_SHIFTS = 100_000;

const UNIT_MINUTES = { hours: 60, days: 1440, weeks: 10080 } as const;

/** An upper estimate of the shifts of one rotation in [from, to): turns, plus one cut per coverage window. */
function rotationEstimate(rotation: Rotation, from: number, to: number): number {
  const minutes = Math.max(0, to - from) / 60_000;
  const turns = Math.ceil(minutes / (UNIT_MINUTES[rotation.every.unit] * rotation.every.count)) + 1;
  const windows = rotation.coverage.kind === 'always' ? 0 : Math.ceil(minutes / 10080 + 1) * rotation.coverage.intervals.length;
  // A day or span swap cuts two turns in up to three pieces each.
  return turns + windows + rotation.overrides.length + 4 * rotation.swaps.length;
}

export interface ShiftEstimate {
  readonly total: number;
  /** The rotation with the most shifts, `team/id`. */
  readonly largest?: string;
}

/** Of one squad: the rotations answering for it, a pool's included (what its roster and calendar show). */
export function estimateShifts(org: Organisation, from: number, to: number, team?: string): ShiftEstimate {
  let total = 0;
  let largest: { key: string; n: number } | undefined;
  const squad = team === undefined ? undefined : org.squads.get(team);
  const rotations = team === undefined ? [...org.rotations.values()] : squad ? servedRotations(org, squad) : [];
  for (const rotation of rotations) {
    if (rotation.retired) continue;
    const n = rotationEstimate(rotation, from, to);
    total += n;
    if (!largest || n > largest.n) largest = { key: rotation.key, n };
  }
  return { total, largest: largest?.key };
}
