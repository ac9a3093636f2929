/**
 * `oncall migrate check` from an account: the adapter reads the account, observes it in the provider's input form under
 * provisional names (`<type>/<n>`, references to them, users looked up by e-mail), gives the links to the planned names,
 * and the observed state renamed by them is read by the backend's interpreter. Here a small fake Opsgenie adapter stands
 * for the real one: its account is the fixture's Opsgenie stack as rendered, under provisional names.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadOrganisation } from '../../modules/model/load';
import type { AccountAdapter, ObservedResource, ObservedState } from '../../modules/migrate/account';
import { ADAPTERS } from '../../modules/migrate/adapters';
import { OG } from '../../modules/backends/opsgenie/resources';
import { renameObserved } from '../../modules/migrate/rename';
import { isInvoke, type DesiredState } from '../../modules/render/desired';
import { renderStack } from '../../modules/render/stack';
import { fixtureTree, runCli } from '../helpers';

const FROM = Date.parse('2026-12-01T00:00:00+01:00');

/** The rendered state under provisional names, and the links back to the planned ones. */
function provisional(state: DesiredState, drop: (r: ObservedResource) => boolean = () => false) {
  const links = state.resources.map((r, i) => ({ observed: `${r.type.split(':').at(-1)}/${i}`, planned: r.name }));
  const planned: ObservedState = {
    ...state,
    resources: state.resources.map((r, i) => ({ ...r, id: `ID${i}`, from: { backend: state.backend, type: r.type, id: `ID${i}` } })),
  };
  const observed = renameObserved(
    planned,
    links.map((l) => ({ observed: l.planned, planned: l.observed })),
  );
  return { observed: { ...observed, resources: observed.resources.filter((r) => !drop(r)) }, links };
}

function fakeOpsgenie(
  drop?: (r: ObservedResource) => boolean,
  edit: (r: ObservedResource) => ObservedResource = (r) => r,
): AccountAdapter & { reads: unknown[] } {
  const org = loadOrganisation(fixtureTree()).organisation!;
  const { observed: dropped, links } = provisional(renderStack(org, { name: 'account', backend: 'opsgenie', now: FROM }), drop);
  const observed = { ...dropped, resources: dropped.resources.map(edit) };
  const reads: unknown[] = [];
  return {
    reads,
    backend: 'opsgenie',
    command: 'opsgenie',
    defaultBaseUrl: 'https://api.opsgenie.com',
    headersFromEnv: (env) =>
      env.OPSGENIE_API_KEY ? { headers: { Authorization: `GenieKey ${env.OPSGENIE_API_KEY}` } } : { missing: ['OPSGENIE_API_KEY'] },
    read: async (source) => {
      reads.push(source);
      return { backend: 'opsgenie', endpoints: new Map() };
    },
    observe: () => observed,
    importTeams: () => ({ teams: { org: {} as never, squads: new Map(), alerts: new Map(), comments: new Map() }, links, findings: [] }),
  };
}

const installed: AccountAdapter[] = [];
/** Put first, so that the command finds it before the real Opsgenie adapter. */
function install(adapter: AccountAdapter): void {
  (ADAPTERS as AccountAdapter[]).unshift(adapter);
  installed.push(adapter);
}
afterEach(() => {
  for (const a of installed.splice(0)) (ADAPTERS as AccountAdapter[]).splice((ADAPTERS as AccountAdapter[]).indexOf(a), 1);
});

