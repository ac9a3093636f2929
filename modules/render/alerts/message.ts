/**
 * The message of a monitor or check: what happened and why it matters, the runbook, dashboards, then the
 * handles. The paging handle is in both the alert and the recovery parts, so pages resolve by themselves.
 */
import { isQueryMonitor, type Alert, type Organisation } from '../../model/types';
import { alertName } from './naming';

export function runbookLink(org: Organisation, alert: Alert): string | undefined {
  const rb = alert.runbook;
  if (!rb) return undefined;
  if (rb.kind === 'url') return rb.url;
  return org.readiness.runbookBaseUrl ? `${org.readiness.runbookBaseUrl}${rb.path}` : `teams/${rb.path}`;
}

export function alertMessage(org: Organisation, alert: Alert, pagingHandle: string | undefined): string {
  const lines = [`**${alertName(alert)}** (${alert.severity})`];
  if (alert.description) lines.push('', alert.description.trim());
  const runbook = runbookLink(org, alert);
  lines.push('', runbook ? `Runbook: ${runbook}` : 'No runbook yet: see the squad.');
  for (const d of alert.dashboards) lines.push(`Dashboard: ${d}`);
  const others = alert.notify.join(' ');
  const paging = [pagingHandle, others].filter(Boolean).join(' ');
  if (paging) {
    lines.push('', `{{#is_alert}}${paging}{{/is_alert}}`);
    if (isQueryMonitor(alert) && alert.thresholds.warning && others) lines.push(`{{#is_warning}}${others}{{/is_warning}}`);
    lines.push(`{{#is_recovery}}${paging}{{/is_recovery}}`);
  }
  return lines.join('\n');
}

export function escalationMessage(alert: Alert): string | undefined {
  if (!alert.renotify) return undefined;
  return `Still unresolved after ${alert.renotify.text}: ${alertName(alert)}. Follow the runbook's escalation.`;
}
