/**
 * The monitors adopted without recreation: acme's monitors and tests, published as the provider creates them,
 * imported by `oncall import datadog-monitors --stack … --bulk-import …` into acme with its alerts removed; the
 * first plan of the stack changes no imported monitor, and the bulk-import file maps each to its id in the
 * account.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeExportDir } from '../../../modules/migrate/export-dir';
import { DATADOG } from '../../../modules/backends/datadog/resources';
import { FIXTURE_STACKS, fixtureTree, runCli, writeTree } from '../../helpers';
import { accountOf, organisationOf, renderedAlerts, withoutAlerts } from './round-trip';
import { readdirSync } from 'node:fs';

const cleanup: string[] = [];
afterEach(() => {
  for (const dir of cleanup.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('oncall import datadog-monitors --stack --bulk-import', () => {
  it('adopts every imported monitor and test by its id, and the first plan changes none of them', async () => {
    const account = accountOf(renderedAlerts(organisationOf(fixtureTree()), 'pagerduty'));
    const bare = withoutAlerts(fixtureTree());
    const files = new Map<string, string>([...bare.files].map(([rel, text]) => [`teams/${rel}`, text]));
    for (const stack of readdirSync(FIXTURE_STACKS).filter((f) => f.endsWith('.yaml')))
      files.set(`stacks/${stack}`, readFileSync(join(FIXTURE_STACKS, stack), 'utf8'));
    const dir = writeTree({ ...bare, files });
    cleanup.push(dir);
    writeExportDir(account, join(dir, 'export'));

    const run = await runCli(
      ['import', 'datadog-monitors', '--from-dir', 'export', '--stack', 'acme-pagerduty', '--bulk-import', 'bulk.json'],
      dir,
      { ONCALL_NOW: '2026-01-01T00:00:00Z' },
    );
    expect(run.stderr).toBe('');
    expect(run.code, run.stdout).toBe(0);
    expect(run.stdout).toContain('Stack acme-pagerduty: the first plan after import changes nothing.');

    const bulk = JSON.parse(readFileSync(join(dir, 'bulk.json'), 'utf8')) as { resources: Array<{ type: string; id?: string }> };
    // The monitors of the synthetic tests are Datadog's own (type `synthetics alert`): they come with their test.
    const monitorIds = (account.endpoints.get('monitor') as Array<{ id: number; type: string }>)
      .filter((m) => m.type !== 'synthetics alert')
      .map((m) => String(m.id))
      .sort();
    const adopted = bulk.resources
      .filter((r) => r.type === DATADOG.monitor.type)
      .map((r) => r.id!)
      .sort();
    expect(monitorIds.length).toBeGreaterThan(0);
    expect(adopted).toEqual(monitorIds);
    const tests = (account.endpoints.get('synthetics/tests') as Array<{ public_id: string }>).map((t) => t.public_id).sort();
    expect(
      bulk.resources
        .filter((r) => r.type === DATADOG.synthetics.type)
        .map((r) => r.id!)
        .sort(),
    ).toEqual(tests);
  });

  it('asks for a stack with --bulk-import, before reading anything', async () => {
    const dir = writeTree(fixtureTree());
    cleanup.push(dir);
    const run = await runCli(['import', 'datadog-monitors', '--from-dir', 'nowhere', '--bulk-import', 'b.json', '--teams', '.'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--bulk-import needs --stack');
  });
});
