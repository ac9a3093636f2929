/**
 * `oncall import datadog-monitors`: the monitors and synthetic tests of a Datadog account into the alert files
 * of an existing organisation's squads (by `team:` tag), with the findings (what the YAML cannot say), the
 * account in the provider's input form, and the links from each observed object to the resource the imported
 * alert renders (for the bulk-import file).
 */
import { alertOfMonitor } from '../../checks/managed-monitors';
import type { Organisation } from '../../model/types';
import type { AlertsFile } from '../../spec/spec-types.generated';
import type { AccountExport, ImportFinding, ImportLink, ObservedState } from '../account';
import { IdScope } from '../ids';
import { apiTestKey, MONITORS_KEY, TESTS_KEY, type ApiMonitor, type ApiSyntheticsTest } from './api-types';
import type { AlertDraft, ImportOptions } from './draft';
import { monitorAlert } from './monitor';
import { observeMonitors } from './observe';
import { syntheticAlert } from './synthetic';

/** The file each squad's imported alerts are written to, under `<squad>/`. */
export const IMPORTED_ALERTS_FILE = 'alerts/imported-datadog.yaml';

export interface MonitorsImport {
  /** By squad id: the alerts of `<squad>/alerts/imported-datadog.yaml`. */
  readonly alerts: ReadonlyMap<string, AlertsFile>;
  /** Comments above keys: `<squad>/alerts/imported-datadog.yaml#/alerts/<id>` → text. */
  readonly comments: ReadonlyMap<string, string>;
  readonly links: readonly ImportLink[];
  readonly findings: readonly ImportFinding[];
  readonly observed: ObservedState;
  /** Monitors and tests read, those imported, and those already in the YAML (left as they are). */
  readonly counts: { readonly monitors: number; readonly tests: number; readonly imported: number; readonly alreadyInYaml: number };
}

function list<T>(account: AccountExport, key: string): T[] {
  return [...((account.endpoints.get(key) ?? []) as T[])];
}

const byId = (a: { id: number }, b: { id: number }) => a.id - b.id;

export function importDatadogMonitors(account: AccountExport, org: Organisation, options: ImportOptions = {}): MonitorsImport {
  const monitors = list<ApiMonitor>(account, MONITORS_KEY).sort(byId);
  const tests = list<ApiSyntheticsTest>(account, TESTS_KEY).sort((a, b) =>
    a.public_id < b.public_id ? -1 : a.public_id > b.public_id ? 1 : 0,
  );
  const details = new Map<string, ApiSyntheticsTest>();
  for (const t of tests) {
    const d = account.endpoints.get(apiTestKey(t.public_id))?.[0] as ApiSyntheticsTest | undefined;
    if (d) details.set(t.public_id, d);
  }
  const testIds = new Set(tests.map((t) => t.public_id));
  const findings: ImportFinding[] = [];
  const drafts: AlertDraft[] = [];
  let alreadyInYaml = 0;
  // Alerts written by an earlier import are replaced: their ids are free again, and their monitors imported anew.
  const earlier = (file: string) => file.endsWith(`/${IMPORTED_ALERTS_FILE}`);
  const scope = new IdScope('alert');
  for (const squad of org.squads.values()) for (const a of squad.alerts.values()) if (!earlier(a.source.file)) scope.reserve(a.id);
  const inYaml = (m: { name: string; tags: readonly string[]; type?: string }) => {
    const alert = alertOfMonitor(org, m);
    return alert !== undefined && !earlier(alert.source.file);
  };
  for (const m of monitors) {
    if (m.type === 'synthetics alert') {
      const check = m.options?.synthetics_check_id;
      if (check && testIds.has(check)) continue;
    }
    if (inYaml({ name: m.name ?? '', tags: m.tags ?? [], type: m.type })) {
      alreadyInYaml++;
      continue;
    }
    const c = monitorAlert(org, m, options);
    findings.push(...c.findings);
    if (c.draft) drafts.push(c.draft);
  }
  for (const t of tests) {
    if (inYaml({ name: t.name ?? '', tags: t.tags ?? [], type: 'synthetics alert' })) {
      alreadyInYaml++;
      continue;
    }
    const c = syntheticAlert(org, t, details.get(t.public_id), options);
    findings.push(...c.findings);
    if (c.draft) drafts.push(c.draft);
  }
  // Ids: an `alert-id:` tag when free (a monitor this project rendered keeps its name), else one from the title.
  const ids = new Map<AlertDraft, string>();
  for (const d of drafts) {
    const wanted = d.wantedId;
    if (wanted !== undefined && /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(wanted) && wanted.length <= 63 && scope.take(wanted) === wanted)
      ids.set(d, wanted);
  }
  for (const d of drafts) if (!ids.has(d)) ids.set(d, scope.take(d.alert.title).slice(0, 63).replace(/-+$/, ''));
  const alerts = new Map<string, { alerts: Record<string, AlertsFile['alerts'][string]> }>();
  const comments = new Map<string, string>();
  const links: ImportLink[] = [];
  for (const d of drafts) {
    const id = ids.get(d) ?? '';
    const file = alerts.get(d.squad) ?? { alerts: {} };
    file.alerts[id] = d.alert;
    alerts.set(d.squad, file);
    const approximated = findings.filter((f) => f.source === d.source).map((f) => `${f.what}: ${f.why}`);
    comments.set(
      `${d.squad}/${IMPORTED_ALERTS_FILE}#/alerts/${id}`,
      [`from Datadog ${d.source.type} ${d.source.id}`, ...approximated.map((a) => `not as in Datadog: ${a}`)].join('\n'),
    );
    links.push({ observed: `${d.source.type === 'monitor' ? 'monitor' : 'synthetics'}/${d.source.id}`, planned: `${id}${d.suffix}` });
  }
  const sorted = new Map([...alerts].sort(([a], [b]) => (a < b ? -1 : 1)));
  return {
    alerts: sorted,
    comments,
    links,
    findings,
    observed: observeMonitors(monitors, tests, details),
    counts: { monitors: monitors.length, tests: tests.length, imported: drafts.length, alreadyInYaml },
  };
}
