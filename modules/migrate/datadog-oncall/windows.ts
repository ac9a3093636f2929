/**
 * Datadog's weekly restrictions (a start weekday and time to an end weekday and time) as the YAML's weekly
 * windows. A restriction ending at or before its start runs over the end of the week; one that starts and ends
 * on the same weekday at or before its start assigns nobody (test/fidelity/datadog.ts reads it so, as the renderer,
 * modules/render/coverage-shapes.ts weekdaySpans, never writes one).
 */
import { MINUTES_PER_WEEK } from '../../model/types';
import { complement } from '../../model/windows';
import { DAY_NAMES } from '../../render/coverage-shapes';
import type { Window } from '../../spec/spec-types.generated';
import { union } from '../../core/intervals';

export interface RestrictionInput {
  readonly startDay?: string;
  readonly startTime?: string;
  readonly endDay?: string;
  readonly endTime?: string;
}

export interface ReadWindows {
  /** Week minutes from Monday 00:00, merged and sorted; `undefined`: no restriction (always). */
  readonly intervals?: Array<[number, number]>;
  /** What could not be read exactly. */
  readonly problems: string[];
}

function minuteOf(day: string | undefined, time: string | undefined): number | undefined {
  const d = DAY_NAMES.indexOf((day ?? '') as (typeof DAY_NAMES)[number]);
  const m = /^(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(time ?? '');
  if (d < 0 || !m) return undefined;
  return d * 1440 + Number(m[1]) * 60 + Number(m[2]);
}

export function readRestrictions(list: readonly RestrictionInput[] | undefined): ReadWindows {
  if (!list || list.length === 0) return { problems: [] };
  const problems: string[] = [];
  const pieces: Array<[number, number]> = [];
  for (const r of list) {
    const s = minuteOf(r.startDay, r.startTime);
    const e = minuteOf(r.endDay, r.endTime);
    if (s === undefined || e === undefined) {
      problems.push(`restriction ${JSON.stringify(r)} is not a weekday and time span`);
      continue;
    }
    if ([r.startTime, r.endTime].some((t) => /^\d{2}:\d{2}:(?!00$)/.test(t ?? ''))) problems.push('seconds in a restriction are dropped');
    if (r.startDay === r.endDay && e <= s) {
      problems.push(
        `restriction ${r.startDay} ${r.startTime}–${r.endTime} starts and ends on the same weekday: Datadog assigns nobody then`,
      );
      continue;
    }
    if (e > s) pieces.push([s, e]);
    else pieces.push([s, MINUTES_PER_WEEK], [0, e]);
  }
  return { intervals: union(pieces), problems };
}

const hhmm = (m: number, end = false): string => {
  const day = ((m % 1440) + 1440) % 1440;
  if (end && day === 0) return '24:00';
  return `${String(Math.floor(day / 60)).padStart(2, '0')}:${String(day % 60).padStart(2, '0')}`;
};

/**
 * Week intervals as YAML windows: an interval within a day, or running past midnight by less than a day, is one
 * window (`to` at or before `from` ends the next day); longer ones are cut at midnights. Windows with the same
 * hours are written once with their days.
 */
export function windowsOf(intervals: ReadonlyArray<readonly [number, number]>): Window[] {
  const pieces: Array<{ day: number; from: string; to: string }> = [];
  for (const [s0, e] of intervals) {
    for (let s = s0; s < e; ) {
      const toMidnight = 1440 - (s % 1440);
      const length = e - s < 1440 ? e - s : toMidnight;
      pieces.push({ day: Math.floor(s / 1440) % 7, from: hhmm(s), to: hhmm(s + length, length === toMidnight) });
      s += length;
    }
  }
  const byHours = new Map<string, number[]>();
  for (const p of pieces) {
    const key = `${p.from}-${p.to}`;
    byHours.set(key, [...(byHours.get(key) ?? []), p.day]);
  }
  return [...byHours].map(([key, days]) => {
    const [from, to] = key.split('-') as [string, string];
    const names = [...new Set(days)].sort((a, b) => a - b).map((d) => DAY_NAMES[d]!);
    return { days: (names.length === 1 ? names[0]! : names) as Window['days'], from, to };
  });
}

export { complement };
