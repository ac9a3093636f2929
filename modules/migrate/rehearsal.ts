/**
 * The cutover rehearsal: for every squad and every service, over [from, to), the escalation timeline of an alert raised
 * at each minute (who at M+0, M+delay…, repeats included) as the source pages it (a stack's rendering or an account,
 * read by its backend's interpreter), as the YAML engine pages it, and as the target stack's rendering does.
 *
 * Exact and fast: each side lists the instants where its timeline may change; between two consecutive instants of their
 * union every side gives one timeline, so one comparison per segment stands for every minute of it.
 */
import type { Organisation, Squad } from '../model/types';
import type { Backend, DesiredState } from '../render/desired';
import { READERS } from '../interpret/index';
import { Changes } from '../interpret/changes';
import type { AlertUnit, Notification, Timeline } from '../interpret/timeline';
import type { EngineTimelines } from './engine-timeline';

const MINUTE = 60_000;

/** One way of paging: a backend's inputs read by its interpreter, or the engine. */
export interface Side {
  /** `source`, `engine` or `target`. */
  readonly role: 'source' | 'engine' | 'target';
  /** What it is: `opsgenie account (exports/)`, `datadog stack acme-datadog`, `teams/`. */
  readonly label: string;
  readonly backend: Backend | 'engine';
  timeline(unit: AlertUnit, instant: number): Timeline;
  changes(unit: AlertUnit, changes: Changes): void;
  /** The squads this side pages for (a stack's `oncall:teams`), undefined: all. */
  readonly squads?: readonly string[];
}

export function backendSide(
  role: 'source' | 'target',
  label: string,
  org: Organisation,
  state: DesiredState,
  squads?: readonly string[],
): Side {
  const reader = READERS[state.backend];
  return {
    role,
    label,
    backend: state.backend,
    squads,
    timeline: (unit, instant) => reader.timeline(org, state, unit, instant),
    changes: (unit, changes) => reader.changes(state, unit, changes),
  };
}

export function engineSide(label: string, engine: EngineTimelines): Side {
  return {
    role: 'engine',
    label,
    backend: 'engine',
    timeline: (unit, instant) => engine.timeline(unit, instant),
    changes: (unit, changes) => engine.changes(unit, changes),
  };
}

export interface SidePage {
  readonly role: Side['role'];
  readonly urgency: Timeline['urgency'];
  readonly route: string;
  /** The notification that differs (absent: the side has none there). */
  readonly notification?: Notification;
  /** The side's whole timeline for an alert at the interval's start. */
  readonly notifications: readonly Notification[];
}

export interface Mismatch {
  /** `squad payments` or `service checkout`. */
  readonly unit: string;
  readonly start: number;
  readonly end: number;
  readonly minutes: number;
  /** Minutes after the alert of the first notification that differs (null: the urgency or whether anyone is paged). */
  readonly after: number | null;
  readonly sides: readonly SidePage[];
  /** A difference by design, which `validate` reports for the stack (then not counted as mismatching). */
  readonly byDesign?: string;
}

export interface RehearsalReport {
  readonly from: number;
  readonly to: number;
  readonly sides: ReadonlyArray<{ readonly role: Side['role']; readonly label: string; readonly backend: Side['backend'] }>;
  readonly units: readonly string[];
  readonly skipped: ReadonlyArray<{ readonly unit: string; readonly why: string }>;
  /** Alert minutes compared: units × minutes. */
  readonly comparedMinutes: number;
  readonly mismatchingMinutes: number;
  readonly mismatches: readonly Mismatch[];
  readonly byDesign: readonly Mismatch[];
  /** Objects a side could not read (an interpreter met something it does not interpret). */
  readonly unreadable: ReadonlyArray<{ readonly unit: string; readonly role: Side['role']; readonly message: string }>;
}

const unitName = (u: AlertUnit): string => (u.kind === 'squad' ? `squad ${u.squad}` : `service ${u.service}`);

/** The units to compare: each squad with routing (on PagerDuty, through a service without a promise) and each live service. */
export function unitsOf(org: Organisation, sides: readonly Side[]): { units: AlertUnit[]; skipped: Array<{ unit: string; why: string }> } {
  const units: AlertUnit[] = [];
  const skipped: Array<{ unit: string; why: string }> = [];
  for (const team of org.squads.values()) {
    if (team.retired) continue;
    const missing = sides.filter((s) => s.squads && !s.squads.includes(team.id));
    if (missing.length > 0) {
      skipped.push({ unit: `squad ${team.id}`, why: `not in the ${missing.map((s) => `${s.role} (${s.label})`).join(' nor the ')}` });
      continue;
    }
    if (team.routing.length > 0) {
      const pagerdutyService = squadService(team);
      // Without any live service, nothing takes the squad's alerts on PagerDuty: compared, so that it shows.
      const promisesOnly = pagerdutyService === undefined && [...team.services.values()].some((s) => !s.retired);
      if (promisesOnly && sides.some((s) => s.backend === 'pagerduty'))
        skipped.push({
          unit: `squad ${team.id}`,
          why: 'PagerDuty receives alerts by service and every service of the squad has its own promise: compared service by service',
        });
      else units.push({ kind: 'squad', squad: team.id, pagerdutyService });
    }
    for (const service of team.services.values())
      if (!service.retired) units.push({ kind: 'service', squad: team.id, service: service.id });
  }
  return { units, skipped };
}

/** The service that takes a squad's own alerts on PagerDuty: its first live service without a promise. */
function squadService(team: Squad): string | undefined {
  return [...team.services.values()].find((s) => !s.retired && !s.promise)?.id;
}

