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
export const DATETIME_PATTERN =
  '^[0-9]{4}-[0-9]{2}-[0-9]{2}[T ]([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?(Z|[+-][0-9]{2}:[0-9]{2})?$';

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

/** Parses `YYYY-MM-DD`, rejecting impossible dates such as 2026-02-30. */
export function parseIsoDate(text: string): LocalDate | undefined {
  const m = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/.exec(text);
  if (!m) return undefined;
  const year = Number(m[1]);
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
