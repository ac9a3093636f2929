/**
 * The operations reports end to end, from the CLI: a generated year of incidents of the managed-services example
 * (examples/managed-services: contracts with GTI 1h and 4h, an off-hours contract, noisy alerts), served on
 * 127.0.0.1 by each backend's API behind the server that checks every request and answer against the vendor's
 * description (test/fixtures/openapi/README.md), read by `oncall report incidents --stack <name> --api-url <server>`.
 * The three backends give the same figures; those Datadog On-Call cannot give (no levels, no acknowledger:
 * docs/incident-sources.md) say `unknown`. Every figure is checked against the tests' own computation on the
 * generated truth (oracle-report.ts, from the YAML's facts written by hand in example-facts.ts). Also: the same
 * through an export directory the readers wrote, the compensation's intervention hours, and readiness's
 * `alert/noisy` on the generator's noisy alert, silenced until a date.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateIncidents } from '../../modules/bench/incidents/generate';
import type { IncidentHistory } from '../../modules/bench/incidents/history';
import { writeExportDir } from '../../modules/migrate/export-dir';
import { loadTeams } from '../../modules/offline';
import { INCIDENT_READERS } from '../../modules/reports/read-incidents';
import type { Backend } from '../../modules/render/desired';
import { readTeamsDir } from '../../modules/spec/read-dir';
import { ROOT, runCli, withEdit, writeTree } from '../helpers';
import { MANAGED_ALERTS, MANAGED_HOURS, MANAGED_ZONE, managedPerson } from './example-facts';
import { browserIt, expectChartsDrawn, openInChromium } from '../browser';
import { SETUPS, serve } from './incident-fixture';
import { sweepHours } from './oracle';
import { expectedReport, reportShape, type ExpectedGroup, type OrgFacts } from './oracle-report';

const EXAMPLE = join(ROOT, 'examples', 'managed-services');
const TEAMS = join(EXAMPLE, 'teams');
const STACKS = join(EXAMPLE, 'stacks');
const BACKENDS: readonly Backend[] = ['pagerduty', 'opsgenie', 'datadog'];
// The year 2026 in the organisation's zone (Europe/Paris): what `--since 2026-01-01 --until 2027-01-01` reads.
const SINCE = Date.parse('2025-12-31T23:00:00Z');
const UNTIL = Date.parse('2026-12-31T23:00:00Z');
const FACTS: OrgFacts = {
  alerts: MANAGED_ALERTS,
  zoneOf: () => MANAGED_ZONE,
  hours: MANAGED_HOURS,
  personOf: managedPerson,
  zone: MANAGED_ZONE,
};

const dirs: string[] = [];
let history: IncidentHistory;
const servers = new Map<Backend, Awaited<ReturnType<typeof serve>>>();

beforeAll(async () => {
  const { organisation, text } = loadTeams(TEAMS, SINCE);
  if (!organisation) throw new Error(text);
  history = generateIncidents(organisation, { seed: 11, since: SINCE, until: UNTIL });
  for (const backend of BACKENDS) servers.set(backend, await serve(SETUPS[backend].spec, SETUPS[backend].handler(history)));
}, 60_000);
afterAll(async () => {
  for (const server of servers.values()) await server.close();
  dirs.forEach((d) => rmSync(d, { recursive: true, force: true }));
});

const truth = () => history.incidents.map((i) => i.record);
const env = (backend: Backend, now = '2027-01-04T09:00:00Z') => ({ ...SETUPS[backend].env, ONCALL_NOW: now });
const stackArgs = (backend: Backend) => ['--stack', `alpha-${backend}`, '--api-url', servers.get(backend)!.url];

async function incidents(backend: Backend, source: string[], format = 'json') {
  const run = await runCli(
    ['report', 'incidents', '--since', '2026-01-01', '--until', '2027-01-01', ...source, '--teams', TEAMS, '--format', format],
    EXAMPLE,
    env(backend),
  );
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return run.stdout;
}

/** The json without what differs by backend on purpose: its name, and the figures it cannot give. */
function comparable(report: any) {
  const { backend: _b, unknown: _u, people: _p, ...rest } = report;
  const strip = (g: any) => {
    const { answeredAt: _a, ...kept } = g;
    return kept;
  };
  return {
    ...rest,
    squads: rest.squads.map(strip),
    services: rest.services.map(strip),
    alerts: rest.alerts.map(strip),
    severities: rest.severities.map(strip),
  };
}