/** What is compared of a timeline: whether and at what urgency it pages, and who at each offset. */
function signature(t: Timeline, urgency: boolean): string {
  return JSON.stringify([t.urgency === null ? null : urgency ? t.urgency : 'pages', t.notifications.map((n) => [n.after, n.people])]);
}

function firstDifference(timelines: readonly Timeline[]): number | null {
  const longest = Math.max(...timelines.map((t) => t.notifications.length));
  for (let i = 0; i < longest; i++) {
    const keys = timelines.map((t) => JSON.stringify(t.notifications[i] ? [t.notifications[i]!.after, t.notifications[i]!.people] : null));
    if (new Set(keys).size > 1) return i;
  }
  return null;
}

/**
 * PagerDuty has no urgency that pages nobody: outside a promise whose `outsideCoverage` is `none` it pages at low
 * urgency (validate: `backend/pagerduty-outside-coverage`). Such a side is read as paging nobody when the engine does.
 */
function withoutPagerDutyLow(sides: readonly Side[], timelines: readonly Timeline[]): Timeline[] | undefined {
  const engine = timelines[sides.findIndex((s) => s.backend === 'engine')];
  if (!engine || engine.urgency !== null || !engine.route.startsWith('outside the promise')) return undefined;
  let changed = false;
  const out = timelines.map((t, i) => {
    if (sides[i]!.backend !== 'pagerduty' || t.urgency !== 'low') return t;
    changed = true;
    return { urgency: null, route: t.route, notifications: [] };
  });
  return changed ? out : undefined;
}

export interface RehearsalInput {
  readonly org: Organisation;
  readonly sides: readonly Side[];
  readonly from: number;
  readonly to: number;
  /** Only these units (default: every squad and service, `unitsOf`). */
  readonly units?: readonly AlertUnit[];
}

export function rehearse(input: RehearsalInput): RehearsalReport {
  const { sides, from, to } = input;
  const chosen = input.units ? { units: [...input.units], skipped: [] } : unitsOf(input.org, sides);
  const compareUrgency = sides.every((s) => s.backend !== 'opsgenie'); // Opsgenie has no urgency
  const mismatches: Mismatch[] = [];
  const byDesign: Mismatch[] = [];
  const unreadable: Array<{ unit: string; role: Side['role']; message: string }> = [];
  for (const unit of chosen.units) {
    const name = unitName(unit);
    const changes = new Changes(from, to);
    let broken = false;
    // Each side's own change instants: between two of them its timeline stays the one it gave last.
    const own: Array<ReadonlySet<number>> = [];
    for (const side of sides) {
      try {
        const mine = new Changes(from, to);
        side.changes(unit, mine);
        own.push(new Set(mine.starts()));
        changes.merge(mine);
      } catch (error) {
        unreadable.push({ unit: name, role: side.role, message: (error as Error).message });
        broken = true;
      }
    }
    if (broken) continue;
    const starts = changes.starts();
    const last: Timeline[] = [];
    let open: { mismatch: Mismatch; key: string; list: Mismatch[] } | undefined;
    const close = () => {
      if (open) open.list.push(open.mismatch);
      open = undefined;
    };
    for (let i = 0; i < starts.length && !broken; i++) {
      const start = starts[i]!;
      const end = starts[i + 1] ?? to;
      const timelines: Timeline[] = [];
      for (const [k, side] of sides.entries()) {
        try {
          const previous = last[k];
          timelines.push(previous && !own[k]!.has(start) ? previous : (last[k] = side.timeline(unit, start)));
        } catch (error) {
          unreadable.push({ unit: name, role: side.role, message: (error as Error).message });
          broken = true;
          break;
        }
      }
      if (broken) break;
      let signatures = timelines.map((t) => signature(t, compareUrgency));
      if (new Set(signatures).size === 1) {
        close();
        continue;
      }
      let note: string | undefined;
      const relaxed = withoutPagerDutyLow(sides, timelines);
      if (relaxed && new Set(relaxed.map((t) => signature(t, compareUrgency))).size === 1) {
        note = 'backend/pagerduty-outside-coverage: PagerDuty has no urgency that pages nobody; it pages at low urgency';
        signatures = relaxed.map((t) => signature(t, compareUrgency));
      }
      const index = firstDifference(timelines);
      const pages: SidePage[] = timelines.map((t, k) => ({
        role: sides[k]!.role,
        urgency: t.urgency,
        route: t.route,
        notifications: t.notifications,
        ...(index !== null && t.notifications[index] ? { notification: t.notifications[index] } : {}),
      }));
      const key = JSON.stringify([note, index, pages.map((p) => [p.urgency, p.route, p.notification?.after, p.notification?.people])]);
      if (open && open.key === key && open.mismatch.end === start) {
        open.mismatch = { ...open.mismatch, end, minutes: (end - open.mismatch.start) / MINUTE };
        continue;
      }
      close();
      const after = index === null ? null : (timelines.find((t) => t.notifications[index])?.notifications[index]?.after ?? null);
      open = {
        key,
        list: note ? byDesign : mismatches,
        mismatch: { unit: name, start, end, minutes: (end - start) / MINUTE, after, sides: pages, ...(note ? { byDesign: note } : {}) },
      };
    }
    close();
  }
  const minutes = (to - from) / MINUTE;
  return {
    from,
    to,
    sides: sides.map((s) => ({ role: s.role, label: s.label, backend: s.backend })),
    units: chosen.units.map(unitName),
    skipped: chosen.skipped,
    comparedMinutes: chosen.units.length * minutes,
    mismatchingMinutes: mismatches.reduce((sum, m) => sum + m.minutes, 0),
    mismatches,
    byDesign,
    unreadable,
  };
}
