/**
 * The way off a backend, end to end through the CLI: an organisation's stack on the source backend is rendered and
 * published into an account (what the API holds after `pulumi up`), served on 127.0.0.1 behind the account's own
 * key; `oncall import` reads it through the API and writes teams/; planning the same stack on that YAML changes
 * nothing and the bulk-import file maps each adopted resource to the account's id; then `oncall migrate check`
 * reads the live account again and compares, minute by minute over 52 weeks, whom it pages with whom the YAML and
 * each other backend's stack page: 0 mismatching minutes.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { datadogAccountHandler } from '../../../modules/bench/api/datadog-oncall-account';
import { serveApi } from '../../../modules/bench/api/handler';
import { publishDatadogAccount } from '../../../modules/bench/api/datadog-oncall-publish';
import { opsgenieAccountHandler } from '../../../modules/bench/api/opsgenie-account';
import { publishOpsgenie } from '../../../modules/bench/api/opsgenie-publish';
import { pagerdutyAccountHandler } from '../../../modules/bench/api/pagerduty-account';
import { publishPagerDuty } from '../../../modules/bench/api/pagerduty-publish';
import type { AccountExport } from '../../../modules/migrate/account';
import { analyse } from '../../../modules/pipeline';
import type { Backend } from '../../../modules/render/desired';
import { renderStack } from '../../../modules/render/stack';
import { readStacksDir } from '../../../modules/spec/read-stacks';
import { readTeamsDir } from '../../../modules/spec/read-dir';
import { FIXTURE_DIR, FIXTURE_STACKS, ROOT, runCli } from '../../helpers';

/** The instant of the whole scenario: the import, the plan and the rehearsal's first minute. */
export const CUTOVER_NOW = '2026-11-30T09:00:00Z';

const COMMAND: Record<Backend, string> = { pagerduty: 'pagerduty', opsgenie: 'opsgenie', datadog: 'datadog-oncall' };
const KEYS: Record<Backend, Record<string, string>> = {
  pagerduty: { PAGERDUTY_TOKEN: 'read-only-pd' },
  opsgenie: { OPSGENIE_API_KEY: 'read-only-og' },
  datadog: { DD_API_KEY: 'read-only-api', DD_APP_KEY: 'read-only-app' },
};

export function organisationDirs(name: string): { teams: string; stacks: string } {
  if (name === 'acme') return { teams: FIXTURE_DIR, stacks: FIXTURE_STACKS };
  return { teams: join(ROOT, 'examples', name, 'teams'), stacks: join(ROOT, 'examples', name, 'stacks') };
}

function published(
  source: Backend,
  name: string,
): { account: AccountExport; stackFile: string; stacks: Map<Backend, string>; stacksDir: string } {
  const dirs = organisationDirs(name);
  const read = readStacksDir(dirs.stacks);
  // Targets by name (as `oncall plan --stack` names them), the source's stack by its file: both are accepted.
  const stacks = new Map(read.stacks.map((s) => [s.backend, s.name]));
  const stack = read.stacks.find((s) => s.backend === source)!;
  const org = analyse(readTeamsDir(dirs.teams), Date.parse(CUTOVER_NOW)).organisation!;
  const state = renderStack(org, { ...stack, now: Date.parse(CUTOVER_NOW) });
  const account =
    source === 'pagerduty'
      ? publishPagerDuty(state, org)
      : source === 'opsgenie'
        ? publishOpsgenie(org, state)
        : publishDatadogAccount(state, org);
  return { account, stackFile: join(dirs.stacks, `Pulumi.${stack.name}.yaml`), stacks, stacksDir: dirs.stacks };
}

