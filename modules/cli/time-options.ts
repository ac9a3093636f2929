import { DateTime } from 'luxon';
import { formatLocal, instantOf, localMinute, MINUTE } from '../core/local-time';

export interface ParsedInstant {
  readonly instant: number;
  /** Set when the local time was skipped by a daylight-saving change: says how it was read. */
  readonly note?: string;
}

/** `Z`, `+02`, `+0200` or `+02:00` at the end of the time part. */
const OFFSET = /(?:[zZ]|[+-]\d{2}(?::?\d{2})?)$/;

/**
 * An ISO 8601 date or date-time; without an offset it is read on the wall clock of `zone` by the engine's
 * rule (`instantOf`): a time skipped by the spring change is the moment the clocks jump (02:30 → 03:00),
 * not Luxon's shift by the gap (03:30), so that `who --at` agrees with the rotations and `validate`.
 */
export function parseIsoInstantWithNote(text: string, zone: string): ParsedInstant | undefined {
  const iso = text.replace(' ', 'T');
  const time = iso.split('T')[1];
  if (time !== undefined && OFFSET.test(time)) {
    const dt = DateTime.fromISO(iso, { setZone: true });
    return dt.isValid ? { instant: dt.toMillis() } : undefined;
  }
  const wall = DateTime.fromISO(iso, { zone: 'UTC' });
  if (!wall.isValid || !DateTime.local({ zone }).isValid) return undefined;
  const local = Math.floor(wall.toMillis() / MINUTE);
  const instant = instantOf(zone, local) + (wall.toMillis() - local * MINUTE);
  if (localMinute(zone, instant) === local) return { instant };
  return { instant, note: `${text} does not exist in ${zone} (clocks change then); it is read as ${formatLocal(instant, zone)}` };
}

/** An ISO 8601 date or date-time; without an offset it is read in `zone`. */
export function parseIsoInstant(text: string, zone: string): number | undefined {
  return parseIsoInstantWithNote(text, zone)?.instant;
}

/** A positive whole number option. */
export function parseCount(text: string | undefined, fallback: number): number | undefined {
  if (text === undefined) return fallback;
  return /^[1-9][0-9]{0,3}$/.test(text) ? Number(text) : undefined;
}
