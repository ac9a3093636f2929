/** Datadog monitors for metric, log and service-check alerts. */
import type { Alert, Organisation } from '../../model/types';
import { parseDuration } from '../../core/duration';
import type { DesiredResource, Value } from '../desired';
import { compact } from '../desired';
import { alertMessage, escalationMessage } from './message';
import { alertName, alertTags, priorityOf } from './naming';
import { parseThreshold } from './thresholds';

export const MONITOR = 'datadog:index/monitor:Monitor';

/** `5m` → `5m`, `90m` → `90m`, `1h` → `1h`, `1d` → `1d`: Datadog's `last_<window>`. */
export function datadogWindow(text: string | undefined): string {
  const seconds = parseDuration(text ?? '5m')?.seconds ?? 300;
  if (seconds % 86400 === 0) return `${seconds / 86400}d`;
  if (seconds % 3600 === 0) return `${seconds / 3600}h`;
  return `${Math.max(1, Math.round(seconds / 60))}m`;
}

function minutes(text: string | undefined): number | undefined {
  const s = text === undefined ? undefined : parseDuration(text)?.seconds;
  return s === undefined ? undefined : Math.round(s / 60);
}

export function monitorQuery(alert: Alert): string {
  const spec = alert.spec;
  const critical = parseThreshold(spec.thresholds?.critical ?? '> 0');
  const comparison = `${critical?.op ?? '>'} ${critical?.text ?? '0'}`;
  const window = datadogWindow(spec.window);
  switch (alert.kind) {
    case 'log':
      return `logs("${(spec.query ?? '').replace(/"/g, '\\"')}").index("*").rollup("count").last("${window}") ${comparison}`;
    case 'service-check':
      return spec.query ?? '';
    default:
      return `avg(last_${window}):${spec.query ?? ''} ${comparison}`;
  }
}

const TYPES = { metric: 'query alert', log: 'log alert', 'service-check': 'service check' } as const;

export function renderMonitor(org: Organisation, alert: Alert, handle: string | undefined): DesiredResource {
  const spec = alert.spec;
  const critical = parseThreshold(spec.thresholds?.critical ?? '');
  const warning = spec.thresholds?.warning ? parseThreshold(spec.thresholds.warning) : undefined;
  const noData = minutes(spec.noData);
  const inputs: Record<string, Value> = compact({
    name: alertName(alert),
    type: TYPES[alert.kind as keyof typeof TYPES],
    query: monitorQuery(alert),
    message: alertMessage(org, alert, handle),
    escalationMessage: escalationMessage(alert),
    priority: priorityOf(alert),
    tags: alertTags(alert),
    monitorThresholds: compact({ critical: critical?.text, warning: warning?.text }),
    notifyNoData: noData !== undefined,
    noDataTimeframe: noData,
    renotifyInterval: minutes(spec.renotify),
    includeTags: true,
    requireFullWindow: false,
  });
  return { type: MONITOR, name: `${alert.id}-monitor`, squad: alert.team, inputs, origin: { kind: 'alert', squad: alert.team, id: alert.id } };
}
