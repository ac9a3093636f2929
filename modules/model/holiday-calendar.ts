/**
 * Public holidays: a country's (and region's) from the `date-holidays` library, year by year as they are asked
 * for, plus the dated holidays of org.yaml. Dates are calendar dates: each rotation reads them in its own zone.
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

export interface HolidaySource {
  /** ISO 3166-1 code, as `date-holidays` knows it. */
  readonly country?: string;
  /** A state or region of the country, as `date-holidays` names it. */
  readonly region?: string;
  /** Dated holidays; on a date the country also has, this name is the one shown. */
  readonly extra: readonly Holiday[];
  readonly offHours: boolean;
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

class Calendar implements HolidayCalendar {
  private readonly years = new Map<number, ReadonlyMap<string, Holiday>>();
  constructor(private readonly source: HolidaySource) {}

  get offHours(): boolean {
    return this.source.offHours;
  }

  private year(year: number): ReadonlyMap<string, Holiday> {
    let days = this.years.get(year);
    if (!days) {
      const map = new Map<string, Holiday>();
      if (this.source.country !== undefined) {
        for (const h of publicHolidays(this.source.country, this.source.region, year)) if (!map.has(h.date)) map.set(h.date, h);
      }
      for (const h of this.source.extra) if (h.date.startsWith(`${year}-`)) map.set(h.date, h);
      days = new Map([...map].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
      this.years.set(year, days);
    }
    return days;
  }

  on(date: string): Holiday | undefined {
    return this.year(Number(date.slice(0, 4))).get(date);
  }

  between(from: string, to: string): Holiday[] {
    const out: Holiday[] = [];
    for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++) {
      for (const [date, h] of this.year(y)) if (date >= from && date <= to) out.push(h);
    }
    return out;
  }

  /** Only what a reader of a JSON output wants to see, not the cache. */
  toJSON(): object {
    return { country: this.source.country, region: this.source.region, extra: this.source.extra, offHours: this.source.offHours };
  }
}

export function holidayCalendar(source: HolidaySource): HolidayCalendar {
  return new Calendar(source);
}

export const NO_HOLIDAYS: HolidayCalendar = holidayCalendar({ extra: [], offHours: false });

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
