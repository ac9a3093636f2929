/**
 * The round trip of the monitors import: an organisation's Datadog monitors and synthetic tests, rendered,
 * published as the provider creates them (modules/bench/api/datadog-monitors-publish.ts), imported back into the
 * organisation with its alerts removed.
 */
import { isMap, parseDocument } from 'yaml';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATADOG } from '../../../modules/backends/datadog/resources';
import { publishMonitors } from '../../../modules/bench/api/datadog-monitors-publish';
import { apiTestKey, MONITORS_KEY, TESTS_KEY } from '../../../modules/migrate/datadog-monitors/api-types';
import { IMPORTED_ALERTS_FILE, importDatadogMonitors, type MonitorsImport } from '../../../modules/migrate/datadog-monitors/import';
import { alertsYaml } from '../../../modules/migrate/datadog-monitors/write';
import { readMonitorsAccount } from '../../../modules/migrate/datadog-monitors/read';
import type { AccountExport } from '../../../modules/migrate/account';
import { loadOrganisation } from '../../../modules/model/load';
import type { Organisation } from '../../../modules/model/types';
import type { Backend, DesiredResource } from '../../../modules/render/desired';
import { renderStack } from '../../../modules/render/stack';
import { readTeamsDir } from '../../../modules/spec/read-dir';
import type { SourceTree } from '../../../modules/spec/source';
import { fixtureTree, NOW, ROOT, withFiles } from '../../helpers';

/** Alerts of kinds and fields the organisations leave out, added to the storefront squad of acme. */
const MORE_ALERTS = readFileSync(join(__dirname, 'more-alerts.yaml'), 'utf8');

export const ORGANISATIONS: ReadonlyArray<{ readonly name: string; readonly tree: () => SourceTree }> = [
  { name: 'acme', tree: fixtureTree },
  { name: 'acme with more alerts', tree: () => withFiles({ 'storefront/alerts/more.yaml': MORE_ALERTS }) },
  ...['bookshop', 'signing', 'sre-team', 'managed-services'].map((name) => ({
    name,
    tree: () => ({ ...readTeamsDir(join(ROOT, 'examples', name, 'teams')), root: 'teams' }),
  })),
];

export function organisationOf(tree: SourceTree): Organisation {
  const result = loadOrganisation(tree);
  const errors = result.problems.filter((p) => p.severity === 'error');
  if (errors.length > 0 || !result.organisation)
    throw new Error(errors.map((p) => `${p.file}:${p.line} ${p.code} ${p.message}`).join('\n'));
  return result.organisation;
}

const ALERT_TYPES = new Set<string>([DATADOG.monitor.type, DATADOG.synthetics.type]);

/** The monitors and synthetic tests the organisation renders on a stack of `backend` (SLOs and their burn rates aside). */
export function renderedAlerts(org: Organisation, backend: Backend): DesiredResource[] {
  const slo = new Set([...org.squads.values()].flatMap((s) => [...s.alerts.values()].filter((a) => a.kind === 'slo').map((a) => a.id)));
  return renderStack(org, { name: 'round-trip', backend, now: NOW }).resources.filter(
    (r) => ALERT_TYPES.has(r.type) && !(r.origin && slo.has(r.origin.id)),
  );
}

/** The account as an export: the monitors' list, the tests' list (without steps) and each API test. */
export function accountOf(resources: readonly DesiredResource[]): AccountExport {
  const published = publishMonitors(resources);
  const endpoints = new Map<string, unknown[]>([
    [MONITORS_KEY, published.monitors],
    [TESTS_KEY, published.tests.map((t) => (t.config?.steps ? { ...t, config: { ...t.config, steps: undefined } } : t))],
  ]);
  for (const t of published.tests) endpoints.set(apiTestKey(t.public_id), [t]);
  return { backend: 'datadog', endpoints };
}

/** The tree without any alert: `alerts` left out of each team.yaml, alert files removed. */
export function withoutAlerts(tree: SourceTree): SourceTree {
  const files = new Map<string, string>();
  for (const [rel, text] of tree.files) {
    if (/^[^/]+\/alerts\/[^/]+\.yaml$/.test(rel)) continue;
    if (rel.endsWith('/team.yaml')) {
      const doc = parseDocument(text);
      if (isMap(doc.contents) && doc.has('alerts')) {
        doc.delete('alerts');
        files.set(rel, doc.toString());
        continue;
      }
    }
    files.set(rel, text);
  }
  return { ...tree, files };
}

/** The tree with the imported alert files written in. */
export function withImported(tree: SourceTree, result: MonitorsImport): SourceTree {
  const files = new Map(tree.files);
  for (const [squad, file] of result.alerts) files.set(`${squad}/${IMPORTED_ALERTS_FILE}`, alertsYaml(squad, file, result.comments));
  return { ...tree, files };
}

export function roundTrip(tree: SourceTree, backend: Backend) {
  const before = renderedAlerts(organisationOf(tree), backend);
  const account = accountOf(before);
  const bare = withoutAlerts(tree);
  const result = importDatadogMonitors(account, organisationOf(bare), { runbookExists: (path) => bare.files.has(path) });
  const imported = withImported(bare, result);
  const after = renderedAlerts(organisationOf(imported), backend);
  return { before, account, result, imported, after };
}

/** The hand-written export of test/migrate/datadog-monitors/export/. */
export async function exportedAccount(): Promise<AccountExport> {
  return readMonitorsAccount({ kind: 'dir', dir: join(__dirname, 'export') });
}
