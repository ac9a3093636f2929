/**
 * The operations reports end to end on the tests' organisation (test/fixtures/acme, fixtureTree) spread over three
 * zones with different clock changes: a generated year served on 127.0.0.1 by each backend's API (the same
 * handlers as the bench, without the vendors' descriptions: those are checked on this history by
 * read-incidents-<backend>.test.ts), read by `oncall report incidents --stack acme-<backend> --api-url <server>`,
 * gives the same figures for the three backends (Datadog's unknown ones aside), and those of the tests' own
 * computation (oracle-report.ts) with business hours read on each squad's wall clock.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveApi } from '../../modules/bench/api/handler';
import type { Backend } from '../../modules/render/desired';
import { FIXTURE_REPO, FIXTURE_STACKS, runCli, writeTree } from '../helpers';
import { ACME_ALERTS, ACME_HOURS, ACME_ZONES } from './example-facts';
import { SETUPS, SINCE, UNTIL, lighterYearOfIncidents, zonedAcmeTree } from './incident-fixture';
import { expectedReport, reportShape, type ExpectedGroup } from './oracle-report';

const BACKENDS: readonly Backend[] = ['pagerduty', 'opsgenie', 'datadog'];
const history = lighterYearOfIncidents();
const teams = writeTree(zonedAcmeTree());
const reports = new Map<Backend, any>();

beforeAll(async () => {
  for (const backend of BACKENDS) {
    const server = await serveApi(SETUPS[backend].handler(history));
    try {
      const run = await runCli(
        [
          'report',
          'incidents',
          '--since',
          new Date(SINCE).toISOString(),
          '--until',
          new Date(UNTIL).toISOString(),
          '--stack',
          `acme-${backend}`,
          '--stacks',
          FIXTURE_STACKS,
          '--api-url',
          server.url,
          '--teams',
          teams,
          '--format',
          'json',
        ],
        FIXTURE_REPO,
        { ...SETUPS[backend].env, ONCALL_NOW: '2027-01-12T00:00:00Z' },
      );
      expect(run.stderr, backend).toBe('');
      reports.set(backend, JSON.parse(run.stdout));
    } finally {
      await server.close();
    }
  }
}, 60_000);
afterAll(() => rmSync(teams, { recursive: true, force: true }));

describe('oncall report incidents on a generated year of Acme in three zones', () => {
  const expected = () =>
    expectedReport(
      history.incidents.map((i) => i.record),
      {
        alerts: ACME_ALERTS,
        zoneOf: (squad) => ACME_ZONES[squad]!,
        hours: ACME_HOURS,
        personOf: (email) => email.replace(/@acme\.example$/, ''),
        zone: 'Europe/Paris',
      },
      SINCE,
      UNTIL,
    );

  it('gives the tests’ own figures from PagerDuty and Opsgenie, out-of-hours pages read on each squad’s clock', () => {
    const oracle = expected();
    expect(oracle.pages).toBeGreaterThan(50);
    for (const backend of ['pagerduty', 'opsgenie'] as const) {
      expect(reports.get(backend).unmapped, backend).toEqual([]);
      expect(reportShape(reports.get(backend)), backend).toEqual(oracle);
    }
    // Not every page of a New York or Sydney night is a Paris night: zones matter to the figure.
    const people = oracle.people;
    expect(people.some((p) => p.outOfHours > 0 && p.outOfHours < p.paged)).toBe(true);
  });

  it('gives the same figures from Datadog On-Call, but `unknown` levels and people', () => {
    const oracle = expected();
    const datadog = reportShape(reports.get('datadog'));
    expect(datadog.people).toBe('unknown');
    const known = (groups: readonly ExpectedGroup[]) => groups.map(({ answeredAt: _a, ...g }) => g);
    for (const section of ['squads', 'services', 'alerts', 'severities'] as const) {
      expect(known(datadog[section]), section).toEqual(known(oracle[section]));
      expect(new Set(datadog[section].map((g) => g.answeredAt)), section).toEqual(new Set(['unknown']));
    }
    expect(datadog.weeks).toEqual(oracle.weeks);
  });
});
