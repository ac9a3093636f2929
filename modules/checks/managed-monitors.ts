/**
 * Which monitors of a Datadog export the YAML manages. A monitor is managed when it carries the managed tag
 * (a stack has provisioned it), or when an alert of its squad renders it: the same name — the rendered
 * `[service][squad] title`, or the alert's title alone, as an import writes it before the first `pulumi up`
 * renames the monitor — and a monitor type of the alert's kind (`query alert` or `metric alert` for a metric
 * alert, `log alert`, `service check`, `synthetics alert` for a check, `slo alert` for an SLO's burn rates).
 * The query is not compared: an import may approximate it (its findings say where), and the first `pulumi up`
 * writes the YAML's. The squad is the one the `team:` tag names, by id or else by name.
 */
import type { Alert, Organisation, Squad } from '../model/types';
import { alertName, MANAGED_TAG } from '../render/alerts/naming';
import { BURN_RATES } from '../render/alerts/slo';

export interface MonitorIdentity {
  readonly name: string;
  readonly tags: readonly string[];
  /** Absent in exports that only list names and tags: then the name decides. */
  readonly type?: string;
}

const TYPES: Record<Alert['kind'], readonly string[]> = {
  metric: ['query alert', 'metric alert'],
  log: ['log alert'],
  'service-check': ['service check'],
  'http-check': ['synthetics alert'],
  'multistep-check': ['synthetics alert'],
  slo: ['slo alert'],
};

const squeeze = (s: string) => s.replace(/\s+/g, ' ').trim();
const fold = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');

/** The squad a `team:` tag names: by id, else by name (case, accents and punctuation aside). */
export function squadOfTags(org: Organisation, tags: readonly string[]): { squad?: Squad; team?: string } {
  const team = tags.find((t) => t.startsWith('team:'))?.slice(5);
  if (team === undefined) return {};
  const byId = org.squads.get(team);
  if (byId && !byId.retired) return { squad: byId, team };
  const byName = [...org.squads.values()].find((s) => !s.retired && (fold(s.name) === fold(team) || fold(s.id) === fold(team)));
  return { squad: byName, team };
}

function names(alert: Alert): string[] {
  if (alert.kind === 'slo') return BURN_RATES.map((b) => alertName({ ...alert, title: `${alert.title} (${b.label})` }));
  return [alertName(alert), squeeze(alert.title)];
}

/** Whether `alert` renders monitor `m`. */
export function alertRendersMonitor(alert: Alert, m: MonitorIdentity): boolean {
  if (alert.retired || !names(alert).includes(squeeze(m.name))) return false;
  return m.type === undefined || TYPES[alert.kind].includes(m.type);
}

/** The alert of the monitor's squad that renders it, if any. */
export function alertOfMonitor(org: Organisation, m: MonitorIdentity): Alert | undefined {
  const { squad } = squadOfTags(org, m.tags);
  if (!squad) return undefined;
  for (const alert of squad.alerts.values()) if (alertRendersMonitor(alert, m)) return alert;
  return undefined;
}

export function isManagedMonitor(org: Organisation, m: MonitorIdentity): boolean {
  return m.tags.includes(MANAGED_TAG) || alertOfMonitor(org, m) !== undefined;
}
