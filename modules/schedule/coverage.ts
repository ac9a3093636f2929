/** The instants a rotation is on duty: its weekly windows, read on the local wall clock of its zone. */
import { MINUTES_PER_WEEK, type WeeklyWindows } from '../model/types';
import { instantOf, localMinute, weekdayOfLocal } from '../core/local-time';
import type { Interval } from '../core/intervals';

/** Covered intervals within [from, to), merged, in order. */
export function coveredIntervals(zone: string, windows: WeeklyWindows, from: number, to: number): Interval[] {
  if (from >= to) return [];
  if (windows.kind === 'always') return [[from, to]];
  const firstLocal = localMinute(zone, from);
  // Local Monday 00:00 of the week containing `from`.
  let weekStart = Math.floor(firstLocal / 1440) * 1440 - (weekdayOfLocal(firstLocal) - 1) * 1440;
  const out: Array<[number, number]> = [];
  while (instantOf(zone, weekStart) < to) {
    for (const [s, e] of windows.intervals) {
      const start = Math.max(instantOf(zone, weekStart + s), from);
      const end = Math.min(instantOf(zone, weekStart + e), to);
      if (end <= start) continue;
      const last = out[out.length - 1];
      if (last && start <= last[1]) last[1] = Math.max(last[1], end);
      else out.push([start, end]);
    }
    weekStart += MINUTES_PER_WEEK;
  }
  return out;
}

/** Whether `instant` falls in a rotation's coverage. */
export function isCovered(zone: string, windows: WeeklyWindows, instant: number): boolean {
  if (windows.kind === 'always') return true;
  const local = localMinute(zone, instant);
  const inWeek = (weekdayOfLocal(local) - 1) * 1440 + (((local % 1440) + 1440) % 1440);
  return windows.intervals.some(([s, e]) => inWeek >= s && inWeek < e);
}
