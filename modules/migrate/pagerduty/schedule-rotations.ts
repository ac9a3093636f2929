/**
 * A PagerDuty schedule as rotations of the YAML. A schedule's layers, in the provider's order (the last has the
 * highest precedence), each turn `rotationTurnLengthSeconds` long from `rotationVirtualStart` on the schedule
 * zone's wall clock, restricted to weekly windows where the turn keeps advancing:
 * - layers that follow each other in time (one ends where the next starts, same turn length, restrictions and
 *   handoff clock) are one rotation whose roster changes at each later layer's first handoff (`changes`);
 * - a chain that overlaps a later one (precedence) is its own rotation, its coverage cut by the coverage of every
 *   chain above it: the rotations' coverages are disjoint and the targets that page the schedule page them all,
 *   which pages whom PagerDuty's final layer has (the stack renders one schedule per rotation).
 */
import { DateTime } from 'luxon';
import { DAY_NAMES } from '../../render/coverage-shapes';
import { MINUTES_PER_WEEK } from '../../model/types';
import { complement } from '../../model/windows';
import { intersect, union } from '../../core/intervals';

export interface LayerInput {
  readonly name?: string;
  readonly start: string;
  readonly end?: string;
  readonly rotationVirtualStart: string;
  readonly rotationTurnLengthSeconds: number;
  /** E-mail of each user, in turn order from the virtual start. */
  readonly users: readonly string[];
  readonly restrictions?: ReadonlyArray<{ type: string; startDayOfWeek?: number; startTimeOfDay: string; durationSeconds: number }>;
}

/** A YAML weekly window. */
export interface YamlWindow {
  readonly days: string;
  readonly from: string;
  readonly to: string;
}

export interface ImportedRotation {
  /** Suggested id: the rotation id our renderer wrote in the layer name, else from the layer's or schedule's name. */
  readonly idHint?: string;
  /** Layer names of the chain, for the comment. */
  readonly layers: readonly string[];
  readonly start: string;
  readonly every: string;
  readonly handoff: string;
  /** Members by e-mail, in turn order from `start`. */
  readonly members: readonly string[];
  readonly changes: ReadonlyArray<{ readonly from: string; readonly members: readonly string[] }>;
  readonly coverage?: 'always' | YamlWindow[];
  /** Weekly intervals covered (minutes since Monday 00:00, local), for override checks. */
  readonly intervals: ReadonlyArray<readonly [number, number]>;
  readonly problems: string[];
}

const instant = (iso: string) => DateTime.fromISO(iso, { setZone: true }).toMillis();
const local = (iso: string, zone: string) => DateTime.fromMillis(instant(iso), { zone });

function minutesOfTime(t: string): { minute: number; exact: boolean } {
  const [h, m, s] = t.split(':').map(Number);
  return { minute: (h ?? 0) * 60 + (m ?? 0), exact: (s ?? 0) === 0 };
}

const hhmm = (minuteOfDay: number) => {
  const m = ((minuteOfDay % 1440) + 1440) % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
};

/** Weekly intervals of restrictions, merged; the whole week without any. */
export function restrictionIntervals(layer: LayerInput): Array<[number, number]> {
  const raw: Array<[number, number]> = [];
  const add = (s: number, length: number) => {
    const start = ((s % MINUTES_PER_WEEK) + MINUTES_PER_WEEK) % MINUTES_PER_WEEK;
    const end = start + Math.min(length, MINUTES_PER_WEEK);
    if (end <= MINUTES_PER_WEEK) raw.push([start, end]);
    else raw.push([start, MINUTES_PER_WEEK], [0, end - MINUTES_PER_WEEK]);
  };
  if (!layer.restrictions || layer.restrictions.length === 0) return [[0, MINUTES_PER_WEEK]];
  for (const r of layer.restrictions) {
    const { minute } = minutesOfTime(r.startTimeOfDay);
    const length = Math.round(r.durationSeconds / 60);
    if (r.type === 'daily_restriction') for (let d = 0; d < 7; d++) add(d * 1440 + minute, Math.min(length, 1440));
    else add(((r.startDayOfWeek ?? 1) - 1) * 1440 + minute, length);
  }
  return union(raw);
}

/**
 * YAML windows for weekly intervals: restrictions as written when they are given (a daily restriction is one
 * `every-day` window), else one window per day piece. A window whose `to` is at or before `from` ends the next day.
 */
export function windowsOfIntervals(intervals: ReadonlyArray<readonly [number, number]>): 'always' | YamlWindow[] {
  return windowsOf(intervals);
}

function windowsOf(intervals: ReadonlyArray<readonly [number, number]>, layer?: LayerInput): 'always' | YamlWindow[] {
  if (intervals.length === 1 && intervals[0]![0] === 0 && intervals[0]![1] === MINUTES_PER_WEEK) return 'always';
  const rs = layer?.restrictions ?? [];
  if (rs.length > 0 && rs.every((r) => r.durationSeconds > 0 && r.durationSeconds < 86_400)) {
    return rs.map((r) => {
      const { minute } = minutesOfTime(r.startTimeOfDay);
      const days = r.type === 'daily_restriction' ? 'every-day' : DAY_NAMES[(r.startDayOfWeek ?? 1) - 1]!;
      return { days, from: hhmm(minute), to: hhmm(minute + Math.round(r.durationSeconds / 60)) };
    });
  }
  // One window per piece of a day: [start of piece, its end or 24:00].
  const out: YamlWindow[] = [];
  for (const [s, e] of intervals) {
    for (let t = s; t < e; ) {
      const dayEnd = (Math.floor(t / 1440) + 1) * 1440;
      const end = Math.min(e, dayEnd);
      out.push({ days: DAY_NAMES[Math.floor(t / 1440) % 7]!, from: hhmm(t), to: end === dayEnd ? '24:00' : hhmm(end) });
      t = end;
    }
  }
  return out;
}

