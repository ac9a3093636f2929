/**
 * Every figure of the incidents report against the tests' own computation (oracle.ts), on a generated year of
 * pages for each backend, and on hand-made pages across the clock changes of Paris and New York.
 */
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { BACKENDS } from '../../modules/render/desired';
import { hoursWithin } from '../../modules/reports/intervention';
import { incidentsReport, type GroupFigures, type IncidentsReport, type PersonFigures } from '../../modules/reports/incident-figures';
import type { IncidentRecord } from '../../modules/reports/incident-record';
import { email, generateHistory, SQUADS } from './history';
import { expectedGroup, outOfHours, place, sweepHours, type Placed } from './oracle';
import { groupFigures } from './oracle-report';
import { reportOrg, reportTree } from './report-org';
import { loadOrganisation } from '../../modules/model/load';
import { withEdit } from '../helpers';

const since = Date.parse('2025-12-31T23:00:00Z'); // 2026-01-01 00:00 in Paris
const until = Date.parse('2026-12-31T23:00:00Z');
const org = reportOrg();
const targetOf = (p: Placed) => SQUADS[p.squad]!.target;

function byKey(placed: readonly Placed[], key: (p: Placed) => string): Map<string, Placed[]> {
  const out = new Map<string, Placed[]>();
  for (const p of placed) out.set(key(p), [...(out.get(key(p)) ?? []), p]);
  return out;
}

describe('a generated year of pages', () => {
  const histories = Object.fromEntries(BACKENDS.map((b) => [b, generateHistory({ backend: b, since, until, count: 1200 })]));

  it.each(BACKENDS)('on %s: per squad, service, alert and severity, as counted by hand', (backend) => {
    const records = histories[backend]!;
    const report = incidentsReport(org, backend, records, since, until);
    const { placed, unknown } = place(records);
    expect(report.pages).toBe(placed.length);
    expect(report.unmapped.map((u) => u.id).sort()).toEqual(unknown.map((r) => r.id).sort());
    expect(unknown.length).toBeGreaterThan(5);

    const check = (groups: readonly GroupFigures[], key: (p: Placed) => string) => {
      const expected = byKey(placed, key);
      expect(groups.map((g) => g.key).sort()).toEqual([...expected.keys()].sort());
      // Datadog On-Call tells no levels: its `answered at` is unknown, never counted from an empty list.
      const levels = backend === 'datadog' ? { answeredAt: 'unknown' } : {};
      for (const g of groups) expect(groupFigures(g), g.key).toEqual({ ...expectedGroup(expected.get(g.key)!, targetOf), ...levels });
    };
    check(report.squads, (p) => p.squad);
    check(report.services, (p) => p.service);
    check(report.alerts, (p) => p.alert ?? `service:${p.service}`);
    check(report.severities, (p) => p.severity);
    // The promise's two hours for the shop; the policies' 4 h and 1 h for the others.
    expect(Object.fromEntries(report.services.map((s) => [s.key, s.targetMinutes]))).toEqual({
      shop: 120,
      'payment-api': 240,
      infrastructure: 60,
    });
    if (backend !== 'datadog') expect(report.squads.every((s) => Object.keys(s.answeredAt).length >= 3)).toBe(true);
  });

  it('on datadog: per person, unknown (Datadog On-Call tells neither who was notified nor who acknowledged)', () => {
    const report = incidentsReport(org, 'datadog', histories.datadog!, since, until);
    expect(report.people).toBe('unknown');
    expect(report.unknown.map((u) => u.figure)).toEqual(['answeredAt', 'people']);
  });

  it.each(['pagerduty', 'opsgenie'] as const)(
    'on %s: per person, pages out of business hours in the squad’s zone and intervention hours',
    (backend) => {
      const records = histories[backend]!;
      const report = incidentsReport(org, backend, records, since, until);
      const { placed } = place(records);
      const paged = new Map<string, number>();
      const late = new Map<string, number>();
      const spans = new Map<string, Array<[number, number]>>();
      for (const p of placed) {
        const seen = new Set<string>();
        for (const e of [...p.record.escalations].sort((a, b) => a.at - b.at))
          for (const to of e.to) {
            if (seen.has(to)) continue;
            seen.add(to);
            paged.set(to, (paged.get(to) ?? 0) + 1);
            if (outOfHours(e.at, SQUADS[p.squad]!.zone)) late.set(to, (late.get(to) ?? 0) + 1);
          }
        const r = p.record;
        if (r.acknowledgedBy && r.acknowledgedAt !== undefined && r.resolvedAt !== undefined)
          spans.set(r.acknowledgedBy, [...(spans.get(r.acknowledgedBy) ?? []), [r.acknowledgedAt, r.resolvedAt]]);
      }
      const byEmail = new Map([...org.people.values()].map((p) => [p.email, p]));
      if (report.people === 'unknown') throw new Error(`${backend} tells who was paged`);
      expect(report.people.map((p) => p.person).sort()).toEqual([...paged.keys()].map((e) => byEmail.get(e)!.id).sort());
      for (const row of report.people) {
        const mail = email(row.person);
        expect(row.name).toBe(byEmail.get(mail)!.name);
        expect([row.paged, row.outOfHours, row.interventionHours], row.person).toEqual([
          paged.get(mail) ?? 0,
          late.get(mail) ?? 0,
          sweepHours(spans.get(mail) ?? [], since, until),
        ]);
      }
      expect(report.people.some((p) => p.outOfHours > 0 && p.outOfHours < p.paged)).toBe(true);
    },
  );

  it('gives the same figures whichever backend the year was read from, but those Datadog cannot give', () => {
    const [first, ...others] = BACKENDS.map((b) => {
      const { backend: _backend, unmapped, people, unknown: _unknown, ...figures } = incidentsReport(org, b, histories[b]!, since, until);
      const known = (groups: readonly GroupFigures[]) => groups.map(({ answeredAt: _a, ...g }) => g);
      return {
        ...figures,
        squads: known(figures.squads),
        services: known(figures.services),
        alerts: known(figures.alerts),
        severities: known(figures.severities),
        unmapped: unmapped.map(({ id: _id, ...u }) => u),
        ...(b === 'datadog' ? {} : { people }),
      };
    });
    const { people: _people, ...firstKnown } = first!;
    expect(others[0]).toEqual(first);
    expect(others[1]).toEqual(firstKnown);
  });

  it('counts pages per squad and week (weeks from Monday, in the organisation’s zone), quiet weeks included', () => {
    const report = incidentsReport(org, 'pagerduty', histories.pagerduty!, since, until);
    const counts = new Map<string, number>();
    for (const p of place(histories.pagerduty!).placed) {
      const local = DateTime.fromMillis(p.record.createdAt, { zone: 'Europe/Paris' });
      const monday = local.minus({ days: local.weekday - 1 }).toISODate();
      counts.set(`${monday} ${p.squad}`, (counts.get(`${monday} ${p.squad}`) ?? 0) + 1);
    }
    const got = new Map(report.weeks.flatMap((w) => Object.entries(w.squads).map(([s, n]) => [`${w.week} ${s}`, n] as const)));
    expect(got).toEqual(counts);
    // 2026 starts on a Thursday: its week starts on Monday 2025-12-29, and 53 Mondays follow up to 2026-12-28.
    expect(report.weeks[0]!.week).toBe('2025-12-29');
    expect(report.weeks.at(-1)!.week).toBe('2026-12-28');
    expect(report.weeks).toHaveLength(53);
  });
});

