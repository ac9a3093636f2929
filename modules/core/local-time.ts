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
 * The first instant at which the wall clock of `zone` reads `local` or later: a time that happens twice
 * (the autumn change) is its first occurrence; a time skipped by the spring change is the moment the
 * clocks jump over it (02:30 → 03:00, when 02:00 becomes 03:00). Turns count on the wall clock, so a turn
 * whose handoff time does not exist that day starts as soon as the clock passes it.
 */
export function instantOf(zone: string, local: number): number {
  const guess = local * MINUTE;
  let best: number | undefined;
  let earliest = Number.POSITIVE_INFINITY;
  let latest = Number.NEGATIVE_INFINITY;
  for (const probe of [guess - DAY, guess, guess + DAY]) {
    const candidate = (local - offsetMinutes(zone, probe)) * MINUTE;
    earliest = Math.min(earliest, candidate);
    latest = Math.max(latest, candidate);
    if ((best === undefined || candidate < best) && localMinute(zone, candidate) === local) best = candidate;
  }
  if (best !== undefined) return best;
  // Skipped: the clock reads less than `local` at `earliest` and more at `latest`; find the jump.
  let lo = earliest;
  let hi = latest;
  while (hi - lo > MINUTE) {
    const mid = lo + Math.floor((hi - lo) / 2 / MINUTE) * MINUTE;
    if (localMinute(zone, mid) < local) lo = mid;
    else hi = mid;
  }
  return hi;
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
  return ((((day + 3) % 7) + 7) % 7) + 1; // 1970-01-01 was a Thursday
}

/** `2026-03-30T09:00:00+02:00`: an instant as the wall clock of `zone` shows it. */
export function isoInZone(instant: number, zone: string): string {
  return DateTime.fromMillis(instant, { zone }).toISO({ suppressMilliseconds: true, includeOffset: true }) ?? '';
}

/** `2026-03-30 09:00`. */
export function formatLocal(instant: number, zone: string): string {
  return DateTime.fromMillis(instant, { zone }).toFormat('yyyy-MM-dd HH:mm');
}
