/**
 * A fake account adapter for the import command's tests: its "account" is the tests' organisation (acme)
 * rendered on PagerDuty, each resource under a provisional name and an id of the account; its import gives back
 * the organisation's own YAML objects. So an import followed by a plan on the same backend must change nothing,
 * and any input altered in the account must show.
 *
 * The account is rendered from YAML text written by the `yaml` package's own stringify (not by the writer under
 * test), read by the loader.
 */
import { parse, stringify } from 'yaml';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type {
  AccountAdapter,
  AccountExport,
  ImportedTeams,
  ImportResult,
  ObservedResource,
  ObservedState,
} from '../../modules/migrate/account';
import { getJson } from '../../modules/migrate/http';
import { readExportDir } from '../../modules/migrate/export-dir';
import { renameObserved } from '../../modules/migrate/rename';
import { analyse } from '../../modules/pipeline';
import type { DesiredState } from '../../modules/render/desired';
import { renderStack } from '../../modules/render/stack';
import type { AlertsFile, OrgFile, TeamFile } from '../../modules/spec/spec-types.generated';
import type { SourceTree } from '../../modules/spec/source';
import { FIXTURE_DIR } from '../helpers';

export const SQUADS = ['payments', 'platform', 'storefront'];

/** The organisation as an import would give it: alerts whose runbook is a link go to alerts files, the others are left out. */
export function importedTeams(): ImportedTeams {
  const org = parse(readFileSync(join(FIXTURE_DIR, 'org.yaml'), 'utf8')) as OrgFile;
  const squads = new Map<string, TeamFile>();
  const alerts = new Map<string, AlertsFile>();
  for (const squad of SQUADS) {
    const team = parse(readFileSync(join(FIXTURE_DIR, squad, 'team.yaml'), 'utf8')) as TeamFile;
    const linked = Object.entries(team.alerts ?? {}).filter(([, a]) => typeof a.runbook === 'string' && /^https:/.test(a.runbook));
    delete team.alerts;
    squads.set(squad, team);
    if (linked.length > 0) alerts.set(squad, { alerts: Object.fromEntries(linked) } as AlertsFile);
  }
  const comments = new Map([
    ['org.yaml#/people/alice', 'PagerDuty user PALICE1'],
    ['storefront/team.yaml#/rotations', 'From the schedules of the team "Storefront"'],
    ['storefront/team.yaml#/members/0', 'first member'],
  ]);
  return { org, squads, alerts, comments };
}

/** The imported objects as a source tree, through the yaml package's stringify. */
export function treeOf(teams: ImportedTeams): SourceTree {
  const files = new Map<string, string>([['org.yaml', stringify(teams.org)]]);
  for (const [squad, team] of teams.squads) files.set(`${squad}/team.yaml`, stringify(team));
  for (const [squad, a] of teams.alerts) files.set(`${squad}/alerts/imported.yaml`, stringify(a));
  return { root: 'fake', files, oversized: new Map() };
}

/** The planned state of the PagerDuty stack of these teams. */
export function plannedState(teams: ImportedTeams, now: number): DesiredState {
  const { organisation, problems } = analyse(treeOf(teams), now);
  if (!organisation) throw new Error(`the fake organisation does not load: ${problems.map((p) => p.message).join('; ')}`);
  return renderStack(organisation, { name: 'acme-pagerduty', backend: 'pagerduty', pagerdutySubdomain: 'acme', now });
}

const provisional = (type: string, i: number) => `${type.split(':').pop()?.toLowerCase()}/${idOf(i)}`;
const idOf = (i: number) => `PX${String(i).padStart(5, '0')}`;

/** The account: the planned resources under provisional names and ids (their references following them). */
export function accountOf(planned: DesiredState): { export: AccountExport; links: Array<{ observed: string; planned: string }> } {
  const links = planned.resources.map((r, i) => ({ observed: provisional(r.type, i), planned: r.name }));
  const toProvisional = links.map((l) => ({ observed: l.planned, planned: l.observed }));
  const renamed = renameObserved(
    {
      ...planned,
      resources: planned.resources.map((r, i) => ({
        ...r,
        id: idOf(i),
        from: { backend: 'pagerduty', type: r.type.split(':').pop() ?? r.type, id: idOf(i), name: r.name },
      })),
    },
    toProvisional,
  );
  const resources = renamed.resources.map(({ origin: _origin, ...r }) => r);
  return { export: { backend: 'pagerduty', endpoints: new Map([['resources', resources]]) }, links };
}

export const FAKE_KEY_VARIABLE = 'FAKE_PAGERDUTY_TOKEN';

/** `edit` changes the YAML the import gives (not the account). */
export function fakeAdapter(
  now: number,
  findings: ImportResult['findings'] = [],
  edit?: (teams: ImportedTeams) => ImportedTeams,
): AccountAdapter {
  const imported = importedTeams();
  const { links } = accountOf(plannedState(imported, now));
  const teams = edit ? edit(imported) : imported;
  return {
    backend: 'pagerduty',
    command: 'pagerduty',
    defaultBaseUrl: 'https://api.pagerduty.com',
    headersFromEnv: (env) => {
      const key = env[FAKE_KEY_VARIABLE];
      return key === undefined || key === '' ? { missing: [FAKE_KEY_VARIABLE] } : { headers: { Authorization: `Token token=${key}` } };
    },
    read: async (source) => {
      if (source.kind === 'dir') return readExportDir('pagerduty', source.dir);
      const resources = (await getJson(`${source.baseUrl}/resources`, { headers: source.headers })) as unknown[];
      return { backend: 'pagerduty', endpoints: new Map([['resources', resources]]) };
    },
    observe: (account): ObservedState => ({
      stack: 'account',
      backend: 'pagerduty',
      resources: (account.endpoints.get('resources') ?? []) as ObservedResource[],
    }),
    importTeams: () => ({ teams, links, findings }),
  };
}
