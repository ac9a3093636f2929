/**
 * The figures of `oncall report incidents`, per squad, service (contract), alert and severity, and per person.
 * Times are minutes; percentiles by nearest rank (percentiles.ts); a page belongs to the period when it was
 * created in [since, until).
 */
import { DateTime } from 'luxon';
import type { Organisation } from '../model/types';
import type { Backend } from '../render/desired';
import { isCovered } from '../schedule/coverage';
import { maskPhonesInText } from '../core/mask-phones';
import type { IncidentRecord } from './incident-record';
import { unknownIncidentFigures, type UnknownFigure } from './backend-fields';
import { hoursWithin, interventionSpans } from './intervention';
import { mapIncidents, squadZoneAt, type MappedIncident, type UnmappedIncident } from './map-incidents';
import { spreadOf, type Spread } from './percentiles';

export interface TargetFigures {
  /** Pages that have a response target. */
  readonly measured: number;
  /** Of those, acknowledged within it. */
  readonly within: number;
  /** within / measured, 4 decimals; absent when nothing was measured. */
  readonly share?: number;
}

export interface GroupFigures {
  /** Squad id, service id, alert id (or `service:<id>` for pages without a known alert), severity. */
  readonly key: string;
  readonly label: string;
  readonly squad?: string;
  readonly service?: string;
  readonly pages: number;
  readonly acknowledged: number;
  readonly resolved: number;
  readonly timeToAcknowledge: Spread;
  readonly timeToResolve: Spread;
  /** Response target in minutes, when all pages of the group share one. */
  readonly targetMinutes?: number;
  readonly target: TargetFigures;
  /** Pages acknowledged at level `1`, `2`…, and `never`; `unknown` when the backend does not tell the levels. */
  readonly answeredAt: Readonly<Record<string, number>> | 'unknown';
}

export interface PersonFigures {
  /** The person's id, or the e-mail the backend gave for someone not in org.yaml. */
  readonly person: string;
  readonly name: string;
  /** Pages that notified them. */
  readonly paged: number;
  /** Of those, notified outside business hours (in the zone of the rotation the squad routed to then). */
  readonly outOfHours: number;
  readonly acknowledged: number;
  readonly interventionHours: number;
}

export interface WeekFigures {
  /** ISO date of the Monday, in the organisation's zone. */
  readonly week: string;
  /** Pages per squad id. */
  readonly squads: Readonly<Record<string, number>>;
}

/** Pages per squad whose time to acknowledge falls in a bucket: up to `upTo` minutes (after the previous bucket). */
export interface ResponseBucket {
  readonly label: string;
  /** Inclusive upper bound in minutes; absent for the last bucket (later) and for `never`. */
  readonly upTo?: number;
  readonly squads: Readonly<Record<string, number>>;
}

export const RESPONSE_BUCKETS: readonly number[] = [5, 15, 30, 60, 120, 240];

export interface IncidentsReport {
  readonly organisation: string;
  /** The organisation's zone, in which the period and the weeks are read. */
  readonly timezone: string;
  readonly backend: Backend;
  readonly since: string;
  readonly until: string;
  readonly intervention: Organisation['reports']['intervention'];
  readonly pages: number;
  readonly squads: readonly GroupFigures[];
  readonly services: readonly GroupFigures[];
  readonly alerts: readonly GroupFigures[];
  readonly severities: readonly GroupFigures[];
  /** `unknown` when the backend does not tell who was notified or who acknowledged (see `unknown`). */
  readonly people: readonly PersonFigures[] | 'unknown';
  /** The figures this backend cannot give, and why (empty for PagerDuty and Opsgenie). */
  readonly unknown: readonly UnknownFigure[];
  readonly weeks: readonly WeekFigures[];
  /** The distribution of times to acknowledge, per squad. */
  readonly responseTimes: readonly ResponseBucket[];
  readonly unmapped: readonly UnmappedIncident[];
}

const SEVERITY_ORDER = ['P1', 'P2', 'P3', 'P4', 'P5', 'none'];

