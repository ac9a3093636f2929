/**
 * GIVEN a hand-written export of a Datadog account (test/migrate/datadog-monitors/export/: metric, APM, log,
 * service-check, trace-analytics and composite monitors, HTTP, multistep, browser and SSL tests, monitors without
 * a team or with an unknown one, with and without a runbook, each threshold kind), checked against Datadog's API
 * description by serving it, WHEN it is imported into the tests' organisation, THEN the alert files are the
 * golden ones (test/golden/import/datadog-monitors/), they validate, readiness reports the imported alerts
 * without a runbook, and every object not imported, or imported approximately, is a finding.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { datadogMonitorsHandler } from '../../../modules/bench/api/datadog-monitors';
import { readiness } from '../../../modules/checks';
import {
  apiTestKey,
  MONITORS_KEY,
  TESTS_KEY,
  type ApiMonitor,
  type ApiSyntheticsTest,
} from '../../../modules/migrate/datadog-monitors/api-types';
import { importDatadogMonitors, IMPORTED_ALERTS_FILE } from '../../../modules/migrate/datadog-monitors/import';
import { readMonitorsAccount } from '../../../modules/migrate/datadog-monitors/read';
import { findingsText } from '../../../modules/migrate/datadog-monitors/report';
import { alertsYaml } from '../../../modules/migrate/datadog-monitors/write';
import { expectGolden } from '../../golden';
import { fixtureTree } from '../../helpers';
import { openApiServer } from '../../pulumi/openapi-server';
import { exportedAccount, organisationOf, withImported } from './round-trip';

const servers: Array<{ close: () => Promise<void> }> = [];
afterEach(async () => {
  while (servers.length > 0) await servers.pop()?.close();
});

describe('a hand-written Datadog export', () => {
  it('is what the API serves, by its own description', async () => {
    const account = await exportedAccount();
    const tests = (account.endpoints.get(TESTS_KEY) as ApiSyntheticsTest[]).map(
      (t) => (account.endpoints.get(apiTestKey(t.public_id))?.[0] as ApiSyntheticsTest) ?? t,
    );
    const keys = { apiKey: 'k1', appKey: 'k2' };
    const handler = datadogMonitorsHandler({ monitors: account.endpoints.get(MONITORS_KEY) as ApiMonitor[], tests, ...keys });
    const server = await openApiServer('datadog-monitors.json', handler);
    servers.push(server);
    const read = await readMonitorsAccount({
      kind: 'api',
      baseUrl: server.url,
      headers: { 'DD-API-KEY': 'k1', 'DD-APPLICATION-KEY': 'k2' },
    });
    expect(server.violations).toEqual([]);
    expect([...read.endpoints.keys()].sort()).toEqual([...account.endpoints.keys()].sort());
    for (const [key, objects] of read.endpoints) expect(objects, key).toEqual(account.endpoints.get(key));
  });

  it('imports into the golden alert files, which validate', async () => {
    const result = importDatadogMonitors(await exportedAccount(), organisationOf(fixtureTree()));
    expect([...result.alerts.keys()]).toEqual(['payments', 'platform', 'storefront']);
    for (const [squad, file] of result.alerts)
      expectGolden(`import/datadog-monitors/${squad}.yaml`, alertsYaml(squad, file, result.comments));
    expectGolden('import/datadog-monitors/findings.txt', `${findingsText(result.findings)}\n`);
    expect(() => organisationOf(withImported(fixtureTree(), result))).not.toThrow();
    expect(result.counts).toEqual({ monitors: 16, tests: 4, imported: 10, alreadyInYaml: 0 });
  });

  it('leaves out, with a finding each, what the YAML cannot say', async () => {
    const result = importDatadogMonitors(await exportedAccount(), organisationOf(fixtureTree()));
    const whole = result.findings.filter((f) => f.what.startsWith('the whole')).map((f) => [f.source.id, f.kind, f.why]);
    expect(whole).toEqual([
      ['2006', 'dropped', 'the YAML has no kind for `trace-analytics alert` monitors'],
      ['2008', 'dropped', 'a composite of other monitors: the YAML has no such kind'],
      ['2009', 'dropped', 'no `team:` tag names its squad'],
      ['2010', 'dropped', '`team:data-platform` is not a squad of the organisation'],
      ['brw-789-tst', 'dropped', 'the YAML has no kind for browser tests'],
      ['ssl-000-tst', 'dropped', 'the YAML has no kind for api tests of subtype ssl'],
    ]);
    const of = (id: string) => result.findings.filter((f) => f.source.id === id).map((f) => f.what);
    expect(of('2002')).toEqual(['time aggregation max', 'recovery thresholds', 'evaluation delay']);
    expect(of('2004')).toEqual(['log index "main"', 'grouping "@http.status_code"']);
    expect(of('2005')).toEqual(['last 4 runs']);
    expect(of('2011')).toEqual(['e-mail recipient @ops@acme.example', 'escalation message']);
    expect(of('2012')).toEqual(['priority', 'tag bad tag with spaces']);
    expect(of('abc-123-def')).toEqual(['response time under 1500 ms', 'assertion header contains "text/html"', 'option follow_redirects']);
    // Each imported object links to the resource its alert renders, for the bulk-import file.
    expect(result.links.map((l) => l.observed).sort()).toEqual([
      ...['2001', '2002', '2003', '2004', '2005', '2007', '2011', '2012'].map((id) => `monitor/${id}`),
      'synthetics/abc-123-def',
      'synthetics/mul-456-tst',
    ]);
  });

  it('gives alerts that readiness passes or reports: the ones without a runbook', async () => {
    const result = importDatadogMonitors(await exportedAccount(), organisationOf(fixtureTree()));
    const org = organisationOf(withImported(fixtureTree(), result));
    const imported = new Set([...result.alerts.values()].flatMap((f) => Object.keys(f.alerts)));
    const findings = readiness(org, { alerts: imported, today: '2026-01-01' });
    const withoutRunbook = [...result.alerts.values()].flatMap((f) =>
      Object.entries(f.alerts)
        .filter(([, a]) => a.runbook === undefined)
        .map(([id]) => id),
    );
    expect(withoutRunbook.length).toBeGreaterThan(0);
    expect(
      findings
        .filter((f) => f.code === 'alert/runbook')
        .map((f) => f.alert)
        .sort(),
    ).toEqual(withoutRunbook.sort());
    // Every imported alert is in an imported file.
    for (const id of imported) expect(org.alerts.get(id)?.source.file).toMatch(new RegExp(`${IMPORTED_ALERTS_FILE.replace('.', '\\.')}$`));
  });
});
