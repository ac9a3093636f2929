/**
 * The tests' own figures of `oncall report incidents` for a history whose truth they hold (the generated records),
 * from hand-written facts of the organisation (example-facts.ts): grouped by the `alert-id:` tag, percentiles by
 * counting, levels and business hours read with the oracle's own helpers, hours by a sweep. Nothing here calls
 * modules/reports.
 */
import { DateTime } from 'luxon';
import type { IncidentRecord } from '../../modules/reports/incident-record';
import type { AlertFacts } from './example-facts';
import { answeredLevel, outOfHoursWith, spreadByCounting, sweepHours, type Hours } from './oracle';

/** A page as the generator wrote it (the truth): a record without a backend's id. */
type Page = Omit<IncidentRecord, 'backend' | 'id'>;

export interface OrgFacts {
  readonly alerts: Readonly<Record<string, AlertFacts>>;
  /** The zone pages of a squad are read in. */
  readonly zoneOf: (squad: string) => string;
  readonly hours: Hours;
  readonly personOf: (email: string) => string;
  /** The organisation's zone: weeks start on Monday there. */
  readonly zone: string;
}

export interface ExpectedGroup {
  readonly key: string;
  readonly pages: number;
  readonly acknowledged: number;
  readonly resolved: number;
  readonly timeToAcknowledge: Record<string, number>;
  readonly timeToResolve: Record<string, number>;
  readonly measured: number;
  readonly within: number;
  readonly answeredAt: Record<string, number>;
}

export interface ExpectedPerson {
  readonly person: string;
  readonly paged: number;
  readonly outOfHours: number;
  readonly acknowledged: number;
  readonly interventionHours: number;
}

const alertOf = (r: Page): string => r.tags.find((t) => t.startsWith('alert-id:'))!.slice('alert-id:'.length);

function groupsBy(records: readonly Page[], facts: OrgFacts, keyOf: (f: AlertFacts, alert: string) => string): ExpectedGroup[] {
  const keys = [...new Set(records.map((r) => keyOf(facts.alerts[alertOf(r)]!, alertOf(r))))].sort();
  return keys.map((key) => {
    const list = records.filter((r) => keyOf(facts.alerts[alertOf(r)]!, alertOf(r)) === key);
    const acked = list.filter((r) => r.acknowledgedAt !== undefined);
    const within = acked.filter((r) => r.acknowledgedAt! - r.createdAt <= facts.alerts[alertOf(r)]!.target * 60_000);
    const answeredAt: Record<string, number> = {};
    for (const r of list) answeredAt[answeredLevel(r)] = (answeredAt[answeredLevel(r)] ?? 0) + 1;
    return {
      key,
      pages: list.length,
      acknowledged: acked.length,
      resolved: list.filter((r) => r.resolvedAt !== undefined).length,
      timeToAcknowledge: spreadByCounting(acked.map((r) => r.acknowledgedAt! - r.createdAt)),
      timeToResolve: spreadByCounting(list.filter((r) => r.resolvedAt !== undefined).map((r) => r.resolvedAt! - r.createdAt)),
      measured: list.length,
      within: within.length,
      answeredAt,
    };
  });
}

