/**
 * The coverage audit a manager asks for, per squad: services and alerts, runbooks and readiness, promised
 * hours actually covered, how long each routed escalation policy takes to reach its last level against
 * its own response target, on-call load, and — given a Datadog monitors export — what is not managed as code.
 */
import type { Organisation, Squad } from '../model/types';
import { squadCoverage } from '../schedule/coverage-checks';
import { DAY, formatLocal, instantOf, isoDateOfLocal, localMinute, weekdayOfLocal } from '../core/local-time';
import { squadLoad, type PersonLoad } from '../schedule/load';
import { isManagedMonitor, squadOfTags } from './managed-monitors';
import { readiness } from './index';

export interface ExportedMonitor {
  readonly id: number | string;
  readonly name: string;
  readonly tags: readonly string[];
  /** The monitor's type (`query alert`, `synthetics alert`…), when the export gives it. */
  readonly type?: string;
}

export interface SquadAudit {
  readonly team: string;
  readonly name: string;
  readonly services: string[];
  readonly customerFacingServices: string[];
  readonly alerts: number;
  readonly alertsBySeverity: Record<'P1' | 'P2' | 'P3' | 'P4' | 'P5', number>;
  readonly alertsWithRunbook: number;
  readonly alertsPassingReadiness: number;
  readonly servicesWithoutPagingAlert: string[];
  readonly servicesWithoutSyntheticCheck: string[];
  /** Share of the promised hours of the next weeks with someone on call. */
  readonly coveragePercent: number;
  /** Each routed escalation policy against its own response target. */
  readonly escalations: PolicyAudit[];
  /** The routed policy with the least time to spare before its own target (the latest one when any is late). */
  readonly escalationPolicy: string | null;
  /** Minutes until that policy reaches its last level, and that same policy's response target. */
  readonly escalationMinutes: number | null;
  readonly responseTargetMinutes: number | null;
  readonly escalationWithinTarget: boolean | null;
  readonly load: PersonLoad[];
  /** With a monitors export: the squad's monitors not managed by this repository (managed-monitors.ts says which are). */
  readonly unmanagedMonitors: number | null;
  readonly unmanagedMonitorNames: string[] | null;
  readonly managedSharePercent: number | null;
  /** Hour of the week (0 = Monday 00:00, organisation's zone) → share of it covered, or null when not promised. */
  readonly heat: Array<number | null>;
  /** The same, week by week: when a gap happens, not only how often an hour of the week has one. */
  readonly byWeek: WeekHeat[];
  /** Promised hours with nobody on call, with their dates (organisation's zone), merged across rotations. */
  readonly gaps: AuditGap[];
}

export interface WeekHeat {
  /** ISO date of the week's Monday. */
  readonly week: string;
  readonly heat: Array<number | null>;
}

export interface AuditGap {
  /** Local date-times, `YYYY-MM-DD HH:MM`, in the organisation's zone. */
  readonly start: string;
  readonly end: string;
  readonly hours: number;
  readonly rotations: string[];
}

export interface PolicyAudit {
  readonly policy: string;
  readonly name: string;
  readonly escalationMinutes: number;
  readonly responseTargetMinutes: number;
  readonly withinTarget: boolean;
}

export interface Audit {
  readonly from: string;
  readonly to: string;
  readonly weeks: number;
  readonly teams: SquadAudit[];
  /** Monitors of the export without a squad (`team:` tag). */
  readonly unassignedMonitors: number | null;
}

const pct = (part: number, whole: number) => (whole === 0 ? 100 : Math.round((part / whole) * 1000) / 10);

function heatMap(
  org: Organisation,
  promised: ReadonlyArray<readonly [number, number]>,
  gaps: ReadonlyArray<{ start: number; end: number }>,
): Array<number | null> {
  const promisedMin = new Array<number>(168).fill(0);
  const gapMin = new Array<number>(168).fill(0);
  const add = (list: number[], s: number, e: number): void => {
    for (let t = s; t < e; t += 60_000) {
      const local = localMinute(org.timezone, t);
      const hour = (weekdayOfLocal(local) - 1) * 24 + Math.floor((((local % 1440) + 1440) % 1440) / 60);
      list[hour] = (list[hour] ?? 0) + 1;
    }
  };
  // Sample every 15 minutes rather than every minute: enough for an hour-wide cell.
  const sample = (list: number[], s: number, e: number) => {
    for (let t = s; t < e; t += 15 * 60_000) add(list, t, Math.min(t + 60_000, e));
  };
  for (const [s, e] of promised) sample(promisedMin, s, e);
  for (const g of gaps) sample(gapMin, g.start, g.end);
  return promisedMin.map((p, i) => (p === 0 ? null : Math.max(0, Math.round(((p - (gapMin[i] ?? 0)) / p) * 100) / 100)));
}

