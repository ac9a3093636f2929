/**
 * A year (or any window) of incidents for an organisation, generated deterministically from a seed: pages of
 * every paging alert at random instants, the people paged taken from the schedule engine (who is on call then,
 * as the service's routing and promise say), acknowledgement and resolution delays drawn from log-normal
 * distributions, escalation to the next level when nobody acknowledged within the step's delay, some incidents
 * reassigned, some never acknowledged, a few noisy alerts (a burst of pages within 30 days), and a page just
 * before every clock change of the rotations' zones. The result is the truth the backends' readers must give
 * back (history.ts).
 */
import { DateTime } from 'luxon';
import type { Alert, EscalationPolicy, Organisation, Rotation, Target } from '../../model/types';
import { alertName, alertTags } from '../../render/alerts/naming';
import { servicePageAt } from '../../schedule/service-paging';
import { shiftAt } from '../../schedule/shifts';
import type { IncidentEscalation } from '../../reports/incident-record';
import type { GeneratedIncident, IncidentHistory, NeutralRecord, TimelineEvent } from './history';
import { seeded, type Random } from './prng';

export interface GenerateOptions {
  readonly seed: number;
  /** Epoch ms, half-open [since, until). */
  readonly since: number;
  readonly until: number;
  /** Pages of each alert over the window, drawn between these bounds (default 3 to 9). */
  readonly pagesPerAlert?: readonly [number, number];
  /** Alerts that page in a burst within 30 days (default 2). */
  readonly noisyAlerts?: number;
  /** Pages in each burst (default 14 to 22). */
  readonly burst?: readonly [number, number];
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const second = (ms: number): number => Math.round(ms / 1000) * 1000;
const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));

