/**
 * Wall-clock arithmetic. A "local minute" counts minutes of the local wall clock since 1970-01-01 00:00
 * as if there were no zone: adding 7 × 1440 local minutes is "same time next week" whatever the
 * daylight-saving changes in between. Luxon maps local minutes to instants in a named zone and back.
 */
import { DateTime } from 'luxon';
import { offsetMinutes } from './zone-offsets';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** The local wall-clock minute of an instant in `zone`. */
export function localMinute(zone: string, instant: number): number {
  return Math.floor((instant + offsetMinutes(zone, instant) * MINUTE) / MINUTE);
}

/**
 * The instant at which the wall clock of `zone` shows `local`, read as Temporal's "compatible"
 * disambiguation does: a time that happens twice (the autumn change) is its first occurrence; a time
 * skipped by the spring change is moved forward by the length of the gap (02:30 → 03:30).
 */
export function instantOf(zone: string, local: number): number {
  const guess = local * MINUTE;
  let best: number | undefined;
  for (const probe of [guess - DAY, guess, guess + DAY]) {
    const candidate = (local - offsetMinutes(zone, probe)) * MINUTE;
    if ((best === undefined || candidate < best) && localMinute(zone, candidate) === local) best = candidate;
  }
  if (best !== undefined) return best;
  const d = new Date(guess);
  return DateTime.fromObject(
    { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes() },
    { zone },
  ).toMillis();
}

/** Local minute of midnight of an ISO date. */
export function localDateMinute(isoDate: string): number {
  const [y, m, d] = isoDate.split('-').map(Number);
  return Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1) / MINUTE;
}

/** ISO date (YYYY-MM-DD) of a local minute. */
export function isoDateOfLocal(local: number): string {
  return new Date(local * MINUTE).toISOString().slice(0, 10);
}

/** ISO weekday (1 = Monday) of a local minute. */
export function weekdayOfLocal(local: number): number {
  const day = Math.floor(local / 1440);
  return ((day + 3) % 7 + 7) % 7 + 1; // 1970-01-01 was a Thursday
}

/** `2026-03-30T09:00:00+02:00`: an instant as the wall clock of `zone` shows it. */
export function isoInZone(instant: number, zone: string): string {
  return DateTime.fromMillis(instant, { zone }).toISO({ suppressMilliseconds: true, includeOffset: true }) ?? '';
}

/** `2026-03-30 09:00`. */
export function formatLocal(instant: number, zone: string): string {
  return DateTime.fromMillis(instant, { zone }).toFormat('yyyy-MM-dd HH:mm');
}
