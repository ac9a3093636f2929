/**
 * Which monitors of a Datadog export the YAML manages. A monitor is managed when it carries the managed tag
 * (the stack has provisioned it), or when an alert of its squad (`team:` tag) renders it: same name — the
 * rendered `[service][squad] title`, or the alert's title as an import writes it, before the first `pulumi up`
 * renames the monitor — and, for query monitors, the same query as rendered. A synthetic test's monitor
 * matches a check alert by name; an SLO's burn-rate monitor matches its SLO alert by name.
 */
import { isQueryMonitor, type Alert, type Organisation } from '../model/types';
import { monitorQuery } from '../render/alerts/monitors';
import { alertName, MANAGED_TAG } from '../render/alerts/naming';
import { BURN_RATES } from '../render/alerts/slo';

export interface MonitorIdentity {
  readonly name: string;
  readonly tags: readonly string[];
  /** Absent in exports that only list names and tags: then the name decides. */
  readonly type?: string;
  readonly query?: string;
}

const squeeze = (s: string) => s.replace(/\s+/g, ' ').trim();

function names(alert: Alert): string[] {
  if (alert.kind === 'slo') return BURN_RATES.map((b) => alertName({ ...alert, title: `${alert.title} (${b.label})` }));
  return [alertName(alert), squeeze(alert.title)];
}

/** Whether `alert` renders monitor `m` (name and, for query monitors, query). */
export function alertRendersMonitor(alert: Alert, m: MonitorIdentity): boolean {
  if (alert.retired || !names(alert).includes(squeeze(m.name))) return false;
  if (m.type === undefined || m.query === undefined) return true;
  if (isQueryMonitor(alert)) return squeeze(monitorQuery(alert)) === squeeze(m.query);
  if (alert.kind === 'slo') return m.type === 'slo alert';
  return m.type === 'synthetics alert';
}

/** The alert of the monitor's squad that renders it, if any. */
export function alertOfMonitor(org: Organisation, m: MonitorIdentity): Alert | undefined {
  const squad = m.tags.find((t) => t.startsWith('team:'))?.slice(5);
  const team = squad === undefined ? undefined : org.squads.get(squad);
  if (!team || team.retired) return undefined;
  for (const alert of team.alerts.values()) if (alertRendersMonitor(alert, m)) return alert;
  return undefined;
}

export function isManagedMonitor(org: Organisation, m: MonitorIdentity): boolean {
  return m.tags.includes(MANAGED_TAG) || alertOfMonitor(org, m) !== undefined;
}
