/**
 * Opsgenie time restrictions as YAML coverage windows. A restriction (opsgenie-oas definitions/common.yaml
 * TimeOfDayRestriction, WeekdayTimeRestriction) is read as Opsgenie applies it: `time-of-day` every day from the
 * start to the end (the next day when the end is at or before the start), `weekday-and-time-of-day` from the start
 * day and time to the end day and time (across the week's end when it comes earlier).
 */
import { DAY_NAMES, wrappedIntervals } from '../../render/coverage-shapes';
import { MINUTES_PER_WEEK } from '../../model/types';
import type { Window } from '../../spec/spec-types.generated';
import { listOf, objOf } from './observe';

export type Interval = [number, number];

/** Merged weekly intervals in [0, 10080); undefined when there is no restriction (always). */
export function restrictionIntervals(timeRestrictions: unknown): Interval[] | undefined {
  const tr = listOf(timeRestrictions).at(-1);
  if (!tr) return undefined;
  const raw: Interval[] = [];
  const at = (x: Record<string, unknown>, k: 'start' | 'end') => Number(x[`${k}Hour`] ?? 0) * 60 + Number(x[`${k}Min`] ?? 0);
  if (tr.type === 'time-of-day') {
    const x = objOf(listOf(tr.restriction).at(-1));
    const s = at(x, 'start');
    const e = at(x, 'end');
    const length = e > s ? e - s : e + 1440 - s;
    for (let d = 0; d < 7; d++) raw.push([d * 1440 + s, d * 1440 + s + length]);
  } else {
    for (const x of listOf(tr.restrictionList)) {
      const s = DAY_NAMES.indexOf(String(x.startDay) as never) * 1440 + at(x, 'start');
      const e = DAY_NAMES.indexOf(String(x.endDay) as never) * 1440 + at(x, 'end');
      const length = (((e - s) % MINUTES_PER_WEEK) + MINUTES_PER_WEEK) % MINUTES_PER_WEEK;
      if (length > 0) raw.push([s, s + length]);
    }
  }
  return merge(raw);
}

export function merge(raw: readonly Interval[]): Interval[] {
  const split: Interval[] = [];
  for (const [s, e] of raw) {
    if (e <= MINUTES_PER_WEEK) split.push([s, e]);
    else split.push([s, MINUTES_PER_WEEK], [0, e - MINUTES_PER_WEEK]);
  }
  split.sort((a, b) => a[0] - b[0]);
  const out: Interval[] = [];
  for (const [s, e] of split) {
    const last = out[out.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/**
 * YAML windows for weekly intervals: a stretch of at most a day is one window (ending the next day when it crosses
 * midnight), longer ones are cut at midnights; windows of the same hours are grouped by days.
 */
export function windowsOf(intervals: readonly Interval[]): Window[] {
  const pieces: Array<{ day: number; from: number; to: number }> = [];
  const piece = (t: number, end: number) =>
    pieces.push({ day: Math.floor(t / 1440) % 7, from: t % 1440, to: end % 1440 === 0 ? 1440 : end % 1440 });
  for (const [s, e] of wrappedIntervals({ kind: 'custom', intervals })) {
    // Up to a day, one window (`to` at or before `from` ends the next day); a window from X to X would be empty.
    if (e - s < 1440 || (e - s === 1440 && s % 1440 === 0)) {
      piece(s, e);
      continue;
    }
    for (let t = s; t < e; ) {
      const end = Math.min(e, (Math.floor(t / 1440) + 1) * 1440);
      piece(t, end);
      t = end;
    }
  }
  const groups = new Map<string, number[]>();
  for (const p of pieces) {
    const key = `${hhmm(p.from)}-${p.to === 1440 ? '24:00' : hhmm(p.to % 1440)}`;
    groups.set(key, [...(groups.get(key) ?? []), p.day]);
  }
  return [...groups].map(([key, days]) => {
    const [from, to] = key.split('-') as [string, string];
    return { days: daysText(days), from, to };
  });
}

function daysText(days: number[]): Window['days'] {
  const sorted = [...new Set(days)].sort((a, b) => a - b);
  if (sorted.length === 7) return 'every-day';
  const contiguous = sorted.every((d, i) => i === 0 || d === (sorted[i - 1] as number) + 1);
  if (contiguous && sorted.length >= 3) return `${DAY_NAMES[sorted[0] as number]}-${DAY_NAMES[sorted[sorted.length - 1] as number]}`;
  if (sorted.length === 1) return DAY_NAMES[sorted[0] as number] as string;
  return sorted.map((d) => DAY_NAMES[d]) as Window['days'];
}

export function sameIntervals(a: readonly Interval[], b: ReadonlyArray<readonly [number, number]>): boolean {
  return a.length === b.length && a.every(([s, e], i) => s === b[i]?.[0] && e === b[i]?.[1]);
}