export function incidentsReport(
  org: Organisation,
  backend: Backend,
  records: readonly IncidentRecord[],
  since: number,
  until: number,
): IncidentsReport {
  const inPeriod = records.filter((r) => r.createdAt >= since && r.createdAt < until);
  const { incidents, unmapped } = mapIncidents(org, backend, inPeriod, until);
  const unknown = unknownIncidentFigures(backend);
  const isUnknown = (figure: UnknownFigure['figure']) => unknown.some((u) => u.figure === figure);
  const group = (key: string, label: string, list: readonly MappedIncident[], where: { squad?: string; service?: string }) =>
    groupFigures(key, label, list, where, isUnknown('answeredAt'));
  const groupBy = (keyOf: (i: MappedIncident) => string) => {
    const groups = new Map<string, MappedIncident[]>();
    for (const i of incidents) {
      const key = keyOf(i);
      const list = groups.get(key);
      if (list) list.push(i);
      else groups.set(key, [i]);
    }
    return groups;
  };
  const byKey = (a: GroupFigures, b: GroupFigures) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
  const squads = [...groupBy((i) => i.squad)].map(([k, list]) => group(k, org.squads.get(k)?.name ?? k, list, {})).sort(byKey);
  const services = [...groupBy((i) => i.service)]
    .map(([k, list]) => group(k, org.services.get(k)?.name ?? k, list, { squad: list[0]!.squad }))
    .sort(byKey);
  const alerts = [...groupBy((i) => i.alert ?? `service:${i.service}`)]
    .map(([k, list]) => {
      const alert = list[0]!.alert === undefined ? undefined : org.alerts.get(list[0]!.alert);
      const label = alert?.title ?? `(no alert id) ${org.services.get(list[0]!.service)?.name ?? list[0]!.service}`;

      return group(k, label, list, { squad: list[0]!.squad, service: list[0]!.service });
    })
    .sort(byKey);
  const severities = [...groupBy((i) => i.severity)]
    .map(([k, list]) => group(k, k, list, {}))
    .sort((a, b) => SEVERITY_ORDER.indexOf(a.key) - SEVERITY_ORDER.indexOf(b.key));
  return {
    organisation: org.name,
    timezone: org.timezone,
    backend,
    since: new Date(since).toISOString(),
    until: new Date(until).toISOString(),
    intervention: org.reports.intervention,
    pages: incidents.length,
    squads,
    services,
    alerts,
    severities,
    people: isUnknown('people') ? 'unknown' : peopleFigures(org, incidents, since, until),
    unknown,
    weeks: weekFigures(org, incidents, since, until),
    responseTimes: responseBuckets(incidents),
    // Titles are the backend's free text: a phone number in one is masked like everywhere else.
    unmapped: [...unmapped]
      .map((u) => ({ ...u, title: maskPhonesInText(u.title) }))
      .sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1)),
  };
}

function groupFigures(
  key: string,
  label: string,
  list: readonly MappedIncident[],
  where: { squad?: string; service?: string },
  levelsUnknown: boolean,
): GroupFigures {
  const acked = list.filter((i) => i.record.acknowledgedAt !== undefined);
  const resolved = list.filter((i) => i.record.resolvedAt !== undefined);
  const measured = list.filter((i) => i.targetMinutes !== undefined);
  const within = measured.filter(
    (i) => i.record.acknowledgedAt !== undefined && i.record.acknowledgedAt - i.record.createdAt <= i.targetMinutes! * 60_000,
  );
  const targets = new Set(measured.map((i) => i.targetMinutes));
  const answeredAt: Record<string, number> = {};
  for (const i of list) {
    const level = i.answeredLevel === undefined ? 'never' : String(i.answeredLevel);
    answeredAt[level] = (answeredAt[level] ?? 0) + 1;
  }
  return {
    key,
    label,
    ...where,
    pages: list.length,
    acknowledged: acked.length,
    resolved: resolved.length,
    timeToAcknowledge: spreadOf(acked.map((i) => i.record.acknowledgedAt! - i.record.createdAt)),
    timeToResolve: spreadOf(resolved.map((i) => i.record.resolvedAt! - i.record.createdAt)),
    ...(targets.size === 1 && measured.length === list.length ? { targetMinutes: measured[0]!.targetMinutes } : {}),
    target: {
      measured: measured.length,
      within: within.length,
      ...(measured.length > 0 ? { share: Math.round((within.length / measured.length) * 10000) / 10000 } : {}),
    },
    answeredAt: levelsUnknown
      ? 'unknown'
      : Object.fromEntries(Object.entries(answeredAt).sort(([a], [b]) => levelOrder(a) - levelOrder(b))),
  };
}

