/** Wall-clock vocabulary shared by the YAML model: weekdays, times of day, ISO dates. */
export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** ISO weekday number, 1 = Monday … 7 = Sunday. */
export function weekdayNumber(day: Weekday): number {
  return WEEKDAYS.indexOf(day) + 1;
}

export const TIME_PATTERN = '^([01][0-9]|2[0-3]):[0-5][0-9]$';
/** End of a window may be `24:00`. */
export const END_TIME_PATTERN = '^(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$';
export const DATE_PATTERN = '^[0-9]{4}-[0-9]{2}-[0-9]{2}$';
/** `2026-12-24 18:00`, `2026-12-24T18:00`, optionally with seconds and an offset (`Z`, `+01:00`). */
export const DATETIME_PATTERN = '^[0-9]{4}-[0-9]{2}-[0-9]{2}[T ]([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?(Z|[+-][0-9]{2}:[0-9]{2})?$';

/** Minutes since midnight of `HH:MM` (accepts `24:00` → 1440). */
export function minutesOfDay(text: string): number {
  const [h, m] = text.split(':');
  return Number(h) * 60 + Number(m);
}

export interface LocalDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/**
 * Years the model reads. Local minutes count from 1970, and a two-digit year padded to four (`0026`)
 * would otherwise be read as 1926 by `Date.UTC`: it is refused instead.
 */
export const MIN_YEAR = 1970;
export const MAX_YEAR = 9999;

/** Why a date's year is refused, or undefined when it is in range (or the text is not a date at all). */
export function yearProblem(text: string): string | undefined {
  const m = /^([0-9]{4})-/.exec(text);
  if (!m) return undefined;
  const year = Number(m[1]);
  return year < MIN_YEAR || year > MAX_YEAR
    ? `the year ${m[1]} is out of range: write a four-digit year from ${MIN_YEAR} to ${MAX_YEAR}`
    : undefined;
}

/** Largest UTC offset a clock uses (Kiribati, +14:00); anything beyond is a typo. */
export const MAX_OFFSET_MINUTES = 14 * 60;

/** Minutes of a `Z` or `±HH:MM` offset, or undefined when it is not a real offset (`+24:00`, `+05:99`). */
export function offsetMinutesOf(text: string): number | undefined {
  if (text === 'Z') return 0;
  const m = /^([+-])([0-9]{2}):([0-9]{2})$/.exec(text);
  if (!m) return undefined;
  const minutes = Number(m[2]) * 60 + Number(m[3]);
  if (Number(m[3]) > 59 || minutes > MAX_OFFSET_MINUTES) return undefined;
  return m[1] === '-' ? -minutes : minutes;
}

/** Parses `YYYY-MM-DD`, rejecting impossible dates such as 2026-02-30 and years outside MIN_YEAR–MAX_YEAR. */
export function parseIsoDate(text: string): LocalDate | undefined {
  const m = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/.exec(text);
  if (!m) return undefined;
  const year = Number(m[1]);
  if (year < MIN_YEAR || year > MAX_YEAR) return undefined;
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1) return undefined;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return undefined;
  return { year, month, day };
}

/** ISO weekday (1 = Monday) of a calendar date, independent of any zone. */
export function isoWeekday(date: LocalDate): number {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
  return d === 0 ? 7 : d;
}