function turnText(seconds: number): { every: string; unit: 'hours' | 'days' | 'weeks' } | undefined {
  if (seconds % 604_800 === 0) return { every: `${seconds / 604_800}w`, unit: 'weeks' };
  if (seconds % 86_400 === 0) return { every: `${seconds / 86_400}d`, unit: 'days' };
  if (seconds % 3_600 === 0) return { every: `${seconds / 3_600}h`, unit: 'hours' };
  return undefined;
}

/** Wall-clock minutes since the epoch in `zone` (turns count on the wall clock). */
function wall(ms: number, zone: string): number {
  const d = DateTime.fromMillis(ms, { zone });
  return Math.floor(Date.UTC(d.year, d.month - 1, d.day, d.hour, d.minute) / 60000);
}

/** Whether `b` continues `a`: it starts where `a` ends, with the same turn, restrictions and handoff clock. */
function continues(a: LayerInput, b: LayerInput, zone: string): boolean {
  if (a.end === undefined || instant(a.end) !== instant(b.start)) return false;
  if (a.rotationTurnLengthSeconds !== b.rotationTurnLengthSeconds) return false;
  if (JSON.stringify(a.restrictions ?? []) !== JSON.stringify(b.restrictions ?? [])) return false;
  const turn = a.rotationTurnLengthSeconds / 60;
  const aligned = (iso: string) => (((wall(instant(iso), zone) - wall(instant(a.rotationVirtualStart), zone)) % turn) + turn) % turn === 0;
  return aligned(b.rotationVirtualStart) && aligned(b.start);
}

/** The layer's users in turn order from its start (turns counted from the virtual start). */
function usersFromStart(layer: LayerInput, zone: string): string[] {
  const turn = layer.rotationTurnLengthSeconds / 60;
  const k = Math.floor((wall(instant(layer.start), zone) - wall(instant(layer.rotationVirtualStart), zone)) / turn);
  const n = layer.users.length;
  const shift = ((k % n) + n) % n;
  return [...layer.users.slice(shift), ...layer.users.slice(0, shift)];
}

const RENDERED_LAYER = /^([a-z][a-z0-9]*(?:-[a-z0-9]+)*) (base|from-(\d{4}-\d{2}-\d{2}))$/;

export function scheduleRotations(layers: readonly LayerInput[], zone: string): ImportedRotation[] {
  // Chains of successive layers, in order of precedence (lowest first).
  const chains: LayerInput[][] = [];
  for (const layer of layers) {
    const chain = chains.find((c) => continues(c[c.length - 1]!, layer, zone));
    if (chain) chain.push(layer);
    else chains.push([layer]);
  }
  const covered = chains.map((c) => restrictionIntervals(c[0]!));
  return chains.map((chain, i) => {
    const problems: string[] = [];
    const first = chain[0]!;
    const turn = turnText(first.rotationTurnLengthSeconds);
    const vstart = local(first.rotationVirtualStart, zone);
    // Above this chain: every later chain's coverage takes precedence.
    const above = union(covered.slice(i + 1).flatMap((c) => c));
    const own = covered[i]!;
    const intervals = above.length === 0 ? own : union(intersect(own, complement(above)));
    if (!turn)
      problems.push(
        `turns of ${first.rotationTurnLengthSeconds} s are not whole hours: read as ${Math.max(1, Math.round(first.rotationTurnLengthSeconds / 3600))}h`,
      );
    for (const r of first.restrictions ?? [])
      if (!minutesOfTime(r.startTimeOfDay).exact || r.durationSeconds % 60 !== 0)
        problems.push(`restriction at ${r.startTimeOfDay} is not on a whole minute: rounded`);
    const unit = turn?.unit ?? 'hours';
    const every = turn?.every ?? `${Math.max(1, Math.round(first.rotationTurnLengthSeconds / 3600))}h`;
    const time = vstart.toFormat('HH:mm');
    const handoff = unit === 'weeks' ? `${DAY_NAMES[vstart.weekday - 1]} ${time}` : time;
    const m = RENDERED_LAYER.exec(first.name ?? '');
    // A first layer our renderer named `<rotation> from-<date>`: the base ended (Read drops it); the base is
    // written one turn earlier with the same members, so the change keeps its date and name.
    const startsWithChange = m?.[3] !== undefined;
    const changes: Array<{ from: string; members: string[] }> = [];
    let members = [...first.users];
    let start = vstart.toISODate()!;
    if (startsWithChange) {
      const before = vstart.minus(
        unit === 'weeks'
          ? { weeks: Number(every.slice(0, -1)) }
          : unit === 'days'
            ? { days: Number(every.slice(0, -1)) }
            : { hours: Number(every.slice(0, -1)) },
      );
      start = before.toISODate()!;
      members = [...first.users.slice(-1), ...first.users.slice(0, -1)];
      changes.push({ from: m![3]!, members: usersFromStart(first, zone) });
    }
    for (const layer of chain.slice(1)) {
      const named = RENDERED_LAYER.exec(layer.name ?? '');
      changes.push({ from: named?.[3] ?? local(layer.start, zone).toISODate()!, members: usersFromStart(layer, zone) });
    }
    const coverage = own === intervals ? windowsOf(intervals, first) : windowsOf(intervals);
    return {
      ...(m ? { idHint: m[1]! } : {}),
      layers: chain.map((l) => l.name ?? '(unnamed layer)'),
      start,
      every,
      handoff,
      members,
      changes,
      ...(coverage === 'always' ? {} : { coverage }),
      intervals,
      problems,
    };
  });
}