function handlerOf(source: Backend, account: AccountExport) {
  if (source === 'pagerduty') return pagerdutyAccountHandler(account, { token: KEYS.pagerduty.PAGERDUTY_TOKEN! });
  if (source === 'opsgenie') return opsgenieAccountHandler(account, { key: KEYS.opsgenie.OPSGENIE_API_KEY! });
  return datadogAccountHandler(account, {
    keys: { 'DD-API-KEY': KEYS.datadog.DD_API_KEY!, 'DD-APPLICATION-KEY': KEYS.datadog.DD_APP_KEY! },
  });
}

export function cutoverSuite(source: Backend, organisations: readonly string[]): void {
  for (const name of organisations) {
    describe(`${name}: from ${source}, served locally, to the YAML and every backend`, () => {
      const env = { ...KEYS[source], ONCALL_NOW: CUTOVER_NOW };
      const work = mkdtempSync(join(tmpdir(), `oncall-cutover-${source}-`));
      const { account, stackFile, stacks, stacksDir } = published(source, name);
      let server: { url: string; close(): Promise<void> };
      beforeAll(async () => {
        server = await serveApi(handlerOf(source, account));
      });
      afterAll(() => server.close());

      it('imports through the API into YAML that validates, whose first plan on the same backend changes nothing', async () => {
        const run = await runCli(
          ['import', COMMAND[source], '--api-url', server.url, '--teams', 'teams', '--stack', stackFile, '--bulk-import', 'bulk.json'],
          work,
          env,
        );
        expect(run.stderr).toBe('');
        expect(run.code).toBe(0);
        expect(run.stdout).toMatch(/the first plan after import changes (nothing|no imported resource)\./);
        expect(run.stdout).not.toMatch(/^\s+~ /m);
        for (const key of Object.values(KEYS[source]))
          expect(run.stdout + readFileSync(join(work, 'bulk.json'), 'utf8')).not.toContain(key);
        const validate = await runCli(['validate', '--teams', 'teams'], work, env);
        expect(validate.code, validate.stdout + validate.stderr).toBe(0);
      });

      it('adopts with ids of the account: every imported schedule and escalation policy is in the bulk-import file', () => {
        const file = JSON.parse(readFileSync(join(work, 'bulk.json'), 'utf8')) as { resources: Array<{ type: string; id?: string }> };
        const ids = new Set(file.resources.map((r) => r.id).filter((id): id is string => id !== undefined));
        const accountIds = new Set<string>();
        for (const [key, objects] of account.endpoints)
          if (/schedule|escalation/.test(key)) for (const o of objects) accountIds.add(String((o as { id?: unknown }).id));
        const adopted = [...accountIds].filter((id) => ids.has(id));
        expect(adopted.length).toBeGreaterThan(0);
        expect(file.resources.some((r) => /schedule/i.test(r.type))).toBe(true);
        expect(file.resources.some((r) => /escalation/i.test(r.type))).toBe(true);
      });

      for (const target of ['pagerduty', 'opsgenie', 'datadog'] as const) {
        // The managed-services Datadog stack provisions the pool and the monitoring-only contract alone (e-mail
        // intake is refused on Datadog On-Call): its contracts have no Datadog target to rehearse against.
        if (name === 'managed-services' && target === 'datadog') continue;
        it(`rehearses the cutover to ${target} over 52 weeks with 0 mismatching minutes`, async () => {
          const run = await runCli(
            [
              'migrate',
              'check',
              '--from',
              `${COMMAND[source]}:api`,
              '--api-url',
              server.url,
              '--to',
              stacks.get(target)!,
              '--stacks',
              stacksDir,
              '--teams',
              'teams',
              '--weeks',
              '52',
              '--format',
              'json',
            ],
            work,
            env,
          );
          expect(run.code, run.stdout + run.stderr).toBe(0);
          const report = JSON.parse(run.stdout) as { mismatchingMinutes: number; units: string[]; comparedMinutes: number };
          expect(report.units.length).toBeGreaterThan(0);
          expect(report.comparedMinutes).toBe(report.units.length * 52 * 7 * 1440);
          expect(report.mismatchingMinutes).toBe(0);
        });
      }
    });
  }
}
