/** Weekly windows: `business-hours`, `off-hours`, custom `{days, from, to}` lists → minute intervals. */
import { minutesOfDay, WEEKDAYS, type Weekday } from '../core/clock';
import { union } from '../core/intervals';
import type { CoverageSpec, Days, WindowSpec } from '../spec/types';
import { MINUTES_PER_WEEK, type WeeklyWindows } from './types';

/** ISO weekday numbers (1 = Monday) of a `days` value; a range may wrap (`friday-monday`). */
export function expandDays(days: Days): number[] {
  if (Array.isArray(days)) return [...new Set(days.map((d) => WEEKDAYS.indexOf(d) + 1))].sort((a, b) => a - b);
  switch (days) {
    case 'weekdays':
      return [1, 2, 3, 4, 5];
    case 'weekend':
      return [6, 7];
    case 'every-day':
      return [1, 2, 3, 4, 5, 6, 7];
  }
  const [first, last] = days.split('-') as [Weekday, Weekday | undefined];
  const a = WEEKDAYS.indexOf(first) + 1;
  const b = last === undefined ? a : WEEKDAYS.indexOf(last) + 1;
  const out: number[] = [];
  for (let d = a; ; d = (d % 7) + 1) {
    out.push(d);
    if (d === b) break;
  }
  return out.sort((x, y) => x - y);
}

/** Sorts and merges intervals, splitting any that wrap past the end of the week. */
export function normaliseIntervals(intervals: ReadonlyArray<readonly [number, number]>): Array<[number, number]> {
  const flat: Array<[number, number]> = [];
  for (const [s, e] of intervals) {
    if (e <= s) continue;
    const start = ((s % MINUTES_PER_WEEK) + MINUTES_PER_WEEK) % MINUTES_PER_WEEK;
    const end = start + (e - s);
    if (end <= MINUTES_PER_WEEK) flat.push([start, end]);
    else {
      flat.push([start, MINUTES_PER_WEEK]);
      flat.push([0, Math.min(end - MINUTES_PER_WEEK, MINUTES_PER_WEEK)]);
    }
  }
  return union(flat);
}

/** Intervals of one `{days, from, to}` window; `to` at or before `from` ends the next day. */
export function windowIntervals(w: WindowSpec): Array<[number, number]> {
  const from = minutesOfDay(w.from);
  let to = minutesOfDay(w.to);
  if (to <= from) to += 1440;
  return expandDays(w.days).map((d) => [(d - 1) * 1440 + from, (d - 1) * 1440 + to] as [number, number]);
}

export function complement(intervals: ReadonlyArray<readonly [number, number]>): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let cursor = 0;
  for (const [s, e] of normaliseIntervals(intervals)) {
    if (s > cursor) out.push([cursor, s]);
    cursor = Math.max(cursor, e);
  }
  if (cursor < MINUTES_PER_WEEK) out.push([cursor, MINUTES_PER_WEEK]);
  return out;
}

export const ALWAYS: WeeklyWindows = { kind: 'always', intervals: [[0, MINUTES_PER_WEEK]] };

export function resolveCoverage(spec: CoverageSpec | undefined, businessHours: WeeklyWindows): WeeklyWindows {
  if (spec === undefined || spec === 'always') return ALWAYS;
  // Holidays go with business and off hours (when they are non-business hours), never with custom windows.
  const holidays = businessHours.holidays ? { holidays: businessHours.holidays } : {};
  if (spec === 'business-hours') return { kind: 'business-hours', intervals: businessHours.intervals, ...holidays };
  if (spec === 'off-hours') return { kind: 'off-hours', intervals: complement(businessHours.intervals), ...holidays };
  const intervals = normaliseIntervals(spec.flatMap(windowIntervals));
  const isAlways = intervals.length === 1 && intervals[0]?.[0] === 0 && intervals[0]?.[1] === MINUTES_PER_WEEK;
  return isAlways ? ALWAYS : { kind: 'custom', intervals };
}

export function totalMinutes(w: WeeklyWindows): number {
  return w.intervals.reduce((sum, [s, e]) => sum + (e - s), 0);
}
