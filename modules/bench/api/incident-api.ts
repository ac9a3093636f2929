/**
 * What the incident-history handlers share besides the request and answer of handler.ts: their options, answers of
 * 429 on demand, and times written with the UTC offset of a zone, as the APIs that take a `time_zone` do.
 */
import { DateTime } from 'luxon';

export interface HandlerOptions {
  /** The largest page the server gives, whatever the client asks (default 100). */
  readonly pageSize?: number;
  /** Every n-th request is refused with 429 and `Retry-After: 0` (default: never). */
  readonly throttleEvery?: number;
  /** The public address the server is reached at, for the links it writes in its answers. */
  readonly baseUrl?: string;
}

/** Counts requests and says when one is to be throttled. */
export function throttle(every: number | undefined): () => boolean {
  let count = 0;
  return () => every !== undefined && every > 0 && ++count % every === 0;
}

/** ISO 8601 with the offset the zone has at that instant (`2026-03-29T01:40:00+01:00`), whole seconds. */
export function isoInZone(at: number, zone: string): string {
  return DateTime.fromMillis(at, { zone }).toISO({ suppressMilliseconds: true, includeOffset: true })!;
}

/** ISO 8601 in UTC with milliseconds (`2026-03-29T00:40:00.000Z`). */
export const isoUtc = (at: number): string => new Date(at).toISOString();

/** A non-negative integer query parameter, or the default. */
export function intParam(query: URLSearchParams, name: string, fallback: number): number {
  const raw = query.get(name);
  const n = raw === null ? NaN : Number(raw);
  return Number.isInteger(n) && n >= 0 ? n : fallback;
}
