/**
 * The generated incident history: deterministic, and paging the people an independent reading of the fixture's
 * YAML says are on call (written here with Luxon from the files' own words, not with the schedule engine), across
 * the clock changes of three zones; with escalations, reassignments, unacknowledged incidents and noisy alerts.
 */
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { generateIncidents } from '../../modules/bench/incidents/generate';
import { SINCE, yearOfIncidents, zonedAcme } from './incident-fixture';

const history = yearOfIncidents();
const MINUTE = 60_000;
const email = (id: string): string => `${id}@acme.example`;

/**
 * Payments, as test/fixtures/acme/teams/payments/team.yaml says with its rotations moved to New York: weekly turns
 * handed over on Mondays at 09:00 from 2026-01-05; `run` [jules, hugo, ines] covers business hours (org.yaml:
 * Monday–Friday 09:00–18:00; holidays do not change coverage), `oncall` [hugo, ines, jules] the rest; routing sends
 * business hours to `run`, the rest to `oncall`; policy standard-4h: on-call at 0, on-call again at 30 min, the
 * manager (manon) at 60 min.
 */
const ZONE = 'America/New_York';
const START = DateTime.fromISO('2026-01-05T09:00', { zone: ZONE });
const ROTATIONS = { run: ['jules', 'hugo', 'ines'], oncall: ['hugo', 'ines', 'jules'] };
const businessHours = (at: number): boolean => {
  const local = DateTime.fromMillis(at, { zone: ZONE });
  const minutes = local.hour * 60 + local.minute;
  return local.weekday <= 5 && minutes >= 9 * 60 && minutes < 18 * 60;
};
const onDuty = (rotation: 'run' | 'oncall', at: number): string | undefined => {
  if (businessHours(at) !== (rotation === 'run')) return undefined;
  const turn = Math.floor(DateTime.fromMillis(at, { zone: ZONE }).diff(START, 'weeks').weeks);
  return ROTATIONS[rotation][turn % 3];
};

describe('a generated year of incidents', () => {
  it('is the same for the same seed and differs for another', () => {
    const org = zonedAcme();
    const window = { since: SINCE, until: SINCE + 45 * 24 * 60 * MINUTE };
    const a = generateIncidents(org, { seed: 5, ...window });
    expect(generateIncidents(org, { seed: 5, ...window })).toEqual(a);
    expect(generateIncidents(org, { seed: 6, ...window }).incidents).not.toEqual(a.incidents);
    expect(a.incidents.every((i) => i.record.createdAt >= window.since && i.record.createdAt < window.until)).toBe(true);
  });

  it('pages, level by level, whom the YAML puts on call, through New York clock changes', () => {
    const payments = history.incidents.filter((i) => i.squad === 'payments');
    expect(payments.length).toBeGreaterThan(20);
    for (const incident of payments) {
      const t = incident.record.createdAt;
      const rotation = businessHours(t) ? 'run' : 'oncall';
      const due = [
        { level: 1, at: t, to: [onDuty(rotation, t)] },
        { level: 2, at: t + 30 * MINUTE, to: [onDuty(rotation, t + 30 * MINUTE)] },
        { level: 3, at: t + 60 * MINUTE, to: ['manon'] },
      ].map((l) => ({ ...l, to: l.to.filter((p): p is string => p !== undefined).map(email) }));
      const reassigned = incident.timeline.find((e) => e.kind === 'reassign');
      const stop = reassigned?.at ?? incident.record.acknowledgedAt ?? incident.record.resolvedAt!;
      const policyLevels = incident.record.escalations.filter((e) => !reassigned || e.at !== reassigned.at);
      expect(policyLevels).toEqual(due.filter((l) => l.at < stop));
    }
    // Both sides of both clock changes of 2026 in New York (March 8, November 1).
    const offsets = new Set(payments.map((i) => DateTime.fromMillis(i.record.createdAt, { zone: ZONE }).offset));
    expect([...offsets].sort((a, b) => a - b)).toEqual([-300, -240]);
  });

  it('acknowledges after the levels notified and before the next one, or never', () => {
    for (const { record, timeline } of history.incidents) {
      const levels = record.escalations.map((e) => e.level);
      expect(levels).toEqual([...levels].sort((a, b) => a - b));
      expect(record.escalations[0]).toMatchObject({ level: 1, at: record.createdAt });
      expect(record.resolvedAt!).toBeGreaterThan(record.createdAt);
      if (record.acknowledgedAt === undefined) continue;
      expect(record.acknowledgedAt).toBeGreaterThan(record.escalations[record.escalations.length - 1]!.at);
      expect(record.resolvedAt!).toBeGreaterThan(record.acknowledgedAt);
      const last = record.escalations[record.escalations.length - 1]!;
      // Who acknowledged was notified: at the last level, or the person the incident was handed to.
      expect(last.to).toContain(record.acknowledgedBy);
      expect(timeline.filter((e) => e.kind === 'acknowledge')).toHaveLength(1);
    }
  });

  it('has escalated, reassigned and never acknowledged incidents, and noisy alerts', () => {
    const incidents = history.incidents;
    expect(incidents.filter((i) => i.record.escalations.some((e) => e.level >= 2)).length).toBeGreaterThan(3);
    expect(incidents.filter((i) => i.timeline.some((e) => e.kind === 'reassign')).length).toBeGreaterThan(3);
    expect(incidents.filter((i) => i.record.acknowledgedAt === undefined).length).toBeGreaterThan(3);
    expect(incidents.filter((i) => i.record.resolvedBy === undefined && i.record.acknowledgedAt !== undefined).length).toBeGreaterThan(0);
    // Most pages of one alert within any 30 days.
    const most = new Map<string, number>();
    for (const i of incidents) {
      const within = incidents.filter(
        (j) =>
          j.alert === i.alert &&
          j.record.createdAt >= i.record.createdAt &&
          j.record.createdAt < i.record.createdAt + 30 * 24 * 60 * MINUTE,
      );
      most.set(i.alert, Math.max(most.get(i.alert) ?? 0, within.length));
    }
    const noisy = [...most].filter(([, n]) => n >= 14);
    expect(noisy.length).toBeGreaterThanOrEqual(2);
    expect([...most].filter(([, n]) => n < 10).length).toBeGreaterThan(3);
  });

  it('pages just before a clock change in each of the three zones', () => {
    for (const zone of ['America/New_York', 'Australia/Sydney', 'Europe/Paris']) {
      const across = history.incidents.filter((i) => {
        const before = DateTime.fromMillis(i.record.createdAt, { zone }).offset;
        const after = DateTime.fromMillis(i.record.createdAt + 2 * 60 * MINUTE, { zone }).offset;
        return i.zone === zone && before !== after;
      });
      // Two changes a year in each zone within the window (Sydney: April and October).
      expect(across.length, zone).toBeGreaterThanOrEqual(2);
    }
  });
});