describe('oncall report incidents on a generated year of the managed-services example', () => {
  const reports = new Map<Backend, any>();
  beforeAll(async () => {
    for (const backend of BACKENDS) reports.set(backend, JSON.parse(await incidents(backend, stackArgs(backend))));
    for (const server of servers.values()) expect(server.violations).toEqual([]);
  }, 60_000);

  it('a year of pages on every contract, noisy alerts and escalations among them', () => {
    const records = truth();
    expect(records.length).toBeGreaterThan(30);
    expect(new Set(records.map((r) => r.tags.find((t) => t.startsWith('alert-id:'))))).toEqual(
      new Set(Object.keys(MANAGED_ALERTS).map((a) => `alert-id:${a}`)),
    );
    expect(records.some((r) => r.escalations.some((e) => e.level >= 2))).toBe(true);
    expect(records.some((r) => r.acknowledgedAt === undefined)).toBe(true);
  });

  it('gives the figures of the tests’ own computation, read from PagerDuty and from Opsgenie alike', () => {
    const expected = expectedReport(truth(), FACTS, SINCE, UNTIL);
    for (const backend of ['pagerduty', 'opsgenie'] as const) {
      const report = reports.get(backend);
      expect(report.unmapped, backend).toEqual([]);
      expect(report.unknown, backend).toEqual([]);
      expect(reportShape(report), backend).toEqual(expected);
    }
    const { backend: _p, ...pagerduty } = reports.get('pagerduty');
    const { backend: _o, ...opsgenie } = reports.get('opsgenie');
    expect(opsgenie).toEqual(pagerduty);
  });

  it('from Datadog On-Call: the same figures, and `unknown` for the levels and the people it does not tell', () => {
    const datadog = reports.get('datadog');
    expect(comparable(datadog)).toEqual(comparable(reports.get('pagerduty')));
    expect(datadog.people).toBe('unknown');
    expect(datadog.unknown.map((u: any) => u.figure)).toEqual(['answeredAt', 'people']);
    for (const section of ['squads', 'services', 'alerts', 'severities'])
      for (const g of datadog[section]) expect(g.answeredAt, `${section} ${g.key}`).toBe('unknown');
    const expected = expectedReport(truth(), FACTS, SINCE, UNTIL);
    const shape = reportShape(datadog);
    const known = (groups: readonly ExpectedGroup[]) => groups.map(({ answeredAt: _a, ...g }) => g);
    for (const section of ['squads', 'services', 'alerts', 'severities'] as const)
      expect(known(shape[section]), section).toEqual(known(expected[section]));
    expect(shape.weeks).toEqual(expected.weeks);
  });

  it('says `unknown` in the text of Datadog’s report, not zeros', async () => {
    const text = await incidents('datadog', stackArgs('datadog'), 'text');
    expect(text).toContain('Per person: unknown on datadog: the backend does not tell which escalation levels a page notified');
    expect(text).toMatch(/\n {2}unknown on datadog: /);
    expect(text).not.toMatch(/L1 \d/);
  });

  it.each(BACKENDS)('reads the same from an export directory the %s reader wrote', async (backend) => {
    const auth = INCIDENT_READERS[backend].headersFromEnv(SETUPS[backend].env);
    if (!('headers' in auth)) throw new Error('no headers');
    const account = await INCIDENT_READERS[backend].readExport(
      { kind: 'api', baseUrl: servers.get(backend)!.url, headers: auth.headers },
      SINCE,
      UNTIL,
    );
    const dir = mkdtempSync(join(tmpdir(), `alpha-${backend}-`));
    dirs.push(dir);
    writeExportDir(account, dir);
    expect(JSON.parse(await incidents(backend, ['--from-dir', dir, '--backend', backend]))).toEqual(reports.get(backend));
  });
});