/** The heat map of each week (Monday 00:00 in the organisation's zone) that [from, to) touches. */
function heatByWeek(
  org: Organisation,
  promised: ReadonlyArray<readonly [number, number]>,
  gaps: ReadonlyArray<{ start: number; end: number }>,
  from: number,
  to: number,
): WeekHeat[] {
  const local = localMinute(org.timezone, from);
  let monday = Math.floor(local / 1440) * 1440 - (weekdayOfLocal(local) - 1) * 1440;
  const out: WeekHeat[] = [];
  for (; instantOf(org.timezone, monday) < to; monday += 7 * 1440) {
    const start = Math.max(from, instantOf(org.timezone, monday));
    const end = Math.min(to, instantOf(org.timezone, monday + 7 * 1440));
    const clip = (s: number, e: number): [number, number] | undefined =>
      Math.min(e, end) > Math.max(s, start) ? [Math.max(s, start), Math.min(e, end)] : undefined;
    const inWeek = promised.flatMap(([s, e]) => {
      const c = clip(s, e);
      return c ? [c] : [];
    });
    const holes = gaps.flatMap((g) => {
      const c = clip(g.start, g.end);
      return c ? [{ start: c[0], end: c[1] }] : [];
    });
    out.push({ week: isoDateOfLocal(monday), heat: heatMap(org, inWeek, holes) });
  }
  return out;
}

/** Gaps merged across rotations (primary and secondary missing at once is one gap), with their dates. */
function datedGaps(org: Organisation, gaps: ReadonlyArray<{ start: number; end: number; rotation: string }>): AuditGap[] {
  const sorted = [...gaps].sort((a, b) => a.start - b.start);
  const merged: Array<{ start: number; end: number; rotations: Set<string> }> = [];
  for (const g of sorted) {
    const last = merged[merged.length - 1];
    if (last && g.start <= last.end) {
      last.end = Math.max(last.end, g.end);
      last.rotations.add(g.rotation);
    } else merged.push({ start: g.start, end: g.end, rotations: new Set([g.rotation]) });
  }
  return merged.map((g) => ({
    start: formatLocal(g.start, org.timezone),
    end: formatLocal(g.end, org.timezone),
    hours: Math.round(((g.end - g.start) / 3_600_000) * 10) / 10,
    rotations: [...g.rotations].sort(),
  }));
}

