/**
 * Public holidays as a paging backend carries them when this project's stack rendered them
 * (render/holiday-overrides.ts): PagerDuty, Opsgenie and Datadog On-Call have no holiday calendar, so a squad with a
 * business-hours rotation and an off-hours one gets, on each weekday holiday, dated overrides that give the
 * off-hours rotation the whole day. Read back: the business hours are
 * the window a rotation covers while another rotation of its squad covers exactly the rest of the week, and a
 * holiday is a weekday those overrides cover whole on the off-hours rotation.
 */
import { DateTime } from 'luxon';
import { MINUTES_PER_WEEK } from '../model/types';
import { complement, normaliseIntervals, windowIntervals } from '../model/windows';
import { DAY_NAMES } from '../render/coverage-shapes';
import type { OrgFile, TeamFile, Weekday } from '../spec/spec-types.generated';

type Intervals = ReadonlyArray<readonly [number, number]>;

export interface HolidayRotation {
  readonly key: string;
  readonly squad: string;
  readonly zone: string;
  readonly intervals: Intervals;
  /** Overrides still to come: epoch ms. */
  readonly overrides: ReadonlyArray<{ readonly start: number; readonly end: number }>;
}

export interface HolidayReading {
  /** `days`, `from`, `to` of the organisation's business hours. */
  readonly businessHours: { readonly days: string[]; readonly from: string; readonly to: string };
  readonly businessRotations: ReadonlySet<string>;
  readonly offHoursRotations: ReadonlySet<string>;
  /** ISO dates. */
  readonly dates: readonly string[];
  readonly window: Intervals;
}

const same = (a: Intervals, b: Intervals) => JSON.stringify(a) === JSON.stringify(b);
const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/** The same hours on some days, within a day: `{days, start, end}`. */
function dailyHours(intervals: Intervals): { days: number[]; start: number; end: number } | undefined {
  if (intervals.length === 0 || intervals.length > 7) return undefined;
  const [s0, e0] = intervals[0]!;
  const start = s0 % 1440;
  const end = start + (e0 - s0);
  if (end > 1440 || (intervals.length === 1 && s0 === 0 && e0 === MINUTES_PER_WEEK)) return undefined;
  const days: number[] = [];
  for (const [s, e] of intervals) {
    if (s % 1440 !== start || e - s !== end - start) return undefined;
    days.push(Math.floor(s / 1440));
  }
  return { days, start, end };
}

export function readHolidays(rotations: readonly HolidayRotation[]): HolidayReading | undefined {
  let hours: { days: number[]; start: number; end: number } | undefined;
  let window: Intervals = [];
  const business = new Set<string>();
  const off = new Set<string>();
  for (const r of rotations) {
    const h = dailyHours(r.intervals);
    if (!h) continue;
    const rest = complement(r.intervals);
    const partner = rotations.find((o) => o.squad === r.squad && o.zone === r.zone && same(o.intervals, rest));
    if (!partner) continue;
    if (hours && !same(window, r.intervals)) return undefined; // squads disagree on business hours
    hours = h;
    window = r.intervals;
    business.add(r.key);
    off.add(partner.key);
  }
  if (!hours) return undefined;
  const dates = new Set<string>();
  for (const r of rotations.filter((x) => off.has(x.key))) {
    const byDate = new Map<string, Array<[number, number]>>();
    for (const o of r.overrides) {
      const date = DateTime.fromMillis(o.start, { zone: r.zone }).toISODate()!;
      byDate.set(date, [...(byDate.get(date) ?? []), [o.start, o.end]]);
    }
    for (const [date, spans] of byDate) {
      const day = DateTime.fromISO(date, { zone: r.zone });
      if (!hours.days.includes(day.weekday - 1)) continue;
      let cursor = day.toMillis();
      for (const [s, e] of spans.sort((a, b) => a[0] - b[0])) if (s <= cursor) cursor = Math.max(cursor, e);
      if (cursor >= day.plus({ days: 1 }).toMillis()) dates.add(date);
    }
  }
  if (dates.size === 0) return undefined;
  return {
    businessHours: { days: hours.days.map((d) => DAY_NAMES[d]!), from: hhmm(hours.start), to: hhmm(hours.end) },
    businessRotations: business,
    offHoursRotations: off,
    dates: [...dates].sort(),
    window,
  };
}

/** Whether an override lies within a holiday (a date of the reading, in the zone). */
export function onHoliday(reading: HolidayReading, zone: string, start: number, end: number): boolean {
  return reading.dates.some((date) => {
    const day = DateTime.fromISO(date, { zone });
    return start >= day.toMillis() && end <= day.plus({ days: 1 }).toMillis();
  });
}

/** Whether an imported override, on the rotation `key` (`<squad>/<rotation>`), is one of the holidays read. */
export function holidayOverride(reading: HolidayReading | undefined, key: string, zone: string, start: number, end: number): boolean {
  if (!reading || !(reading.businessRotations.has(key) || reading.offHoursRotations.has(key))) return false;
  return onHoliday(reading, zone, start, end);
}

/** What the import finding about the holidays says (`what`, `why`). */
export function holidaysFinding(reading: HolidayReading): { what: string; why: string } {
  const { dates } = reading;
  return {
    what: 'public holidays',
    why: `read from the overrides that give off-hours rotations whole weekdays (${dates[0]} to ${dates[dates.length - 1]}), as dated holidays: write \`holidays.country\` for the years after`,
  };
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type RotationSpec = NonNullable<TeamFile['rotations']>[string];
type RoutingSpec = NonNullable<TeamFile['routing']>[number];

/**
 * The imported YAML with the holidays read (rotations keyed `<squad>/<rotation>`): the two rotations of a squad cover
 * `business-hours` and `off-hours` without their holiday overrides, routing during the business hours says so,
 * and org.yaml has the business hours and the dated holidays as off hours.
 */
export function writeHolidays(reading: HolidayReading, org: Mutable<OrgFile>, squads: ReadonlyMap<string, TeamFile>): void {
  for (const [squad, file] of squads) {
    for (const [id, spec] of Object.entries(file.rotations ?? {})) {
      const key = `${squad}/${id}`;
      const kind = reading.businessRotations.has(key) ? 'business-hours' : reading.offHoursRotations.has(key) ? 'off-hours' : undefined;
      if (!kind) continue;
      const rotation = spec as Mutable<RotationSpec>;
      rotation.coverage = kind;
      const zone = rotation.timezone ?? org.defaults?.timezone ?? 'UTC';
      // The YAML's times: with their offset, or local times of the rotation's zone (`2026-07-14 19:00`).
      const instant = (text: string) => DateTime.fromISO(text.replace(' ', 'T'), { zone }).toMillis();
      const kept = (rotation.overrides ?? []).filter((o) => !onHoliday(reading, zone, instant(o.start), instant(o.end)));
      if (kept.length > 0) rotation.overrides = kept as RotationSpec['overrides'];
      else delete rotation.overrides;
    }
    for (const rule of file.routing ?? []) {
      if (!Array.isArray(rule.during)) continue;
      const intervals = normaliseIntervals(rule.during.flatMap((w) => windowIntervals(w)));
      if (same(intervals, reading.window)) (rule as Mutable<RoutingSpec>).during = 'business-hours';
    }
  }
  const { days, from, to } = reading.businessHours;
  org.defaults = { ...org.defaults, businessHours: { days: days as [Weekday, ...Weekday[]], from, to } };
  org.holidays = { extra: reading.dates.map((date) => ({ date, name: 'Public holiday' })), offHours: true };
}
