/**
 * `oncall import datadog-monitors`, in-process: from an export directory and from a local server that follows
 * Datadog's API description, into a copy of the tests' organisation; then `oncall validate` and `oncall
 * readiness` read what it wrote.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { importMonitorsCommand } from '../../../modules/cli/commands/import-monitors';
import { datadogMonitorsHandler } from '../../../modules/bench/api/datadog-monitors';
import {
  apiTestKey,
  MONITORS_KEY,
  TESTS_KEY,
  type ApiMonitor,
  type ApiSyntheticsTest,
} from '../../../modules/migrate/datadog-monitors/api-types';
import { fixtureTree, ROOT, runCli, writeTree } from '../../helpers';
import { openApiServer } from '../../pulumi/openapi-server';
import { commandIo } from '../command-io';
import { exportedAccount } from './round-trip';

const EXPORT = join(__dirname, 'export');
const cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  while (cleanup.length > 0) await cleanup.pop()?.();
});

async function run(args: string[], cwd: string, env: Record<string, string> = {}) {
  const { io, stdout, stderr } = commandIo(cwd, { ONCALL_NOW: '2026-01-01T00:00:00Z', ...env });
  const code = await importMonitorsCommand(args, io);
  return { code, stdout: stdout(), stderr: stderr() };
}

function repo(): string {
  const dir = writeTree({ ...fixtureTree(), files: new Map([...fixtureTree().files].map(([rel, text]) => [`teams/${rel}`, text])) });
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

const golden = (squad: string) => readFileSync(join(ROOT, 'test', 'golden', 'import', 'datadog-monitors', `${squad}.yaml`), 'utf8');

describe('oncall import datadog-monitors', () => {
  it('writes the squads’ alert files from an export directory, and again the same on a second run', async () => {
    const dir = repo();
    const first = await run(['--from-dir', EXPORT], dir);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('Read 16 monitors and 4 synthetic tests: 10 imported as alerts, 0 already in the YAML, 6 not imported.');
    expect(first.stdout).toContain('wrote teams/storefront/alerts/imported-datadog.yaml');
    expect(first.stdout).toContain(
      'monitor 2008 "Checkout down and CPU high"\n  dropped: the whole monitor: a composite of other monitors',
    );
    for (const squad of ['payments', 'platform', 'storefront'])
      expect(readFileSync(join(dir, 'teams', squad, 'alerts', 'imported-datadog.yaml'), 'utf8')).toBe(golden(squad));
    // A second import replaces its own files: same ids, nothing counted twice.
    const second = await run(['--from-dir', EXPORT], dir);
    expect(second.stdout).toBe(first.stdout);
    expect(readFileSync(join(dir, 'teams', 'payments', 'alerts', 'imported-datadog.yaml'), 'utf8')).toBe(golden('payments'));
    // What it wrote validates, and readiness reports the imported alerts without a runbook.
    expect((await runCli(['validate'], dir)).code).toBe(0);
    const readiness = await runCli(['readiness', '--format', 'json'], dir, { ONCALL_NOW: '2026-01-01T00:00:00Z' });
    const findings = (JSON.parse(readiness.stdout) as { problems: Array<{ code: string; alert?: string }> }).problems;
    const withoutRunbook = findings.filter((f) => f.code === 'alert/runbook').map((f) => f.alert);
    expect(withoutRunbook).toEqual(expect.arrayContaining(['payment-api-p99-latency', 'payments-queue-depth-2', 'payment-journey']));
  });

  it('reads the API with the keys of the environment, and writes the same files', async () => {
    const account = await exportedAccount();
    const tests = (account.endpoints.get(TESTS_KEY) as ApiSyntheticsTest[]).map(
      (t) => (account.endpoints.get(apiTestKey(t.public_id))?.[0] as ApiSyntheticsTest) ?? t,
    );
    const server = await openApiServer(
      'datadog-monitors.json',
      datadogMonitorsHandler({ monitors: account.endpoints.get(MONITORS_KEY) as ApiMonitor[], tests, apiKey: 'a1', appKey: 'b2' }),
    );
    cleanup.push(() => server.close());
    const dir = repo();
    const out = await run(['--api-url', server.url, '--format', 'json'], dir, { DD_API_KEY: 'a1', DD_APP_KEY: 'b2' });
    expect(out.code).toBe(0);
    expect(server.violations).toEqual([]);
    const report = JSON.parse(out.stdout) as { written: string[]; links: Array<{ observed: string; planned: string; id: string }> };
    expect(report.written).toEqual(['payments', 'platform', 'storefront'].map((s) => `teams/${s}/alerts/imported-datadog.yaml`));
    expect(report.links).toContainEqual({ observed: 'monitor/2001', planned: 'high-cpu-on-checkout-hosts-monitor', id: '2001' });
    expect(report.links).toContainEqual({ observed: 'synthetics/mul-456-tst', planned: 'payment-journey-check', id: 'mul-456-tst' });
    for (const squad of ['payments', 'platform', 'storefront'])
      expect(readFileSync(join(dir, 'teams', squad, 'alerts', 'imported-datadog.yaml'), 'utf8')).toBe(golden(squad));
  });

  it('asks for the keys it misses, and writes nothing on a dry run', async () => {
    const dir = repo();
    expect(await run([], dir, { DD_API_KEY: 'x' })).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('set DD_APP_KEY (read-only keys do), or give --from-dir DIR'),
    });
    const dry = await run(['--from-dir', EXPORT, '--dry-run'], dir);
    expect(dry.code).toBe(0);
    expect(dry.stdout).not.toContain('wrote ');
    expect(() => readFileSync(join(dir, 'teams', 'payments', 'alerts', 'imported-datadog.yaml'))).toThrow();
    expect(await run(['--from-dir', join(dir, 'nowhere')], dir)).toMatchObject({ code: 1, stderr: expect.stringContaining('nowhere') });
  });
});