describe('a history that cannot be read', () => {
  it('is said in one line naming the request, exit 1, without a stack trace or the key', async () => {
    const refusing = createServer((_req, res) => {
      res.writeHead(401, { 'Content-Type': 'application/json' });
      res.end('{"error":{"message":"Unauthorized","code":2006}}');
    });
    await new Promise<void>((done) => refusing.listen(0, '127.0.0.1', done));
    const refused = `http://127.0.0.1:${(refusing.address() as AddressInfo).port}`;
    try {
      const cases: Array<[string[], RegExp]> = [
        [
          ['--stack', 'alpha-pagerduty', '--api-url', refused],
          /reading the pagerduty history: GET http:\/\/127\.0\.0\.1:\d+\/users: HTTP 401/,
        ],
        [
          ['--stack', 'alpha-opsgenie', '--api-url', 'http://127.0.0.1:1'],
          /reading the opsgenie history: GET http:\/\/127\.0\.0\.1:1\/v2\/alerts: /,
        ],
        [['--from-dir', join(tmpdir(), 'no-such-export'), '--backend', 'datadog'], /reading the datadog history: no directory /],
      ];
      for (const [source, message] of cases) {
        const run = await runCli(
          ['report', 'incidents', '--since', '2026-01-01', '--until', '2026-02-01', ...source, '--teams', TEAMS],
          EXAMPLE,
          { PAGERDUTY_TOKEN: 'secret-token-1', OPSGENIE_API_KEY: 'secret-key-2', ONCALL_NOW: '2026-03-01T00:00:00Z' },
        );
        expect(run.code, source.join(' ')).toBe(1);
        expect(run.stderr).toMatch(message);
        expect(run.stderr.trim().split('\n')).toHaveLength(1);
        expect(run.stderr).not.toMatch(/secret|\n\s+at /);
      }
    } finally {
      refusing.close();
    }
  });
});

describe('the html report of the same history', () => {
  const CHARTS = ['response-times', 'pages-per-week', 'out-of-hours', 'target-compliance'];
  browserIt.each(['pagerduty', 'datadog'] as const)(
    'from %s, opens in headless Chromium with its four charts drawn, no console error and nothing fetched',
    async (backend) => {
      const page = await incidents(backend, stackArgs(backend), 'html');
      const probed = openInChromium(page, dirs);
      expect(probed.console).toEqual([]);
      expect(probed.errors).toEqual([]);
      expect(probed.requests).toEqual([]);
      expectChartsDrawn(probed, CHARTS);
      // Every bucket, week and contract drawn: at least one bar per page-carrying week.
      const weeks = new Set(truth().map((r) => DateTime.fromMillis(r.createdAt, { zone: MANAGED_ZONE }).startOf('week').toISODate()));
      expect(probed.bars).toBeGreaterThan(weeks.size);
      if (backend === 'datadog') expect(page).toContain('Per person: unknown on datadog');
    },
    200_000,
  );
});

describe('oncall report compensation with the same history', () => {
  // March 2026 in Paris; the clocks change on the 29th.
  const from = Date.parse('2026-02-28T23:00:00Z');
  const to = Date.parse('2026-03-31T22:00:00Z');

  it.each(['pagerduty', 'opsgenie'] as const)('shows the intervention hours of the oracle from %s', async (backend) => {
    const run = await runCli(
      ['report', 'compensation', '--month', '2026-03', ...stackArgs(backend), '--teams', TEAMS, '--format', 'json'],
      EXAMPLE,
      env(backend),
    );
    expect(run.stderr).toBe('');
    const rows = Object.fromEntries(JSON.parse(run.stdout).people.map((r: any) => [r.person, r.interventionHours]));
    const spans = new Map<string, Array<[number, number]>>();
    for (const r of truth())
      if (r.acknowledgedBy !== undefined && r.resolvedAt !== undefined)
        spans.set(managedPerson(r.acknowledgedBy), [
          ...(spans.get(managedPerson(r.acknowledgedBy)) ?? []),
          [r.acknowledgedAt!, r.resolvedAt],
        ]);
    const expected = Object.fromEntries(
      [...spans].map(([person, list]) => [person, sweepHours(list, from, to)]).filter(([person, h]) => h !== 0 || String(person) in rows),
    );
    for (const [person, hours] of Object.entries(rows)) expect(hours, person).toBe(expected[person] ?? 0);
    expect(Object.values(rows).some((h) => (h as number) > 0)).toBe(true);
  });

  it('says the intervention hours are unknown from Datadog On-Call, which does not tell who acknowledged', async () => {
    const run = await runCli(
      ['report', 'compensation', '--month', '2026-03', ...stackArgs('datadog'), '--teams', TEAMS],
      EXAMPLE,
      env('datadog'),
    );
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('intervention hours unknown on datadog');
    const lines = run.stdout
      .split('\n')
      .slice(2)
      .filter((l) => l !== '');
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines) expect(line).toMatch(/ unknown$/);
  });
});