export function expectedReport(records: readonly Page[], facts: OrgFacts, since: number, until: number) {
  const inPeriod = records.filter((r) => r.createdAt >= since && r.createdAt < until);
  const people = new Map<string, { paged: number; outOfHours: number; acknowledged: number; spans: Array<[number, number]> }>();
  const row = (email: string) => {
    const id = facts.personOf(email);
    if (!people.has(id)) people.set(id, { paged: 0, outOfHours: 0, acknowledged: 0, spans: [] });
    return people.get(id)!;
  };
  for (const r of inPeriod) {
    const squad = facts.alerts[alertOf(r)]!.squad;
    const firstNotified = new Map<string, number>();
    for (const e of [...r.escalations].sort((a, b) => a.at - b.at))
      for (const to of e.to) if (!firstNotified.has(to)) firstNotified.set(to, e.at);
    if (r.acknowledgedBy !== undefined && !firstNotified.has(r.acknowledgedBy)) firstNotified.set(r.acknowledgedBy, r.createdAt);
    for (const [email, at] of firstNotified) {
      row(email).paged++;
      if (outOfHoursWith(at, facts.zoneOf(squad), facts.hours)) row(email).outOfHours++;
    }
    if (r.acknowledgedBy !== undefined) {
      row(r.acknowledgedBy).acknowledged++;
      if (r.resolvedAt !== undefined) row(r.acknowledgedBy).spans.push([r.acknowledgedAt!, r.resolvedAt]);
    }
  }
  const weeks = new Map<string, Record<string, number>>();
  for (const r of inPeriod) {
    const monday = DateTime.fromMillis(r.createdAt, { zone: facts.zone }).startOf('week').toISODate()!;
    const counts = weeks.get(monday) ?? {};
    const squad = facts.alerts[alertOf(r)]!.squad;
    counts[squad] = (counts[squad] ?? 0) + 1;
    weeks.set(monday, counts);
  }
  return {
    pages: inPeriod.length,
    squads: groupsBy(inPeriod, facts, (f) => f.squad),
    services: groupsBy(inPeriod, facts, (f) => f.service),
    alerts: groupsBy(inPeriod, facts, (_f, alert) => alert),
    severities: groupsBy(inPeriod, facts, (f) => f.severity),
    people: [...people]
      .map(
        ([person, p]): ExpectedPerson => ({
          person,
          paged: p.paged,
          outOfHours: p.outOfHours,
          acknowledged: p.acknowledged,
          interventionHours: sweepHours(p.spans, since, until),
        }),
      )
      .sort((a, b) => (a.person < b.person ? -1 : 1)),
    weeks: Object.fromEntries([...weeks].sort(([a], [b]) => (a < b ? -1 : 1))),
  };
}

/** The report's json reduced to what the oracle computes, in the same shapes. */
export interface ReportShape {
  readonly pages: number;
  readonly squads: ExpectedGroup[];
  readonly services: ExpectedGroup[];
  readonly alerts: ExpectedGroup[];
  readonly severities: ExpectedGroup[];
  readonly people: ExpectedPerson[] | 'unknown';
  readonly weeks: Record<string, Record<string, number>>;
}

/** The figures of one group of a report (its JSON or incidentsReport's), in the oracle's flat shape. */
export function groupFigures(g: any): Omit<ExpectedGroup, 'key'> {
  return {
    pages: g.pages,
    acknowledged: g.acknowledged,
    resolved: g.resolved,
    timeToAcknowledge: g.timeToAcknowledge,
    timeToResolve: g.timeToResolve,
    measured: g.target.measured,
    within: g.target.within,
    answeredAt: g.answeredAt,
  };
}

export function reportShape(report: any): ReportShape {
  const group = (g: any): ExpectedGroup => ({ key: g.key, ...groupFigures(g) });
  const bySort = (a: ExpectedGroup, b: ExpectedGroup) => (a.key < b.key ? -1 : 1);
  return {
    pages: report.pages,
    squads: report.squads.map(group).sort(bySort),
    services: report.services.map(group).sort(bySort),
    alerts: report.alerts.map(group).sort(bySort),
    severities: report.severities.map(group).sort(bySort),
    people:
      report.people === 'unknown'
        ? 'unknown'
        : report.people
            .map((p: any) => ({
              person: p.person,
              paged: p.paged,
              outOfHours: p.outOfHours,
              acknowledged: p.acknowledged,
              interventionHours: p.interventionHours,
            }))
            .sort((a: ExpectedPerson, b: ExpectedPerson) => (a.person < b.person ? -1 : 1)),
    weeks: Object.fromEntries(report.weeks.filter((w: any) => Object.keys(w.squads).length > 0).map((w: any) => [w.week, w.squads])),
  };
}