function page(at: string, squad: string, person: string, extra: Partial<IncidentRecord> = {}): IncidentRecord {
  const createdAt = Date.parse(at);
  return {
    backend: 'pagerduty',
    id: `P-${at}-${person}`,
    title: 'test',
    team: SQUADS[squad]!.team,
    service: SQUADS[squad]!.serviceName,
    tags: [],
    createdAt,
    escalations: [{ level: 1, at: createdAt, to: [email(person)] }],
    ...extra,
  };
}

/** The people of a PagerDuty or Opsgenie report (only Datadog's are unknown). */
function listed(people: IncidentsReport['people']): readonly PersonFigures[] {
  if (people === 'unknown') throw new Error('people unknown');
  return people;
}

describe('hand-made pages', () => {
  const from = Date.parse('2026-01-01T00:00:00Z');
  const to = Date.parse('2027-01-01T00:00:00Z');
  const people = (records: IncidentRecord[], orgExtra = '') =>
    Object.fromEntries(
      listed(incidentsReport(orgExtra ? reportOrg(orgExtra) : org, 'pagerduty', records, from, to).people).map((p) => [p.person, p]),
    );

  it('reads business hours on the wall clock of the squad’s rotation, either side of each clock change', () => {
    const rows = people([
      // New York: 13:30 UTC is 08:30 EST on Monday 2 March, 09:30 EDT on Monday 9 March.
      page('2026-03-02T13:30:00Z', 'platform', 'emma'),
      page('2026-03-09T13:30:00Z', 'platform', 'emma'),
      // Paris: 07:30 UTC is 08:30 CET on Monday 23 March, 09:30 CEST on Monday 30 March.
      page('2026-03-23T07:30:00Z', 'storefront', 'alice'),
      page('2026-03-30T07:30:00Z', 'storefront', 'alice'),
      // 17:30 UTC on Friday 23 October is 19:30 in Paris (CEST) but 13:30 in New York (EDT).
      page('2026-10-23T17:30:00Z', 'storefront', 'bruno'),
      page('2026-10-23T17:30:00Z', 'platform', 'farid'),
      // Ascension Thursday, noon in Paris: a public holiday, off hours as org.yaml says.
      page('2026-05-14T10:00:00Z', 'payments', 'hugo'),
      page('2026-05-13T10:00:00Z', 'payments', 'hugo'),
    ]);
    expect([rows.emma!.paged, rows.emma!.outOfHours]).toEqual([2, 1]);
    expect([rows.alice!.paged, rows.alice!.outOfHours]).toEqual([2, 1]);
    expect(rows.bruno!.outOfHours).toBe(1);
    expect(rows.farid!.outOfHours).toBe(0);
    expect([rows.hugo!.paged, rows.hugo!.outOfHours]).toEqual([2, 1]);
  });

  it('counts a holiday as business hours when org.yaml does not make holidays off hours', () => {
    const records = [page('2026-05-14T10:00:00Z', 'payments', 'hugo')];
    expect(people(records).hugo!.outOfHours).toBe(1);
    const worked = loadOrganisation(withEdit('org.yaml', 'offHours: true', 'offHours: false', reportTree())).organisation!;
    expect(listed(incidentsReport(worked, 'pagerduty', records, from, to).people)[0]!.outOfHours).toBe(0);
  });

  it('counts intervention hours once when pages overlap, from acknowledgement or from the page as org.yaml says', () => {
    const ack = (at: string, ackAt: string, resolved: string) =>
      page(at, 'storefront', 'alice', {
        acknowledgedAt: Date.parse(ackAt),
        acknowledgedBy: email('alice'),
        resolvedAt: Date.parse(resolved),
        resolvedBy: email('alice'),
      });
    const records = [
      ack('2026-06-01T09:30:00Z', '2026-06-01T10:00:00Z', '2026-06-01T11:00:00Z'),
      ack('2026-06-01T10:15:00Z', '2026-06-01T10:30:00Z', '2026-06-01T12:00:00Z'),
    ];
    expect(people(records).alice!.interventionHours).toBe(2);
    expect(people(records, 'reports: { intervention: page-to-resolve }\n').alice!.interventionHours).toBe(2.5);
  });

  it('lists pages it cannot place, with the reason, and masks phone numbers in their titles', () => {
    const report = incidentsReport(
      org,
      'pagerduty',
      [page('2026-02-02T10:00:00Z', 'storefront', 'alice', { team: 'Legacy', service: 'Old', title: 'Call back +33639980101' })],
      from,
      to,
    );
    expect(report.pages).toBe(0);
    expect(report.unmapped).toHaveLength(1);
    expect(report.unmapped[0]!.reason).toContain('Legacy');
    expect(report.unmapped[0]!.title).not.toContain('39980101');
  });

  it('says which level answered: the last notified before the acknowledgement, a reassignment included', () => {
    const createdAt = Date.parse('2026-02-02T10:00:00Z');
    const m = 60_000;
    const report = incidentsReport(
      org,
      'pagerduty',
      [
        page('2026-02-02T10:00:00Z', 'storefront', 'alice', {
          escalations: [
            { level: 1, at: createdAt, to: [email('alice')] },
            { level: 2, at: createdAt + 20 * m, to: [email('bruno')] },
            { level: 1, at: createdAt + 25 * m, to: [email('chloe')] }, // reassigned back to the first level
          ],
          acknowledgedAt: createdAt + 30 * m,
          acknowledgedBy: email('chloe'),
        }),
        page('2026-02-03T10:00:00Z', 'storefront', 'alice', {
          escalations: [
            { level: 1, at: createdAt + 86_400_000, to: [email('alice')] },
            { level: 2, at: createdAt + 86_400_000 + 20 * m, to: [email('bruno')] },
          ],
          acknowledgedAt: createdAt + 86_400_000 + 21 * m,
          acknowledgedBy: email('bruno'),
        }),
        page('2026-02-04T10:00:00Z', 'storefront', 'alice'),
      ],
      from,
      to,
    );
    expect(report.squads[0]!.answeredAt).toEqual({ '1': 1, '2': 1, never: 1 });
  });
});

describe('intervention hours', () => {
  it('round an exact half hundredth up (2 h 8 min 6 s is 2.135 h: 2.14)', () => {
    expect(hoursWithin([[0, 7_686_000]], 0, 10 * 3_600_000)).toBe(2.14);
    expect(hoursWithin([[0, 7_686_000]], 0, 10 * 3_600_000)).toBe(sweepHours([[0, 7_686_000]], 0, 10 * 3_600_000));
  });
});