const levelOrder = (level: string): number => (level === 'never' ? Number.MAX_SAFE_INTEGER : Number(level));

function peopleFigures(org: Organisation, incidents: readonly MappedIncident[], since: number, until: number): PersonFigures[] {
  const byEmail = new Map([...org.people.values()].map((p) => [p.email.toLowerCase(), p]));
  const rows = new Map<string, { paged: number; outOfHours: number; acknowledged: number }>();
  const rowOf = (email: string) => {
    const key = email.toLowerCase();
    let row = rows.get(key);
    if (!row) rows.set(key, (row = { paged: 0, outOfHours: 0, acknowledged: 0 }));
    return row;
  };
  for (const i of incidents) {
    const squad = org.squads.get(i.squad)!;
    // When each person was first notified by this page.
    const first = new Map<string, number>();
    for (const e of i.record.escalations) for (const to of e.to) if (!first.has(to.toLowerCase())) first.set(to.toLowerCase(), e.at);
    const by = i.record.acknowledgedBy?.toLowerCase();
    if (by !== undefined && !first.has(by)) first.set(by, i.record.createdAt);
    for (const [email, at] of first) {
      const row = rowOf(email);
      row.paged++;
      if (!isCovered(squadZoneAt(org, squad, at), org.businessHours, at)) row.outOfHours++;
    }
    if (by !== undefined) rowOf(by).acknowledged++;
  }
  const spans = interventionSpans(
    incidents.map((i) => i.record),
    org.reports.intervention,
  );
  for (const email of spans.keys()) rowOf(email);
  return [...rows]
    .map(([email, row]) => {
      const person = byEmail.get(email);
      return {
        person: person?.id ?? email,
        name: person?.name ?? email,
        ...row,
        interventionHours: hoursWithin(spans.get(email) ?? [], since, until),
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'en') || (a.person < b.person ? -1 : 1));
}

function weekFigures(org: Organisation, incidents: readonly MappedIncident[], since: number, until: number): WeekFigures[] {
  const monday = (instant: number) => DateTime.fromMillis(instant, { zone: org.timezone }).startOf('week').toISODate()!;
  const weeks = new Map<string, Record<string, number>>();
  // Every week of the period, empty ones included, so that a chart shows the quiet weeks.
  for (let d = DateTime.fromMillis(since, { zone: org.timezone }).startOf('week'); d.toMillis() < until; d = d.plus({ weeks: 1 }))
    weeks.set(d.toISODate()!, {});
  for (const i of incidents) {
    const w = monday(i.record.createdAt);
    const counts = weeks.get(w) ?? {};
    counts[i.squad] = (counts[i.squad] ?? 0) + 1;
    weeks.set(w, counts);
  }
  return [...weeks]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([week, squads]) => ({ week, squads: Object.fromEntries(Object.entries(squads).sort(([a], [b]) => (a < b ? -1 : 1))) }));
}

function responseBuckets(incidents: readonly MappedIncident[]): ResponseBucket[] {
  const buckets: Array<{ label: string; upTo?: number; squads: Record<string, number> }> = [
    ...RESPONSE_BUCKETS.map((upTo, i) => ({
      label: `${i === 0 ? 0 : RESPONSE_BUCKETS[i - 1]}–${upTo} min`,
      upTo,
      squads: {} as Record<string, number>,
    })),
    { label: `over ${RESPONSE_BUCKETS[RESPONSE_BUCKETS.length - 1]} min`, squads: {} as Record<string, number> },
    { label: 'never', squads: {} as Record<string, number> },
  ];
  for (const i of incidents) {
    const ack = i.record.acknowledgedAt;
    const bucket =
      ack === undefined
        ? buckets[buckets.length - 1]!
        : (buckets.find((b) => b.upTo !== undefined && ack - i.record.createdAt <= b.upTo * 60_000) ?? buckets[buckets.length - 2]!);
    bucket.squads[i.squad] = (bucket.squads[i.squad] ?? 0) + 1;
  }
  return buckets.map((b) => ({ ...b, squads: Object.fromEntries(Object.entries(b.squads).sort(([a], [c]) => (a < c ? -1 : 1))) }));
}
