/**
 * The instants a rotation is on duty (or a routing rule applies): its weekly windows, read on the local wall
 * clock of its zone. Where public holidays are non-business hours, a holiday (a date of that zone) has no
 * business hours and is off hours all day, for every reader of windows: coverage, routing, promises, the router.
 */
import { MINUTES_PER_WEEK, type WeeklyWindows } from '../model/types';
import { HOUR, instantOf, isoDateOfLocal, localDateMinute, localMinute, MINUTE, weekdayOfLocal } from '../core/local-time';
import { offsetMinutes } from '../core/zone-offsets';
import { subtract, union, type Interval } from '../core/intervals';
import { holidayOn, holidaysBetween } from '../model/holiday-calendar';

/** Covered intervals within [from, to), merged, in order. */
export function coveredIntervals(zone: string, windows: WeeklyWindows, from: number, to: number): Interval[] {
  if (from >= to) return [];
  if (windows.kind === 'always') return [[from, to]];
  const weekly = weeklyIntervals(zone, windows, from, to);
  const days = holidayDays(zone, windows, from, to);
  if (days.length === 0) return weekly;
  return windows.kind === 'business-hours' ? subtract(weekly, days) : union([...weekly, ...days]);
}

/** The weekly windows alone, within [from, to). */
function weeklyIntervals(zone: string, windows: WeeklyWindows, from: number, to: number): Interval[] {
  const firstLocal = localMinute(zone, from);
  // Local Monday 00:00 of the week containing `from`.
  let weekStart = Math.floor(firstLocal / 1440) * 1440 - (weekdayOfLocal(firstLocal) - 1) * 1440;
  const out: Array<[number, number]> = [];
  while (instantOf(zone, weekStart) < to) {
    for (const [s, e] of windows.intervals) {
      for (const [a, b] of wallClockSpan(zone, weekStart + s, weekStart + e)) {
        const start = Math.max(a, from);
        const end = Math.min(b, to);
        if (end <= start) continue;
        const last = out[out.length - 1];
        if (last && start <= last[1]) last[1] = Math.max(last[1], end);
        else out.push([start, end]);
      }
    }
    weekStart += MINUTES_PER_WEEK;
  }
  return out;
}

/**
 * Every instant whose wall clock reads a minute in [s, e) (local minutes), as `isCovered` and the backends read
 * a window: across the autumn change a window ending in the repeated hour holds both its occurrences (01:00–02:30
 * on the night 03:00 becomes 02:00 covers 01:00–02:30, then 02:00–02:30 again), and across the spring change it
 * starts when the clock jumps past a skipped start. Without a change of offset near the window, one interval.
 */
function wallClockSpan(zone: string, s: number, e: number): Interval[] {
  const start = instantOf(zone, s);
  const end = instantOf(zone, e);
  // Clock changes are months apart: the same offset from the start to three hours past the end means none between.
  const before = offsetMinutes(zone, start - 3 * HOUR);
  const after = offsetMinutes(zone, end + 3 * HOUR);
  if (before === after) return end > start ? [[start, end]] : [];
  // The instant the offset changes, to the minute, then the window on each side at that side's offset.
  let lo = start - 3 * HOUR;
  let hi = end + 3 * HOUR;
  while (hi - lo > MINUTE) {
    const mid = lo + Math.floor((hi - lo) / 2 / MINUTE) * MINUTE;
    if (offsetMinutes(zone, mid) === before) lo = mid;
    else hi = mid;
  }
  const pieces: Interval[] = [];
  for (const [a, b, offset] of [
    [start - 3 * HOUR, hi, before],
    [hi, end + 3 * HOUR, after],
  ] as const) {
    const from = Math.max(a, (s - offset) * MINUTE);
    const to = Math.min(b, (e - offset) * MINUTE);
    if (from < to) pieces.push([from, to]);
  }
  return union(pieces);
}

/** The holidays of [from, to) as whole local days of `zone`, clipped, when the windows follow holidays. */
function holidayDays(zone: string, windows: WeeklyWindows, from: number, to: number): Interval[] {
  const calendar = windows.holidays;
  if (!calendar?.offHours || (windows.kind !== 'business-hours' && windows.kind !== 'off-hours')) return [];
  const first = Math.floor(localMinute(zone, from) / 1440) * 1440;
  const last = Math.floor(localMinute(zone, to - 1) / 1440) * 1440;
  const out: Interval[] = [];
  for (const h of holidaysBetween(calendar, isoDateOfLocal(first), isoDateOfLocal(last))) {
    const day = localDateMinute(h.date);
    const start = Math.max(instantOf(zone, day), from);
    const end = Math.min(instantOf(zone, day + 1440), to);
    if (start < end) out.push([start, end]);
  }
  return out;
}

/** Whether `instant` falls in a rotation's coverage. */
export function isCovered(zone: string, windows: WeeklyWindows, instant: number): boolean {
  if (windows.kind === 'always') return true;
  const local = localMinute(zone, instant);
  if (windows.holidays?.offHours && (windows.kind === 'business-hours' || windows.kind === 'off-hours')) {
    if (holidayOn(windows.holidays, isoDateOfLocal(Math.floor(local / 1440) * 1440)) !== undefined) return windows.kind === 'off-hours';
  }
  const inWeek = (weekdayOfLocal(local) - 1) * 1440 + (((local % 1440) + 1440) % 1440);
  return windows.intervals.some(([s, e]) => inWeek >= s && inWeek < e);
}

/** The same windows without holidays: what a backend's weekly restrictions express. */
export function weeklyOnly(windows: WeeklyWindows): WeeklyWindows {
  return windows.holidays ? { kind: windows.kind, intervals: windows.intervals } : windows;
}
