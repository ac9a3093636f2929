/**
 * On-call compensation for a month, per person: on-call days, weekend days and public-holiday days, and
 * the hours behind them. Each calendar day of a rotation (in its zone) counts as an on-call day for the
 * person who is on call longest that day: a Monday-09:00 weekly turn is 7 days, a business-hours turn
 * 5 days, and a 39-hour Christmas override covering the 25th is that 1 day. Hours are the length of the
 * union of a person's shifts: on call on three rotations at once for a week is 168 hours, not 504.
 */
import type { Organisation } from '../model/types';
import { HOUR, instantOf, isoDateOfLocal, localDateMinute, localMinute, weekdayOfLocal } from '../core/local-time';
import { union, type Interval } from '../core/intervals';
import { rotationShifts } from './shifts';
import { holidayOn } from '../model/holiday-calendar';

export interface CompensationRow {
  readonly person: string;
  readonly days: number;
  readonly weekendDays: number;
  readonly holidayDays: number;
  readonly hours: number;
  readonly weekendHours: number;
  readonly holidayHours: number;
}

interface Totals {
  days: Set<string>;
  weekendDays: Set<string>;
  holidayDays: Set<string>;
  /** Shift pieces (split at the rotation's local midnights); overlaps across rotations are merged at the end. */
  spans: Interval[];
  weekendSpans: Interval[];
  holidaySpans: Interval[];
}

const lengthOf = (list: readonly Interval[]): number => union(list).reduce((sum, [s, e]) => sum + (e - s), 0);

const round = (ms: number): number => Math.round((ms / HOUR) * 100) / 100;

/** `month` is `YYYY-MM`; days and hours are those inside the month, in each rotation's zone. */
export function compensation(org: Organisation, month: string): CompensationRow[] {
  const holidays = { has: (date: string): boolean => holidayOn(org.holidays, date) !== undefined };
  const monthStart = localDateMinute(`${month}-01`);
  const [y, m] = month.split('-').map(Number);
  const monthEnd = localDateMinute(new Date(Date.UTC(y ?? 1970, m ?? 1, 1)).toISOString().slice(0, 10));
  const totals = new Map<string, Totals>();
  const totalsOf = (person: string): Totals => {
    let t = totals.get(person);
    if (!t) {
      t = { days: new Set(), weekendDays: new Set(), holidayDays: new Set(), spans: [], weekendSpans: [], holidaySpans: [] };
      totals.set(person, t);
    }
    return t;
  };

  for (const rotation of org.rotations.values()) {
    if (rotation.retired) continue;
    const zone = rotation.timezone;
    const from = instantOf(zone, monthStart);
    const to = instantOf(zone, monthEnd);
    // Minutes per local day and person, for attributing each day.
    const perDay = new Map<string, Map<string, { ms: number; first: number }>>();
    for (const shift of rotationShifts(rotation, from, to)) {
      // Split the shift at local midnights.
      let start = shift.start;
      while (start < shift.end) {
        const local = localMinute(zone, start);
        const dayStart = Math.floor(local / 1440) * 1440;
        const end = Math.min(shift.end, instantOf(zone, dayStart + 1440));
        const date = isoDateOfLocal(dayStart);
        const weekend = weekdayOfLocal(dayStart) >= 6;
        const t = totalsOf(shift.person);
        t.spans.push([start, end]);
        if (weekend) t.weekendSpans.push([start, end]);
        if (holidays.has(date)) t.holidaySpans.push([start, end]);
        const day = perDay.get(date) ?? new Map<string, { ms: number; first: number }>();
        const entry = day.get(shift.person) ?? { ms: 0, first: start };
        entry.ms += end - start;
        day.set(shift.person, entry);
        perDay.set(date, day);
        start = end;
      }
    }
    for (const [date, people] of perDay) {
      const [winner] = [...people].sort((a, b) => b[1].ms - a[1].ms || a[1].first - b[1].first)[0] ?? [];
      if (winner === undefined) continue;
      const t = totalsOf(winner);
      t.days.add(date);
      if (weekdayOfLocal(localDateMinute(date)) >= 6) t.weekendDays.add(date);
      if (holidays.has(date)) t.holidayDays.add(date);
    }
  }
  return [...totals]
    .map(([person, t]) => ({
      person,
      days: t.days.size,
      weekendDays: t.weekendDays.size,
      holidayDays: t.holidayDays.size,
      hours: round(lengthOf(t.spans)),
      weekendHours: round(lengthOf(t.weekendSpans)),
      holidayHours: round(lengthOf(t.holidaySpans)),
    }))
    .sort((a, b) => (a.person < b.person ? -1 : 1));
}
