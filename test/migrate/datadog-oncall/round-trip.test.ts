/**
 * Our own renderings import exactly. For the tests' organisation and each example with a Datadog stack: render the
 * stack, publish it into an account (modules/bench/api/datadog-oncall-publish.ts, after the provider's create
 * bodies), serve it, read it back through the API, observe and import it; then the imported YAML validates, the
 * same stack planned on it shows no change against the observed account under the planned names (input by input,
 * modules/render/diff.ts). Paging over 52 weeks: ./round-trip-paging.test.ts.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DD } from '../../../modules/backends/datadog-oncall/resources';
import { publishDatadogAccount } from '../../../modules/bench/api/datadog-oncall-publish';
import { datadogAccountHandler } from '../../../modules/bench/api/datadog-oncall-account';
import { datadogOnCallAdapter } from '../../../modules/migrate/datadog-oncall/adapter';
import { renameObserved } from '../../../modules/migrate/rename';
import type { ImportResult, ObservedState } from '../../../modules/migrate/account';
import type { Organisation } from '../../../modules/model/types';
import { analyse } from '../../../modules/pipeline';
import type { DesiredState } from '../../../modules/render/desired';
import { diffStates } from '../../../modules/render/diff';
import { renderStack } from '../../../modules/render/stack';
import { readTeamsDir } from '../../../modules/spec/read-dir';
import { readStacksDir } from '../../../modules/spec/read-stacks';
import type { StackSpec } from '../../../modules/spec/stacks';
import { ROOT } from '../../helpers';
import { serveAccount } from './serve';
import { NO_CHANGE, planChanges } from '../plan-changes';
import { importedTree } from './imported-tree';

const NOW = Date.parse('2026-01-05T00:00:00+01:00');
const ON_CALL = [DD.team, DD.membership, DD.schedule, DD.override, DD.escalation, DD.routing, DD.notificationChannel, DD.notificationRule];
const KEYS = { 'DD-API-KEY': 'api-key-for-tests', 'DD-APPLICATION-KEY': 'app-key-for-tests' };

const CASES: Array<{ name: string; teams: string; stacks: string }> = [
  { name: 'acme', teams: join(ROOT, 'test/fixtures/acme/teams'), stacks: join(ROOT, 'test/fixtures/acme/stacks') },
  ...readdirSync(join(ROOT, 'examples'), { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => ({ name: e.name, teams: join(ROOT, 'examples', e.name, 'teams'), stacks: join(ROOT, 'examples', e.name, 'stacks') })),
];

const onCall = (state: DesiredState): DesiredState => ({ ...state, resources: state.resources.filter((r) => ON_CALL.includes(r.type)) });

function plan(org: Organisation, stack: StackSpec): DesiredState {
  return renderStack(org, { now: NOW, name: stack.name, backend: 'datadog', teams: stack.teams, pagerdutySubdomain: 'example' });
}

describe.each(CASES)('$name', ({ teams, stacks }) => {
  const stack = readStacksDir(stacks).stacks.find((s) => s.backend === 'datadog')!;
  const source = analyse(readTeamsDir(teams), NOW, { stacks: [stack], problems: [] }).organisation!;
  const rendered = plan(source, stack);
  const account = publishDatadogAccount(rendered, source);
  let observed: ObservedState;
  let result: ImportResult;
  let close: () => Promise<void>;

  beforeAll(async () => {
    const server = await serveAccount(datadogAccountHandler(account, { keys: KEYS, throttle: [] }));
    close = server.close;
    const read = await datadogOnCallAdapter.read({ kind: 'api', baseUrl: server.url, headers: KEYS });
    expect(server.violations).toEqual([]);
    observed = datadogOnCallAdapter.observe(read);
    result = datadogOnCallAdapter.importTeams(observed, { phones: true, now: NOW });
  });
  afterAll(() => close?.());

  it('reads back every object the stack created', () => {
    const types = (s: DesiredState) =>
      onCall(s)
        .resources.map((r) => r.type)
        .sort();
    expect(types(observed)).toEqual(types(rendered));
  });

  // Public holidays as off hours (examples/signing) render as whole-day overrides on a schedule whose weekly
  // restrictions leave the daytime out: they come back as the dated holidays of org.yaml, with one finding saying so.
  const holidays = (f: ImportResult['findings'][number]) => f.what === 'public holidays';
  // A squad with no service gets one named after it (modules/migrate/squad-services.ts), and a finding.
  const serviceOfTeam = (f: ImportResult['findings'][number]) => f.what === 'a service for the team’s alerts';

  it('imports into YAML that validates; its only finding is the public holidays read back', () => {
    const analysis = analyse(importedTree(result.teams), NOW, { stacks: [stack], problems: [] });
    expect(analysis.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(result.findings.filter((f) => !holidays(f) && !serviceOfTeam(f)).map((f) => `${f.source.id}: ${f.what}`)).toEqual([]);
    expect(result.findings.filter(holidays)).toHaveLength(source.holidays.offHours ? 1 : 0);
    const calendar = Array.isArray(result.teams.org.holidays) ? undefined : result.teams.org.holidays;
    expect(calendar?.offHours === true).toBe(source.holidays.offHours);
    expect(result.findings.every((f) => f.kind === 'approximated')).toBe(true);
  });

  it('plans no change for the on-call resources against the account', () => {
    const org = analyse(importedTree(result.teams), NOW, { stacks: [stack], problems: [] }).organisation!;
    const renamed = renameObserved(observed, result.links);
    const diff = diffStates(onCall(renamed), onCall(plan(org, stack)));
    expect(planChanges(diff)).toEqual(NO_CHANGE);
    expect(diff.unchanged).toBe(onCall(rendered).resources.length);
    // Holidays as off hours are many overrides: the case is not empty.
    if (source.holidays.offHours) expect(onCall(rendered).resources.filter((r) => r.type === DD.override).length).toBeGreaterThan(20);
  });
});
