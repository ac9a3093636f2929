/**
 * Change instants: where a piecewise-constant answer (who a schedule pages, which routing rule applies) may change.
 * Every side of a comparison lists its own in [from, to); between two consecutive instants of the union, each side
 * gives one answer, so comparing once per segment is comparing every minute (test/interpret/segments.property.test.ts
 * checks it against a minute-by-minute comparison).
 *
 * The backends count turns and restrictions on a zone's wall clock. A function of the wall clock changes where the wall
 * clock reaches one of its boundaries (once, or twice in the repeated hour of an autumn change) and where the clock
 * jumps (every change of the zone's offset); `wallEdges` and `zoneJumps` give both. Instants are rounded up to the
 * minute: an answer compared at whole minutes changes at the first whole minute at or after its change.
 */
import { offsetMinutes as zoneOffset } from '../core/zone-offsets';

const MINUTE = 60_000;
const DAY = 86_400_000;
/** Wall minute 0 (1970-01-01 00:00) is a Thursday; Monday-based minute of week `m` is wall minute `m - 3 days` mod a week. */
const THURSDAY = 3 * 1440;

// Only where segments start comes from here, never an answer: a table of each zone's offsets (core/zone-offsets.ts)
// makes listing tens of thousands of edges cheap.
const offsetMinutes = (instant: number, zone: string): number => zoneOffset(zone, instant);

function wallOf(instant: number, zone: string): number {
  return Math.floor(instant / MINUTE) + offsetMinutes(instant, zone);
}

const jumpsByYear = new Map<string, number[]>();

/** The instants of a UTC year where `zone`'s offset changes (to the minute), by day steps then bisection. */
function yearJumps(zone: string, year: number): number[] {
  const key = `${zone} ${year}`;
  const known = jumpsByYear.get(key);
  if (known) return known;
  const out: number[] = [];
  const start = Date.UTC(year, 0, 1);
  const end = Date.UTC(year + 1, 0, 1);
  let before = offsetMinutes(start - MINUTE, zone);
  for (let t = start - MINUTE; t < end; t += DAY) {
    const next = Math.min(t + DAY, end - MINUTE);
    const after = offsetMinutes(next, zone);
    if (after !== before) {
      // Offsets change at whole minutes: bisect on minutes, offset(lo) = before, offset(hi) = after.
      let lo = Math.floor(t / MINUTE);
      let hi = Math.ceil(next / MINUTE);
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if (offsetMinutes(mid * MINUTE, zone) === before) lo = mid;
        else hi = mid;
      }
      if (hi * MINUTE >= start && hi * MINUTE < end) out.push(hi * MINUTE);
    }
    before = after;
  }
  jumpsByYear.set(key, out);
  return out;
}

/** The instants in [from, to) where `zone`'s offset changes. */
export function zoneJumps(zone: string, from: number, to: number): number[] {
  const out: number[] = [];
  for (let y = new Date(from).getUTCFullYear(); y <= new Date(to).getUTCFullYear(); y++)
    for (const t of yearJumps(zone, y)) if (t >= from && t < to) out.push(t);
  return out;
}

/** The instants whose wall clock in `zone` reads `wall` (none in a spring gap, two in an autumn repeat). */
export function instantsOfWall(wall: number, zone: string): number[] {
  const guess = wall * MINUTE;
  const offsets = new Set([offsetMinutes(guess - DAY, zone), offsetMinutes(guess, zone), offsetMinutes(guess + DAY, zone)]);
  const out: number[] = [];
  for (const o of offsets) {
    const t = (wall - o) * MINUTE;
    if (wallOf(t, zone) === wall && !out.includes(t)) out.push(t);
  }
  return out;
}

/** A set of change instants in [from, to), whole minutes. */
export class Changes {
  private readonly set = new Set<number>();
  private readonly periodic = new Set<string>();

  constructor(
    readonly from: number,
    readonly to: number,
  ) {}

  /** An instant (rounded up to the minute) when inside. */
  at(instant: number): void {
    const t = Math.ceil(instant / MINUTE) * MINUTE;
    if (t > this.from && t < this.to) this.set.add(t);
  }

  /** Every offset change of the zone. */
  zone(zone: string): void {
    for (const t of zoneJumps(zone, this.from - DAY, this.to + DAY)) this.at(t);
  }

  /** Every instant the wall clock of `zone` reads `anchor + k × period` (minutes), and the zone's jumps. */
  wallPeriodic(zone: string, anchor: number, period: number): void {
    if (!(period > 0)) return;
    const key = `${zone} ${anchor % period} ${period}`;
    if (this.periodic.has(key)) return;
    this.periodic.add(key);
    this.zone(zone);
    const first = wallOf(this.from, zone) - 1500;
    const last = wallOf(this.to, zone) + 1500;
    let w = anchor + Math.ceil((first - anchor) / period) * period;
    for (; w <= last; w += period) for (const t of instantsOfWall(w, zone)) this.at(t);
  }

  /** Every week, the instant the wall clock of `zone` reaches minute `m` of the week (Monday 00:00 = 0). */
  weekly(zone: string, minuteOfWeek: number): void {
    this.wallPeriodic(zone, minuteOfWeek - THURSDAY, 10080);
  }

  /** Every day, the instant the wall clock of `zone` reaches minute `m` of the day. */
  daily(zone: string, minuteOfDay: number): void {
    this.wallPeriodic(zone, minuteOfDay, 1440);
  }

  /** Changes of an answer read `minutes` after M, as a function of M: those of [from, to) + minutes, moved back. */
  shifted(minutes: number, list: (changes: Changes) => void): void {
    if (minutes === 0) return list(this);
    const later = new Changes(this.from + minutes * MINUTE, this.to + minutes * MINUTE);
    list(later);
    for (const t of later.set) this.at(t - minutes * MINUTE);
  }

  /** Adds the instants of another set (of the same range). */
  merge(other: Changes): void {
    for (const t of other.set) this.set.add(t);
  }

  /** The segments' starts: `from` and every change, sorted. */
  starts(): number[] {
    return [this.from, ...[...this.set].sort((a, b) => a - b)];
  }
}
