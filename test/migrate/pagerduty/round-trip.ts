/**
 * The round trip of a PagerDuty stack through an account: render the stack, publish it into an account as the
 * provider would create it (modules/bench/api/pagerduty-publish.ts), serve it on 127.0.0.1 behind PagerDuty's API
 * description (test/fixtures/openapi/pagerduty-import.json), read it back, observe, import, write the YAML, load it
 * and plan the same stack on it.
 */
import { stringify } from 'yaml';
import { pagerdutyAccountHandler } from '../../../modules/bench/api/pagerduty-account';
import { publishPagerDuty } from '../../../modules/bench/api/pagerduty-publish';
import { PAGERDUTY } from '../../../modules/backends/pagerduty/resources';
import type { AccountExport, ImportedTeams, ImportResult, ObservedState } from '../../../modules/migrate/account';
import { importPagerDuty } from '../../../modules/migrate/pagerduty/import-teams';
import { observePagerDuty } from '../../../modules/migrate/pagerduty/observe';
import { readPagerDuty } from '../../../modules/migrate/pagerduty/read';
import { renameObserved } from '../../../modules/migrate/rename';
import type { Organisation } from '../../../modules/model/types';
import { analyse, type Analysis } from '../../../modules/pipeline';
import type { DesiredState } from '../../../modules/render/desired';
import { renderStack } from '../../../modules/render/stack';
import type { SourceTree } from '../../../modules/spec/source';
import type { StackSpec } from '../../../modules/spec/stacks';
import { openApiServer, type Call } from '../../pulumi/openapi-server';

export const IMPORT_SPEC = 'pagerduty-import.json';
export const TOKEN = 'u+read-only-test-key';
const PD_TYPES = new Set(Object.values(PAGERDUTY).map((d) => d.type));

/** The PagerDuty resources of a state (the rest of a stack, monitors and phone lines, is another backend's). */
export function pagerdutyOnly(state: DesiredState): DesiredState {
  return { ...state, resources: state.resources.filter((r) => PD_TYPES.has(r.type)) };
}

/** The imported documents as files of a teams directory, written with the `yaml` package. */
export function importedTree(teams: ImportedTeams): SourceTree {
  const files = new Map<string, string>();
  files.set(
    'org.yaml',
    `# yaml-language-server: $schema=../schemas/org.schema.json\n${stringify(teams.org, { aliasDuplicateObjects: false })}`,
  );
  for (const [id, team] of teams.squads)
    files.set(
      `${id}/team.yaml`,
      `# yaml-language-server: $schema=../../schemas/team.schema.json\n${stringify(team, { aliasDuplicateObjects: false })}`,
    );
  return { root: 'teams', files, oversized: new Map() };
}

/** Serves an account behind the description and reads it back with the adapter's reader. */
export async function serveAndRead(
  account: AccountExport,
  window: { since: number; until: number },
  options: {
    limit?: number;
    throttle?: (n: number, path: string) => number | undefined;
    token?: string;
    sleep?: (ms: number) => Promise<void>;
  } = {},
): Promise<{ read: AccountExport; violations: string[]; calls: Call[] }> {
  const handler = pagerdutyAccountHandler(account, { token: TOKEN, throttle: options.throttle });
  const server = await openApiServer(IMPORT_SPEC, (call) =>
    handler({ method: call.method, path: call.path, query: call.query, headers: call.headers as Record<string, string> }),
  );
  try {
    const read = await readPagerDuty(
      { kind: 'api', baseUrl: server.url, headers: { Authorization: `Token token=${options.token ?? TOKEN}` } },
      { window, limit: options.limit, http: { sleep: options.sleep ?? (async () => {}) } },
    );
    return { read, violations: server.violations, calls: server.calls };
  } catch (error) {
    throw new Error(`${(error as Error).message}; the server saw: ${server.violations.slice(0, 5).join(' | ')}`);
  } finally {
    await server.close();
  }
}

export interface RoundTrip {
  readonly source: Analysis;
  readonly state: DesiredState;
  readonly account: AccountExport;
  readonly violations: readonly string[];
  readonly observed: ObservedState;
  readonly imported: ImportResult;
  readonly tree: SourceTree;
  readonly analysis: Analysis;
  readonly plan: DesiredState;
  readonly renamed: DesiredState;
}

export async function roundTrip(tree: SourceTree, stack: StackSpec, now: number, subdomain: string): Promise<RoundTrip> {
  const source = analyse(tree, now, { stacks: [stack], problems: [] });
  const org = source.organisation as Organisation;
  const settings = { now, name: stack.name, backend: 'pagerduty' as const, teams: stack.teams, pagerdutySubdomain: subdomain };
  const state = pagerdutyOnly(renderStack(org, settings));
  const published = publishPagerDuty(state, org);
  const { read, violations } = await serveAndRead(published, { since: now, until: now + 3 * 366 * 86_400_000 });
  const observed = observePagerDuty(read, { now });
  const imported = importPagerDuty(observed, { phones: true, now });
  const importedFiles = importedTree(imported.teams);
  const analysis = analyse(importedFiles, now, { stacks: [{ ...stack, teams: undefined }], problems: [] });
  const plan = analysis.organisation
    ? pagerdutyOnly(renderStack(analysis.organisation, { ...settings, teams: undefined }))
    : { stack: stack.name, backend: 'pagerduty' as const, resources: [] };
  const renamed = pagerdutyOnly(renameObserved(observed, imported.links));
  return { source, state, account: read, violations, observed, imported, tree: importedFiles, analysis, plan, renamed };
}
