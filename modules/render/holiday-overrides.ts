/**
 * Public holidays as non-business hours on the paging backends. None of their providers has a holiday calendar
 * (terraform-provider-pagerduty v2.4.0, terraform-provider-opsgenie v0.6.40, terraform-provider-datadog v4.19.0:
 * schedules have weekly restrictions, routing rules weekly time restrictions), so a schedule's weekly
 * restrictions and a team's weekly routing keep working on a holiday as on any other day. Over the next 12 months,
 * each holiday becomes dated overrides on the schedules it changes, so that whoever a backend's weekly routing
 * pages then is the person the engine has on call:
 * - a schedule the backend's weekly routing picks then, while the engine routes elsewhere (a business-hours `run`
 *   on a holiday afternoon), carries the engine's routed person (the off-hours rotation's);
 * - any other schedule carries whom the engine has on it (an off-hours rotation's person all day).
 * What overrides cannot say is a `backend/holiday-*` problem: a schedule the engine leaves empty while its weekly
 * restrictions would page someone, or a holiday routed to another policy or urgency than the weekly routing's.
 */
import { instantOf, isoDateOfLocal, localDateMinute } from '../core/local-time';
import { subtract, union, type Interval } from '../core/intervals';
import type { Organisation, Rotation, RoutingRule, Squad } from '../model/types';
import { coveredIntervals, isCovered, weeklyOnly } from '../schedule/coverage';
import { shiftAt, shiftsOverlapping } from '../schedule/shifts';
import { names } from './names';
import { holidaysBetween } from '../model/holiday-calendar';
import { scheduleOverrides, type NamedOverride } from './squad-parts';

/** How far ahead holidays are rendered (the stack is planned again well before then). */
export const HOLIDAY_HORIZON_DAYS = 366;

export interface HolidayPiece {
  readonly start: number;
  readonly end: number;
  readonly person: string;
}

export interface HolidayMismatch {
  readonly kind: 'nobody' | 'routing';
  readonly date: string;
  readonly start: number;
  readonly end: number;
  /** Where to report it: the rotation, or the routing rule the engine takes then. */
  readonly rotation: Rotation;
  readonly rule?: RoutingRule;
  /** Whom the schedule's weekly restrictions would page (nobody), or the weekly rule taken instead (routing). */
  readonly detail: string;
}

export interface HolidayPlan {
  /** The holidays' hours where the schedule is overridden (its own overrides and swaps give way there). */
  readonly spans: readonly Interval[];
  readonly pieces: readonly HolidayPiece[];
  readonly mismatches: readonly HolidayMismatch[];
}

const follows = (w: RoutingRule['during']): boolean =>
  w.holidays?.offHours === true && (w.kind === 'business-hours' || w.kind === 'off-hours');

/** Squads whose routing names the rotation and reads holidays. */
function routingSquads(org: Organisation, rotation: Rotation): Squad[] {
  return [...org.squads.values()].filter(
    (q) => !q.retired && q.routing.some((r) => r.rotation === rotation.key) && q.routing.some((r) => follows(r.during)),
  );
}

const firstRule = (team: Squad, instant: number, weekly: boolean): RoutingRule | undefined =>
  team.routing.find((r) => isCovered(r.timezone, weekly ? weeklyOnly(r.during) : r.during, instant));

/**
 * The holidays' days within the horizon, in every zone that reads them for this schedule, merged (in two zones, one
 * day's hours run into the next's): each span with the date of its first holiday.
 */
function holidaySpans(org: Organisation, zones: ReadonlySet<string>, now: number): Array<{ date: string; span: Interval }> {
  // From the day before `now` (in UTC; a zone's date may be behind) to the horizon.
  const today = Math.floor(now / 60_000 / 1440) * 1440;
  const from = isoDateOfLocal(today - 1440);
  const to = isoDateOfLocal(today + HOLIDAY_HORIZON_DAYS * 1440);
  const days: Array<{ date: string; span: Interval }> = [];
  for (const h of holidaysBetween(org.holidays, from, to)) {
    const midnight = localDateMinute(h.date);
    for (const zone of zones) days.push({ date: h.date, span: [instantOf(zone, midnight), instantOf(zone, midnight + 1440)] });
  }
  days.sort((x, y) => x.span[0] - y.span[0]);
  const out: Array<{ date: string; span: [number, number] }> = [];
  for (const d of days) {
    const last = out[out.length - 1];
    if (last && d.span[0] <= last.span[1]) last.span[1] = Math.max(last.span[1], d.span[1]);
    else out.push({ date: d.date, span: [d.span[0], d.span[1]] });
  }
  return out;
}

const planCache = new WeakMap<Rotation, Map<number, HolidayPlan>>();