function squadAudit(
  org: Organisation,
  team: Squad,
  from: number,
  to: number,
  monitors: readonly ExportedMonitor[] | undefined,
  today: string,
): SquadAudit {
  const alerts = [...team.alerts.values()].filter((a) => !a.retired);
  const services = [...team.services.values()].filter((s) => !s.retired);
  const customerFacing = services.filter((s) => s.statusPage).map((s) => s.id);
  const findings = readiness(org, { alerts: new Set(alerts.map((a) => a.id)), services: new Set(customerFacing), today });
  const failing = new Set(findings.filter((f) => f.severity === 'error' && f.alert).map((f) => f.alert));
  const bySeverity = { P1: 0, P2: 0, P3: 0, P4: 0, P5: 0 };
  for (const a of alerts) bySeverity[a.severity]++;
  const coverage = squadCoverage(org, team, from, to);
  const promised = coverage.promised;
  const gaps = coverage.gaps.filter((g) => g.ofPromise);
  const promisedMs = promised.reduce((n, [s, e]) => n + e - s, 0);
  const gapMs = gaps.reduce((n, g) => n + g.end - g.start, 0);
  const policies = [...new Set(team.routing.map((r) => r.escalation))].map((id) => team.escalations.get(id)).filter((p) => p !== undefined);
  const escalations = policies.map((p): PolicyAudit => {
    const minutes = p.steps[p.steps.length - 1]?.afterMinutes ?? 0;
    return {
      policy: p.id,
      name: p.name,
      escalationMinutes: minutes,
      responseTargetMinutes: p.responseTargetMinutes,
      withinTarget: minutes <= p.responseTargetMinutes,
    };
  });
  // Each policy is measured against its own target; the squad's line shows the one closest to (or furthest past) it.
  const slack = (e: PolicyAudit) => e.responseTargetMinutes - e.escalationMinutes;
  const worst = escalations.reduce<PolicyAudit | undefined>((w, e) => (w === undefined || slack(e) < slack(w) ? e : w), undefined);
  const own = monitors?.filter((m) => squadOfTags(org, m.tags).squad?.id === team.id);
  const unmanaged = own?.filter((m) => !isManagedMonitor(org, m));
  return {
    team: team.id,
    name: team.name,
    services: services.map((s) => s.id),
    customerFacingServices: customerFacing,
    alerts: alerts.length,
    alertsBySeverity: bySeverity,
    alertsWithRunbook: alerts.filter((a) => a.runbook).length,
    alertsPassingReadiness: alerts.filter((a) => !failing.has(a.id)).length,
    servicesWithoutPagingAlert: findings.filter((f) => f.code === 'service/paging-alert').map((f) => f.service ?? ''),
    servicesWithoutSyntheticCheck: findings.filter((f) => f.code === 'service/synthetic-check').map((f) => f.service ?? ''),
    coveragePercent: pct(promisedMs - gapMs, promisedMs),
    escalations,
    escalationPolicy: worst?.name ?? null,
    escalationMinutes: worst?.escalationMinutes ?? null,
    responseTargetMinutes: worst?.responseTargetMinutes ?? null,
    escalationWithinTarget: worst?.withinTarget ?? null,
    load: squadLoad(org, team.id, from, to),
    unmanagedMonitors: unmanaged ? unmanaged.length : null,
    unmanagedMonitorNames: unmanaged ? unmanaged.map((m) => m.name) : null,
    managedSharePercent: own ? pct(own.length - (unmanaged?.length ?? 0), own.length) : null,
    heat: heatMap(org, promised, gaps),
    byWeek: heatByWeek(org, promised, gaps, from, to),
    gaps: datedGaps(org, gaps),
  };
}

export function audit(
  org: Organisation,
  now: number,
  options: { weeks?: number; monitors?: readonly ExportedMonitor[]; today: string },
): Audit {
  const weeks = options.weeks ?? 8;
  const to = now + weeks * 7 * DAY;
  const teams = [...org.squads.values()].filter((t) => !t.retired).map((t) => squadAudit(org, t, now, to, options.monitors, options.today));
  const unassigned = options.monitors?.filter((m) => squadOfTags(org, m.tags).squad === undefined);
  return {
    from: new Date(now).toISOString(),
    to: new Date(to).toISOString(),
    weeks,
    teams,
    unassignedMonitors: unassigned ? unassigned.length : null,
  };
}

/** Monitors from the JSON the Datadog monitors API returns (a list, or `{"monitors": [...]}`). */
export function parseMonitorsExport(json: unknown): ExportedMonitor[] | string {
  const list = Array.isArray(json)
    ? json
    : json && typeof json === 'object' && Array.isArray((json as { monitors?: unknown }).monitors)
      ? (json as { monitors: unknown[] }).monitors
      : undefined;
  if (!list) return 'expected the JSON of the Datadog monitors API: a list of monitors';
  const out: ExportedMonitor[] = [];
  for (const [i, m] of list.entries()) {
    if (!m || typeof m !== 'object') return `monitor ${i + 1} is not an object`;
    const { id, name, tags, type } = m as { id?: unknown; name?: unknown; tags?: unknown; type?: unknown };
    if ((typeof id !== 'number' && typeof id !== 'string') || typeof name !== 'string') return `monitor ${i + 1} has no id or name`;
    out.push({
      id,
      name,
      tags: Array.isArray(tags) ? tags.filter((t): t is string => typeof t === 'string') : [],
      ...(typeof type === 'string' ? { type } : {}),
    });
  }
  return out;
}
