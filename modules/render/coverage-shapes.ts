/** Coverage windows in the shapes backends accept. */
import type { WeeklyWindows } from '../model/types';
import { MINUTES_PER_WEEK } from '../model/types';

export const DAY_NAMES = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;

/** Weekly intervals, with one running over the end of the week (Friday 18:00 → Monday 09:00) joined. */
export function wrappedIntervals(w: WeeklyWindows): Array<[number, number]> {
  const list = w.intervals.map(([s, e]) => [s, e] as [number, number]);
  const first = list[0];
  const last = list[list.length - 1];
  if (list.length > 1 && first && last && first[0] === 0 && last[1] === MINUTES_PER_WEEK) {
    list.shift();
    list[list.length - 1] = [last[0], MINUTES_PER_WEEK + first[1]];
  }
  return list;
}

/** The same window every day (`09:00–18:00` on all seven days), when it is one. */
export function dailyWindow(w: WeeklyWindows): { start: number; minutes: number } | undefined {
  const list = wrappedIntervals(w);
  if (list.length !== 7) return undefined;
  const [s0, e0] = list[0] as [number, number];
  const start = s0 % 1440;
  const minutes = e0 - s0;
  if (minutes >= 1440) return undefined;
  return list.every(([s, e], i) => s === s0 + i * 1440 && e - s === minutes) ? { start, minutes } : undefined;
}

/** The same hours on some days, not crossing midnight (PagerDuty support hours, `fixed_time_per_day`). */
export function fixedTimePerDay(w: WeeklyWindows): { days: number[]; start: number; end: number } | undefined {
  if (w.kind === 'always' || w.intervals.length === 0) return undefined;
  const [s0, e0] = w.intervals[0] as readonly [number, number];
  const start = s0 % 1440;
  const end = start + (e0 - s0);
  if (end > 1440) return undefined;
  const days: number[] = [];
  for (const [s, e] of w.intervals) {
    if (s % 1440 !== start || e - s !== end - start) return undefined;
    days.push(Math.floor(s / 1440) + 1);
  }
  return { days, start, end };
}

export function hhmmss(minuteOfDay: number): string {
  const m = ((minuteOfDay % 1440) + 1440) % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}:00`;
}

export interface WeekdaySpan {
  readonly startDay: (typeof DAY_NAMES)[number];
  readonly startMinute: number;
  readonly endDay: (typeof DAY_NAMES)[number];
  readonly endMinute: number;
}

/**
 * Coverage as weekday-to-weekday spans (Opsgenie `weekday-and-time-of-day`, Datadog restrictions). A span
 * that would start and end on the same weekday across the week (Friday 10:00 → next Friday 09:00) is split
 * at a midnight, since Datadog assigns nobody for such a span and Opsgenie's reading of it is undocumented.
 */
export function weekdaySpans(w: WeeklyWindows): WeekdaySpan[] {
  const out: WeekdaySpan[] = [];
  const push = (s: number, e: number): void => {
    const startDay = Math.floor(s / 1440) % 7;
    const endDay = Math.floor(e / 1440) % 7;
    out.push({
      startDay: DAY_NAMES[startDay] as WeekdaySpan['startDay'],
      startMinute: s % 1440,
      endDay: DAY_NAMES[endDay] as WeekdaySpan['endDay'],
      endMinute: e % 1440,
    });
  };
  for (const [s, e] of wrappedIntervals(w)) {
    const sameDay = Math.floor(s / 1440) % 7 === Math.floor(e / 1440) % 7;
    if (sameDay && e - s > 1440) {
      const middle = (Math.floor(s / 1440) + Math.ceil((e - s) / 2880)) * 1440;
      push(s, middle);
      push(middle, e);
    } else push(s, e);
  }
  return out;
}
