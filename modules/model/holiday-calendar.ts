/**
 * Public holidays: a country's (and region's) from the `date-holidays` library, year by year as they are asked
 * for, plus the dated holidays of org.yaml. Dates are calendar dates: each rotation reads them in its own zone.
 * The calendar itself is plain data (the router receives the organisation by structured clone); these functions
 * answer from it.
 */
import type Holidays from 'date-holidays';
import type { Holiday, HolidayCalendar } from './types';

let library: typeof Holidays | undefined;
/** date-holidays, loaded when a country is first asked for: its data of every country takes a while to read. */
function holidaysLibrary(): typeof Holidays {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy load keeps it off every command's start
  library ??= require('date-holidays') as typeof Holidays;
  return library;
}

const ISO_DAY = 86_400_000;

/** The public holidays of a country (and region) in a year, by date; several days when one lasts several. */
function publicHolidays(country: string, region: string | undefined, year: number): Holiday[] {
  // `types: ['public']`: days off by law, not bank or school holidays nor observances (date-holidays README, "Types of holidays").
  const Library = holidaysLibrary();
  const days = region === undefined ? new Library(country, { types: ['public'] }) : new Library(country, region, { types: ['public'] });
  const out: Holiday[] = [];
  for (const h of days.getHolidays(year) || []) {
    const first = Date.parse(`${h.date.slice(0, 10)}T00:00:00Z`);
    const length = Math.max(1, Math.round((h.end.getTime() - h.start.getTime()) / ISO_DAY));
    for (let d = 0; d < length; d++) out.push({ date: new Date(first + d * ISO_DAY).toISOString().slice(0, 10), name: h.name });
  }
  return out;
}

/** Each calendar's holidays of a year, by date in date order: computed once per calendar and year. */
const years = new Map<string, Map<number, ReadonlyMap<string, Holiday>>>();

function yearOf(calendar: HolidayCalendar, year: number): ReadonlyMap<string, Holiday> {
  const key = JSON.stringify([calendar.country, calendar.region, calendar.extra]);
  let byYear = years.get(key);
  if (!byYear) years.set(key, (byYear = new Map()));
  let days = byYear.get(year);
  if (!days) {
    const map = new Map<string, Holiday>();
    if (calendar.country !== undefined) {
      for (const h of publicHolidays(calendar.country, calendar.region, year)) if (!map.has(h.date)) map.set(h.date, h);
    }
    for (const h of calendar.extra) if (h.date.startsWith(`${year}-`)) map.set(h.date, h);
    days = new Map([...map].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    byYear.set(year, days);
  }
  return days;
}

/** The holiday of an ISO date, when it is one. */
export function holidayOn(calendar: HolidayCalendar, date: string): Holiday | undefined {
  if (calendar.country === undefined && calendar.extra.length === 0) return undefined;
  return yearOf(calendar, Number(date.slice(0, 4))).get(date);
}

/** Holidays from `from` to `to` (ISO dates, both included), one per date, in date order. */
export function holidaysBetween(calendar: HolidayCalendar, from: string, to: string): Holiday[] {
  if (calendar.country === undefined && calendar.extra.length === 0) return [];
  const out: Holiday[] = [];
  for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++) {
    for (const [date, h] of yearOf(calendar, y)) if (date >= from && date <= to) out.push(h);
  }
  return out;
}

export const NO_HOLIDAYS: HolidayCalendar = { extra: [], offHours: false };

/** Countries `date-holidays` knows, by code. */
export function knownCountries(): Record<string, string> {
  const Library = holidaysLibrary();
  return new Library().getCountries('en');
}

/** States or regions `date-holidays` knows for a country, by code. */
export function knownRegions(country: string): Record<string, string> {
  const Library = holidaysLibrary();
  return new Library().getStates(country, 'en') ?? {};
}
