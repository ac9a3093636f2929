import { DateTime } from 'luxon';

/** An ISO 8601 date or date-time; without an offset it is read in `zone`. */
export function parseIsoInstant(text: string, zone: string): number | undefined {
  const dt = DateTime.fromISO(text.replace(' ', 'T'), { zone, setZone: true });
  return dt.isValid ? dt.toMillis() : undefined;
}

/** A positive whole number option. */
export function parseCount(text: string | undefined, fallback: number): number | undefined {
  if (text === undefined) return fallback;
  return /^[1-9][0-9]{0,3}$/.test(text) ? Number(text) : undefined;
}
