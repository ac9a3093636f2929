/**
 * Reading monitors and synthetic tests from a local server that checks every request and answer against
 * Datadog's API description (test/fixtures/openapi/datadog-monitors.json: `ListMonitors`, `ListTests`,
 * `GetAPITest` of DataDog/datadog-api-client-typescript@a6d174205 .generator/schemas/v1/openapi.yaml).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { datadogMonitorsHandler, type MonitorsAccount } from '../../../modules/bench/api/datadog-monitors';
import { publishMonitors } from '../../../modules/bench/api/datadog-monitors-publish';
import { apiTestKey, MONITORS_KEY, TESTS_KEY, type ApiMonitor } from '../../../modules/migrate/datadog-monitors/api-types';
import { readMonitorsAccount, MONITORS_PAGE_SIZE } from '../../../modules/migrate/datadog-monitors/read';
import { ApiError } from '../../../modules/migrate/http';
import { openApiServer, type Call } from '../../pulumi/openapi-server';
import { ORGANISATIONS, organisationOf, renderedAlerts } from './round-trip';

const SPEC = 'datadog-monitors.json';
const KEYS = { apiKey: 'api-key-0123', appKey: 'app-key-4567' };
const HEADERS = { 'DD-API-KEY': KEYS.apiKey, 'DD-APPLICATION-KEY': KEYS.appKey };
const servers: Array<{ close: () => Promise<void> }> = [];
afterEach(async () => {
  while (servers.length > 0) await servers.pop()?.close();
});

async function serve(account: MonitorsAccount) {
  const handler = datadogMonitorsHandler(account);
  const calls: Call[] = [];
  const server = await openApiServer(SPEC, (call) => {
    calls.push(call);
    return handler(call);
  });
  servers.push(server);
  return { ...server, calls };
}

/** A monitor as an account of many teams holds it (an independent, plain shape). */
function generated(n: number): ApiMonitor {
  return {
    id: 100000 + n,
    name: `Disk almost full on host group ${n}`,
    type: 'query alert',
    query: `avg(last_10m):avg:system.disk.in_use{group:g${n}} by {host} > 0.9`,
    message: `Disk usage is high. Runbook: https://wiki.example.com/disk\n@slack-ops-${n % 7}`,
    tags: [`team:squad-${n % 300}`, 'env:prod'],
    priority: (n % 5) + 1,
    options: { thresholds: { critical: 0.9, warning: 0.8 }, notify_no_data: false, include_tags: true },
  };
}

describe('reading monitors from the API', () => {
  it('reads a published organisation whole: monitors, tests, and each multistep test with its steps', async () => {
    const published = publishMonitors(renderedAlerts(organisationOf(ORGANISATIONS[0]!.tree()), 'pagerduty'));
    const server = await serve({ ...published, ...KEYS });
    const account = await readMonitorsAccount({ kind: 'api', baseUrl: server.url, headers: HEADERS });
    expect(server.violations).toEqual([]);
    expect(account.endpoints.get(MONITORS_KEY)).toEqual(published.monitors);
    const multi = published.tests.filter((t) => t.subtype === 'multi');
    expect(multi.length).toBeGreaterThan(0);
    for (const t of multi) expect(account.endpoints.get(apiTestKey(t.public_id))).toEqual([t]);
    // The list leaves steps out, as `SyntheticsTestDetailsWithoutSteps` says.
    expect((account.endpoints.get(TESTS_KEY) as Array<{ config?: { steps?: unknown } }>).every((t) => t.config?.steps === undefined)).toBe(
      true,
    );
  });

  it('reads thousands of monitors in pages of 1,000 and waits out each 429 as told', async () => {
    const monitors = Array.from({ length: 4321 }, (_, n) => generated(n));
    const throttled = new Set([2, 3, 6]);
    const waits: number[] = [];
    const server = await serve({ monitors, tests: [], ...KEYS, throttle: (n) => (throttled.has(n) ? 2 : undefined) });
    const account = await readMonitorsAccount(
      { kind: 'api', baseUrl: server.url, headers: HEADERS },
      { sleep: async (ms) => void waits.push(ms) },
    );
    expect(server.violations).toEqual([]);
    const read = account.endpoints.get(MONITORS_KEY) as ApiMonitor[];
    expect(read.length).toBe(4321);
    expect(new Set(read.map((m) => m.id)).size).toBe(4321);
    expect(waits).toEqual([2000, 2000, 2000]);
    const pages = server.calls.filter((c) => c.path === '/api/v1/monitor').map((c) => c.query.get('page'));
    // 5 pages (the last one short), 3 of their requests answered 429 and repeated.
    expect(pages.filter((p, i, all) => all.indexOf(p) === i)).toEqual(['0', '1', '2', '3', '4']);
    expect(
      server.calls.filter((c) => c.path === '/api/v1/monitor').every((c) => c.query.get('page_size') === String(MONITORS_PAGE_SIZE)),
    ).toBe(true);
  });

  it('pages synthetic tests by page_number until a short page', async () => {
    const one = publishMonitors(renderedAlerts(organisationOf(ORGANISATIONS[0]!.tree()), 'pagerduty')).tests.find(
      (t) => t.subtype === 'http',
    )!;
    const tests = Array.from({ length: 250 }, (_, n) => ({
      ...one,
      public_id: `t${String(n).padStart(2, '0')}-abc-def`,
      name: `check ${n}`,
    }));
    const server = await serve({ monitors: [], tests, ...KEYS });
    const account = await readMonitorsAccount({ kind: 'api', baseUrl: server.url, headers: HEADERS });
    expect(server.violations).toEqual([]);
    expect((account.endpoints.get(TESTS_KEY) ?? []).length).toBe(250);
    expect(server.calls.filter((c) => c.path === '/api/v1/synthetics/tests').map((c) => c.query.get('page_number'))).toEqual([
      '0',
      '1',
      '2',
    ]);
  });

  it('stops on a wrong key with the status, never the key', async () => {
    const server = await serve({ monitors: [generated(1)], tests: [], ...KEYS });
    const error = await readMonitorsAccount({
      kind: 'api',
      baseUrl: server.url,
      headers: { ...HEADERS, 'DD-APPLICATION-KEY': 'wrong-key-9' },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(403);
    expect((error as Error).message).not.toContain('wrong-key-9');
    expect((error as Error).message).not.toContain(KEYS.apiKey);
    expect(server.violations).toEqual([]);
  });
});