describe('oncall readiness with the same history', () => {
  /** The generator's noisiest alert: the most pages within 30 days, and when that run of pages ends. */
  function noisiest() {
    let best = { alert: '', pages: 0, start: 0 };
    for (const r of truth()) {
      const alert = r.tags.find((t) => t.startsWith('alert-id:'))!.slice(9);
      const start = r.createdAt;
      const end = DateTime.fromMillis(start, { zone: MANAGED_ZONE }).plus({ days: 30 }).toMillis();
      const pages = truth().filter((x) => x.tags.includes(`alert-id:${alert}`) && x.createdAt >= start && x.createdAt < end).length;
      if (pages > best.pages) best = { alert, pages, start };
    }
    return best;
  }

  function readinessTree(silenceUntil?: string) {
    const tree = { ...readTeamsDir(TEAMS), root: 'teams' };
    const { alert } = noisiest();
    const file = [...tree.files.keys()].find((f) => tree.files.get(f)!.includes(`\n  ${alert}:\n`))!;
    if (silenceUntil === undefined) return writeTree(tree);
    const text = tree.files.get(file)!;
    const runbook = /\n(    runbook: [^\n]+\n)/.exec(text.slice(text.indexOf(`\n  ${alert}:\n`)))![1]!;
    const silenced = withEdit(
      file,
      runbook,
      `${runbook}    silence:\n      - { check: alert/noisy, reason: the client's disks are being replaced, until: ${silenceUntil} }\n`,
      tree,
    );
    return writeTree(silenced);
  }

  async function findings(backend: Backend, teams: string) {
    dirs.push(teams);
    const { start } = noisiest();
    const now = DateTime.fromMillis(start, { zone: MANAGED_ZONE }).plus({ days: 30 }).minus({ minutes: 1 });
    const run = await runCli(
      ['readiness', ...stackArgs(backend), '--stacks', STACKS, '--teams', teams, '--format', 'json'],
      EXAMPLE,
      env(backend, now.toUTC().toISO()!),
    );
    expect(run.stderr).toBe('');
    return {
      now,
      list: JSON.parse(run.stdout).problems.filter((p: any) => p.code === 'alert/noisy') as Array<{ alert: string; message: string }>,
    };
  }

  it.each(BACKENDS)('finds the noisy alert of the history with its counts from %s', async (backend) => {
    const { alert } = noisiest();
    const { now, list } = await findings(backend, readinessTree());
    const since = now.minus({ days: 30 }).toMillis();
    const inWindow = truth().filter((r) => r.tags.includes(`alert-id:${alert}`) && r.createdAt >= since && r.createdAt < now.toMillis());
    expect(inWindow.length).toBeGreaterThan(10);
    const acknowledged = inWindow.filter((r) => r.acknowledgedAt !== undefined).length;
    expect(list.map((f) => f.alert)).toContain(alert);
    expect(list.find((f) => f.alert === alert)!.message).toContain(
      `paged ${inWindow.length} times in the last 30 days on ${backend} (more than 10; ${acknowledged} acknowledged)`,
    );
  });

  it('is silenced with a reason until a date, and comes back once that date has passed', async () => {
    const { alert, start } = noisiest();
    const today = DateTime.fromMillis(start, { zone: MANAGED_ZONE }).plus({ days: 30 });
    const silenced = await findings('pagerduty', readinessTree(today.plus({ days: 10 }).toISODate()!));
    expect(silenced.list.map((f) => f.alert)).not.toContain(alert);
    const expired = await findings('pagerduty', readinessTree(today.minus({ days: 2 }).toISODate()!));
    expect(expired.list.find((f) => f.alert === alert)?.message).toContain(
      `(its silence expired on ${today.minus({ days: 2 }).toISODate()})`,
    );
  });
});
