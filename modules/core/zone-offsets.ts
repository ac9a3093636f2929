/**
 * UTC offsets of a zone, fast. Asking the platform (Intl, through Luxon) for every instant is the
 * engine's main cost, so each zone's transitions are found once per year — sampled every day, then
 * pinned to the second by bisection — and offsets are then read from that table.
 */
import { DateTime } from 'luxon';

const SECOND = 1000;
const DAY_MS = 86_400_000;

interface YearTable {
  /** Instants at which the offset changes, ascending, and the offset (minutes) from each on. */
  readonly starts: number[];
  readonly offsets: number[];
}

const tables = new Map<string, Map<number, YearTable>>();

function luxonOffset(zone: string, instant: number): number {
  return DateTime.fromMillis(instant, { zone }).offset;
}

function buildYear(zone: string, year: number): YearTable {
  const start = Date.UTC(year, 0, 1);
  const end = Date.UTC(year + 1, 0, 1);
  const starts = [start];
  const offsets = [luxonOffset(zone, start)];
  let previous = offsets[0] as number;
  for (let t = start + DAY_MS; t <= end; t += DAY_MS) {
    const offset = luxonOffset(zone, Math.min(t, end));
    if (offset === previous) continue;
    // The change happened in (t - 1 day, t]: find its second.
    let lo = t - DAY_MS;
    let hi = Math.min(t, end);
    while (hi - lo > SECOND) {
      const mid = lo + Math.floor((hi - lo) / 2 / SECOND) * SECOND;
      if (luxonOffset(zone, mid) === previous) lo = mid;
      else hi = mid;
    }
    starts.push(hi);
    offsets.push(offset);
    previous = offset;
  }
  return { starts, offsets };
}

/** The UTC offset of `zone` at `instant`, in minutes (Europe/Paris: 60 in winter, 120 in summer). */
export function offsetMinutes(zone: string, instant: number): number {
  if (zone === 'UTC') return 0;
  const year = new Date(instant).getUTCFullYear();
  let byYear = tables.get(zone);
  if (!byYear) {
    byYear = new Map();
    tables.set(zone, byYear);
  }
  let table = byYear.get(year);
  if (!table) {
    table = buildYear(zone, year);
    byYear.set(year, table);
  }
  const { starts, offsets } = table;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] as number) <= instant) lo = mid;
    else hi = mid - 1;
  }
  return offsets[lo] as number;
}