function pagingAlerts(org: Organisation): Alert[] {
  return [...org.alerts.values()]
    .filter((a) => a.page && !a.retired && org.squads.has(a.squad) && org.services.get(a.service)?.retired === false)
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Instants (rounded down to the hour) just before each change of UTC offset of `zone` in [since, until). */
function clockChanges(zone: string, since: number, until: number): number[] {
  const out: number[] = [];
  const start = Math.floor(since / HOUR) * HOUR;
  let previous = DateTime.fromMillis(start, { zone }).offset;
  for (let t = start + HOUR; t < until; t += HOUR) {
    const offset = DateTime.fromMillis(t, { zone }).offset;
    if (offset !== previous && t - HOUR >= since) out.push(t - HOUR);
    previous = offset;
  }
  return out;
}

function onDuty(rotation: Rotation | undefined, at: number): string | undefined {
  return rotation && !rotation.retired ? shiftAt(rotation, at)?.person : undefined;
}

/** Whom a step notifies at an instant, as e-mails, each once (the engine's reading of the step's targets). */
function stepEmails(org: Organisation, targets: readonly Target[], onCall: Rotation | undefined, at: number): string[] {
  const ids: string[] = [];
  for (const t of targets) {
    const person = t.kind === 'on-call' ? onDuty(onCall, at) : t.kind === 'rotation' ? onDuty(org.rotations.get(t.rotation), at) : t.person;
    if (person !== undefined && !ids.includes(person)) ids.push(person);
  }
  return ids.map((id) => org.people.get(id)?.email ?? id);
}

interface Draft {
  readonly alert: Alert;
  readonly at: number;
}

function incidentOf(org: Organisation, draft: Draft, random: Random): Omit<GeneratedIncident, 'key' | 'number'> | undefined {
  const { alert } = draft;
  const t = draft.at;
  const service = org.services.get(alert.service)!;
  const page = servicePageAt(org, service, t);
  if (page.urgency === null || page.escalation === null || page.first.length === 0) return undefined;
  const squad = org.squads.get(alert.squad)!;
  const policy: EscalationPolicy = squad.escalations.get(page.escalation)!;
  const onCall = page.rotation === null ? undefined : org.rotations.get(page.rotation);
  const levels: IncidentEscalation[] = policy.steps.map((step, i) => {
    const at = t + step.afterMinutes * MINUTE;
    const to = i === 0 ? page.first.map((id) => org.people.get(id)?.email ?? id) : stepEmails(org, step.targets, onCall, at);
    return { level: i + 1, at, to };
  });
  // Never at the very second a level is notified, so "notified before the acknowledgement" is never a tie.
  const offStep = (at: number): number => (levels.some((l) => l.at === at) ? at + 1000 : at);
  const reachedBy = (at: number) => levels.filter((l) => l.at < at);
  const members = squad.members.map((id) => org.people.get(id)?.email ?? id);

  const draw = random.next();
  let acknowledgedAt: number | undefined;
  let acknowledgedBy: string | undefined;
  let reassign: Extract<TimelineEvent, { kind: 'reassign' }> | undefined;
  const second2 = levels[1]?.at;
  if (draw >= 0.07 && draw < 0.17) {
    // Reassigned by a person of the first level to another member of the squad, before the second level.
    const by = random.pick(levels[0]!.to);
    const others = members.filter((m) => m !== by);
    const latest = second2 === undefined ? t + 20 * MINUTE : Math.min(second2 - MINUTE, t + 20 * MINUTE);
    if (others.length > 0 && latest > t + MINUTE) {
      const at = offStep(second(t + MINUTE + random.next() * (latest - t - MINUTE)));
      const to = random.pick(others);
      reassign = { kind: 'reassign', at, level: 1, by, to };
      acknowledgedAt = at + random.int(60, 900) * 1000;
      acknowledgedBy = to;
    }
  }
  if (draw >= 0.07 && reassign === undefined) {
    const delay = clamp(random.logNormal(6 * MINUTE, 1.1), 30_000, 4 * HOUR);
    const at = offStep(second(t + delay));
    const answering = reachedBy(at).filter((l) => l.to.length > 0);
    const last = answering[answering.length - 1];
    if (last) {
      acknowledgedAt = at;
      acknowledgedBy = random.pick(last.to);
    }
  }
  const resolvedAt =
    acknowledgedAt === undefined
      ? second(t + random.int(20, 360) * MINUTE)
      : second(acknowledgedAt + clamp(random.logNormal(35 * MINUTE, 1), 2 * MINUTE, 12 * HOUR));
  const resolvedBy = acknowledgedBy !== undefined && random.next() < 0.85 ? acknowledgedBy : undefined;

  // Levels reached before the acknowledgement (or the reassignment, which stops the policy), or before the end.
  const stop = reassign?.at ?? acknowledgedAt ?? resolvedAt;
  const notified = reachedBy(stop === t ? t + 1 : stop);
  const escalations: IncidentEscalation[] = [
    ...notified,
    ...(reassign ? [{ level: reassign.level, at: reassign.at, to: [reassign.to] }] : []),
  ];
  const timeline: TimelineEvent[] = [
    { kind: 'trigger', at: t },
    ...notified.map((l) => ({ kind: 'notify' as const, at: l.at, level: l.level, to: l.to })),
    ...(reassign ? [reassign] : []),
    ...(acknowledgedAt !== undefined && acknowledgedBy !== undefined
      ? [{ kind: 'acknowledge' as const, at: acknowledgedAt, by: acknowledgedBy }]
      : []),
    { kind: 'resolve', at: resolvedAt, ...(resolvedBy ? { by: resolvedBy } : {}) },
  ];
  const record: NeutralRecord = {
    title: alertName(alert),
    service: alert.service,
    team: alert.squad,
    tags: alertTags(alert),
    priority: alert.severity,
    urgency: page.urgency,
    createdAt: t,
    ...(acknowledgedAt !== undefined ? { acknowledgedAt, acknowledgedBy } : {}),
    resolvedAt,
    ...(resolvedBy ? { resolvedBy } : {}),
    escalations,
  };
  return {
    squad: alert.squad,
    service: alert.service,
    alert: alert.id,
    escalation: policy.id,
    zone: onCall?.timezone ?? org.timezone,
    record,
    timeline,
  };
}

export function generateIncidents(org: Organisation, options: GenerateOptions): IncidentHistory {
  const random = seeded(options.seed);
  const { since, until } = options;
  const alerts = pagingAlerts(org);
  const drafts: Draft[] = [];
  const within = (lo: number, hi: number): number => second(lo + random.next() * (hi - lo));
  const [fewest, most] = options.pagesPerAlert ?? [3, 9];
  for (const alert of alerts) {
    const n = random.int(fewest, most);
    for (let i = 0; i < n; i++) drafts.push({ alert, at: within(since, until) });
  }
  const noisy = Math.min(options.noisyAlerts ?? 2, alerts.length);
  const pool = [...alerts];
  const [least, largest] = options.burst ?? [14, 22];
  for (let i = 0; i < noisy; i++) {
    const alert = pool.splice(random.int(0, pool.length - 1), 1)[0]!;
    const start = within(since, Math.max(since, until - 30 * DAY));
    const n = random.int(least, largest);
    for (let j = 0; j < n; j++) drafts.push({ alert, at: within(start, Math.min(until, start + 30 * DAY)) });
  }
  // A page in the hour before each clock change of a rotation's zone, for an alert routed to that zone then.
  const zones = [...new Set([...org.rotations.values()].filter((r) => !r.retired).map((r) => r.timezone))].sort();
  for (const zone of zones) {
    for (const at of clockChanges(zone, since, until)) {
      const routed = alerts.filter((a) => {
        const page = servicePageAt(org, org.services.get(a.service)!, at + 40 * MINUTE);
        return page.urgency !== null && page.rotation !== null && org.rotations.get(page.rotation)?.timezone === zone;
      });
      if (routed.length > 0) drafts.push({ alert: random.pick(routed), at: at + 40 * MINUTE });
    }
  }
  drafts.sort((a, b) => a.at - b.at || (a.alert.id < b.alert.id ? -1 : a.alert.id > b.alert.id ? 1 : 0));

  const incidents: GeneratedIncident[] = [];
  for (const draft of drafts) {
    const made = incidentOf(org, draft, random);
    if (!made) continue;
    const number = incidents.length + 1;
    incidents.push({ key: `inc-${String(number).padStart(4, '0')}`, number, ...made });
  }
  return {
    since,
    until,
    people: [...org.people.values()]
      .map((p) => ({ id: p.id, name: p.name, email: p.email, timezone: p.timezone }))
      .sort((a, b) => (a.id < b.id ? -1 : 1)),
    squads: [...org.squads.values()].map((s) => ({ id: s.id, name: s.name })).sort((a, b) => (a.id < b.id ? -1 : 1)),
    services: [...org.services.values()]
      .filter((s) => !s.retired)
      .map((s) => ({ id: s.id, name: s.name, squad: s.squad }))
      .sort((a, b) => (a.id < b.id ? -1 : 1)),
    incidents,
  };
}