describe('oncall migrate check --from opsgenie:…', () => {
  it('the provisional names are not the planned ones, and users are look-ups by e-mail', () => {
    const { observed } = provisional(
      renderStack(loadOrganisation(fixtureTree()).organisation!, { name: 'a', backend: 'opsgenie', now: FROM }),
    );
    expect(observed.resources.some((r) => r.name.endsWith('-schedule'))).toBe(false);
    const override = observed.resources.find((r) => r.type === OG.override)!;
    expect(override.inputs.scheduleId).toEqual({ $ref: expect.stringMatching(/^Schedule\/\d+$/), property: 'id' });
    const rotation = observed.resources.find((r) => r.type === OG.rotation)!;
    expect(isInvoke((rotation.inputs.participants as Array<{ id: unknown }>)[0]!.id)).toBe(true);
  });

  it('from an export directory to the PagerDuty stack over 52 weeks: 0 mismatching minutes', async () => {
    const adapter = fakeOpsgenie();
    install(adapter);
    const dir = mkdtempSync(join(tmpdir(), 'og-export-'));
    try {
      const run = await runCli(
        [
          'migrate',
          'check',
          '--from',
          `opsgenie:${dir}`,
          '--to',
          'stacks/Pulumi.acme-pagerduty.yaml',
          '--weeks',
          '52',
          '--start',
          '2026-12-01',
        ],
        undefined,
      );
      expect(run.stderr).toBe('');
      expect(run.stdout).toMatch(/^Rehearsal from opsgenie account \(.*og-export-.*\) to pagerduty stack acme-pagerduty/m);
      expect(run.stdout).toMatch(/\n0 mismatching minutes\n?$/);
      expect(run.code).toBe(0);
      expect(adapter.reads).toEqual([{ kind: 'dir', dir }]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('through the API with the key from the environment; an account without an override is a mismatch (exit 1)', async () => {
    const christmas = (r: ObservedResource) => r.type === OG.override && String(r.inputs.alias).includes('20261224');
    const adapter = fakeOpsgenie(christmas);
    install(adapter);
    const args = [
      'migrate',
      'check',
      '--from',
      'opsgenie:api',
      '--api-url',
      'http://127.0.0.1:9',
      '--to',
      'stacks/Pulumi.acme-datadog.yaml',
    ];
    const missing = await runCli([...args, '--start', '2026-12-01']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('set OPSGENIE_API_KEY');
    const run = await runCli([...args, '--start', '2026-12-01', '--format', 'json'], undefined, { OPSGENIE_API_KEY: 'k-secret' });
    expect(run.code).toBe(1);
    expect(adapter.reads).toEqual([{ kind: 'api', baseUrl: 'http://127.0.0.1:9', headers: { Authorization: 'GenieKey k-secret' } }]);
    expect(run.stdout).not.toContain('k-secret');
    const report = JSON.parse(run.stdout);
    const during = report.mismatches.find((m: any) => m.unit === 'squad storefront' && m.after === 0);
    expect([during.start, during.end]).toEqual(['2026-12-24T17:00:00.000Z', '2026-12-26T08:00:00.000Z']);
    const [source, engine, target] = during.sides;
    expect(source.notification.people).not.toEqual(['bruno']);
    expect(engine.notification.people).toEqual(['bruno']);
    expect(target.notification.people).toEqual(['bruno']);
    expect(target.notification.causes[0]).toMatch(/^override storefront-oncall-override-20261224T1700Z$/);
    expect(report.mismatchingMinutes).toBeGreaterThan(0);
  });

  it('someone the organisation does not know is a mismatch, not nobody (text)', async () => {
    const stranger = (r: ObservedResource): ObservedResource =>
      r.type === OG.override && String(r.inputs.alias).includes('20261224')
        ? { ...r, inputs: { ...r.inputs, username: 'stranger@elsewhere.example' } }
        : r;
    install(fakeOpsgenie(undefined, stranger));
    const run = await runCli([
      'migrate',
      'check',
      '--from',
      'opsgenie:x',
      '--to',
      'stacks/Pulumi.acme-datadog.yaml',
      '--start',
      '2026-12-20',
    ]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('squad storefront  2026-12-24 18:00 → 2026-12-26 09:00 (2340 min), M+0:');
    expect(run.stdout).toMatch(/^  source <stranger@elsewhere\.example> — override storefront-oncall-override-20261224T1700Z$/m);
    expect(run.stdout).toMatch(/^  engine bruno — override of storefront\/oncall for bruno \(teams\/storefront\/team\.yaml:\d+\)$/m);
    expect(run.stdout).toMatch(/\n\d+ mismatching minutes in \d+ intervals\n?$/);
  });

  it('refuses a missing --to, a wrong --weeks and a file that is not a stack', async () => {
    expect((await runCli(['migrate', 'check', '--from', 'opsgenie:x'])).stderr).toContain('give the source with --from and the target');
    const weeks = await runCli(['migrate', 'check', '--from', 'x', '--to', 'stacks/Pulumi.acme-datadog.yaml', '--weeks', '53']);
    expect(weeks.code).toBe(2);
    expect(weeks.stderr).toContain('--weeks is a whole number from 1 to 52');
    writeFileSync(join(tmpdir(), 'not-a-stack.yaml'), 'x: 1\n');
    const bad = await runCli(['migrate', 'check', '--from', join(tmpdir(), 'not-a-stack.yaml'), '--to', 'stacks/Pulumi.acme-datadog.yaml']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('a stack file is named Pulumi.<stack>.yaml');
  });
});