/** The overrides a holiday puts on a rotation's schedule, over the horizon from `now`. */
export function holidayPlan(org: Organisation, rotation: Rotation, now: number): HolidayPlan {
  let cached = planCache.get(rotation)?.get(now);
  if (cached) return cached;
  cached = computePlan(org, rotation, now);
  const byNow = planCache.get(rotation) ?? new Map<number, HolidayPlan>();
  byNow.set(now, cached);
  planCache.set(rotation, byNow);
  return cached;
}

function computePlan(org: Organisation, rotation: Rotation, now: number): HolidayPlan {
  const empty: HolidayPlan = { spans: [], pieces: [], mismatches: [] };
  if (rotation.retired || !org.holidays.offHours) return empty;
  const squads = routingSquads(org, rotation);
  if (!follows(rotation.coverage) && squads.length === 0) return empty;
  const involved = new Set<Rotation>([rotation]);
  for (const q of squads) for (const r of q.routing) if (org.rotations.has(r.rotation)) involved.add(org.rotations.get(r.rotation)!);
  const zones = new Set([...involved].map((r) => r.timezone));

  // The rotation as the backend's weekly restrictions see it: someone is on call there unless overridden.
  const weeklyRotation: Rotation = { ...rotation, coverage: weeklyOnly(rotation.coverage) };
  const spans: Interval[] = [];
  const pieces: HolidayPiece[] = [];
  const mismatches: HolidayMismatch[] = [];
  for (const { date, span } of holidaySpans(org, zones, now)) {
    const [a, b] = span;
    spans.push(span);
    // Every instant at which the answer may change: shift edges, coverage and routing window edges.
    const edges = new Set<number>([a, b]);
    const addEdges = (list: readonly Interval[]): void => list.forEach(([s, e]) => (edges.add(s), edges.add(e)));
    for (const r of involved) {
      addEdges(shiftsOverlapping(r, a, b).map((s) => [s.start, s.end] as Interval));
      addEdges(coveredIntervals(r.timezone, weeklyOnly(r.coverage), a, b));
    }
    for (const q of squads)
      for (const rule of q.routing) {
        addEdges(coveredIntervals(rule.timezone, rule.during, a, b));
        addEdges(coveredIntervals(rule.timezone, weeklyOnly(rule.during), a, b));
      }
    const times = [...edges].filter((t) => t >= a && t <= b).sort((x, y) => x - y);
    for (let i = 0; i + 1 < times.length; i++) {
      const [x, y] = [times[i]!, times[i + 1]!];
      let person: string | undefined;
      let claimed = false;
      for (const q of squads) {
        const weekly = firstRule(q, x, true);
        if (weekly?.rotation !== rotation.key) continue;
        const engine = firstRule(q, x, false);
        const routed = engine ? org.rotations.get(engine.rotation) : undefined;
        const who = routed ? shiftAt(routed, x)?.person : undefined;
        if (engine && (engine.escalation !== weekly.escalation || engine.urgency !== weekly.urgency)) {
          mismatches.push({
            kind: 'routing',
            date,
            start: x,
            end: y,
            rotation,
            rule: engine,
            detail: `\`${weekly.escalation}\`${weekly.urgency === 'low' ? ' at low urgency' : ''}`,
          });
        }
        if (!claimed) [person, claimed] = [who, true];
      }
      if (!claimed) person = shiftAt(rotation, x)?.person;
      if (person !== undefined) {
        const last = pieces[pieces.length - 1];
        if (last && last.end === x && last.person === person) pieces[pieces.length - 1] = { ...last, end: y };
        else pieces.push({ start: x, end: y, person });
      } else if (shiftAt(weeklyRotation, x) !== undefined) {
        const last = mismatches[mismatches.length - 1];
        if (last && last.kind === 'nobody' && last.rotation === rotation && last.end === x)
          mismatches[mismatches.length - 1] = { ...last, end: y };
        else mismatches.push({ kind: 'nobody', date, start: x, end: y, rotation, detail: 'its weekly restrictions' });
      }
    }
  }
  return { spans: union(spans), pieces, mismatches };
}

/**
 * The overrides a schedule carries with holidays: its own overrides and swapped turns outside the holidays' hours,
 * and the holidays' overrides; named like any override, by rotation and start.
 */
export function scheduleOverridesWithHolidays(org: Organisation, team: Squad, rotation: Rotation, now: number): NamedOverride[] {
  const own = scheduleOverrides(team, rotation);
  if (rotation.retired || team.retired) return own;
  const plan = holidayPlan(org, rotation, now);
  if (plan.spans.length === 0) return own;
  const out: NamedOverride[] = [];
  for (const o of own) {
    for (const [start, end] of subtract([[o.start, o.end]], plan.spans))
      out.push({ name: names.override(team.id, rotation.id, start), start, end, person: o.person });
  }
  for (const p of plan.pieces) out.push({ name: names.override(team.id, rotation.id, p.start), ...p });
  return out.sort((x, y) => x.start - y.start);
}
