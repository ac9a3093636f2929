/** Datadog monitors for metric, log and service-check alerts. */
import type { Duration, Organisation, QueryMonitorAlert, Threshold } from '../../model/types';
import type { DesiredResource, Value } from '../desired';
import { compact } from '../desired';
import { alertMessage, escalationMessage } from './message';
import { alertName, alertTags, priorityOf } from './naming';

import { DATADOG } from '../../backends/datadog/resources';
export const MONITOR = DATADOG.monitor.type;

/**
 * The look-back of a monitor query, as each kind documents it (DataDog/datadog-api-client-typescript
 * .generator/schemas/v1/openapi.yaml, `CreateMonitor`, "Query Types"): a metric alert takes `last_#m` (1–10080),
 * `last_#h` (1–168), `last_1d` or `last_1w`; a log alert `#m` (1–2880) or `#h` (1–48).
 */
export function datadogWindow(window: Duration, kind: 'metric' | 'log' = 'metric'): string {
  const seconds = window.seconds;
  const hours = seconds / 3600;
  if (kind === 'metric' && seconds === 86400) return '1d';
  if (kind === 'metric' && seconds === 604800) return '1w';
  if (Number.isInteger(hours) && hours <= (kind === 'metric' ? 168 : 48)) return `${hours}h`;
  return `${Math.max(1, Math.round(seconds / 60))}m`;
}

function minutes(d: Duration | undefined): number | undefined {
  return d === undefined ? undefined : Math.round(d.seconds / 60);
}

/** Failing check runs a service-check threshold counts: `>= 3` and `> 2` are both 3. */
export function checkRuns(t: Threshold): number {
  return t.op === '>' ? t.value + 1 : t.value;
}

/** `http.can_connect` → `"http.can_connect".over("*")`; a written `"check".over(…).by(…)` is kept. */
function serviceCheck(query: string): string {
  const q = query.trim();
  return q.startsWith('"') ? q : `"${q}".over("*")`;
}

/**
 * The monitor query: `query` holds what the user writes (a metric query, a log search, a check name), and
 * the window, rollup and comparison are added here. Full Datadog queries in `query` are refused by validate
 * (`alert/query-shape`).
 */
export function monitorQuery(alert: QueryMonitorAlert): string {
  const { critical, warning } = alert.thresholds;
  const comparison = `${critical.op} ${critical.number}`;
  const query = alert.query.trim();
  switch (alert.kind) {
    case 'log':
      return `logs("${query.replace(/"/g, '\\"')}").index("*").rollup("count").last("${datadogWindow(alert.window, 'log')}") ${comparison}`;
    case 'service-check': {
      // `count` must be at least the largest threshold (at most 100): the runs the thresholds count.
      const runs = Math.min(100, Math.max(1, checkRuns(critical), warning ? checkRuns(warning) : 1));
      return `${serviceCheck(query)}.last(${runs}).count_by_status()`;
    }
    case 'metric':
      return `avg(last_${datadogWindow(alert.window)}):${query} ${comparison}`;
  }
}

/** Monitor thresholds: numbers for metric and log alerts; counts of check runs (and `ok`) for service checks. */
function thresholds(alert: QueryMonitorAlert): Record<string, string> {
  const { critical, warning } = alert.thresholds;
  if (alert.kind === 'service-check') {
    // `ok` sent explicitly: the provider reads it back for service checks only, and its API default is not documented.
    return compact({
      critical: String(checkRuns(critical)),
      warning: warning === undefined ? undefined : String(checkRuns(warning)),
      ok: '1',
    });
  }
  return compact({ critical: critical.number, warning: warning?.number });
}

const TYPES = { metric: 'query alert', log: 'log alert', 'service-check': 'service check' } as const;

export function renderMonitor(org: Organisation, alert: QueryMonitorAlert, handle: string | undefined): DesiredResource {
  const noData = minutes(alert.noData);
  const inputs: Record<string, Value> = compact({
    name: alertName(alert),
    type: TYPES[alert.kind],
    query: monitorQuery(alert),
    message: alertMessage(org, alert, handle),
    escalationMessage: escalationMessage(alert),
    priority: priorityOf(alert),
    tags: alertTags(alert),
    monitorThresholds: thresholds(alert),
    notifyNoData: noData !== undefined,
    noDataTimeframe: noData,
    renotifyInterval: minutes(alert.renotify),
    includeTags: true,
    requireFullWindow: false,
  });
  return {
    type: MONITOR,
    name: `${alert.id}-monitor`,
    squad: alert.squad,
    inputs,
    origin: { kind: 'alert', squad: alert.squad, id: alert.id },
  };
}
