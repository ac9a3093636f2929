/** How an alert is named and tagged everywhere: `[<service>][<squad>] <title>`, with its team, service, severity and id. */
import type { Alert } from '../../model/types';

export const MANAGED_TAG = 'managed-by:oncall-as-code';

export function alertName(alert: Alert): string {
  return `[${alert.service}][${alert.squad}] ${alert.title}`;
}

export function alertTags(alert: Alert): string[] {
  const own = alert.tags;
  const fixed = [
    `team:${alert.squad}`,
    `service:${alert.service}`,
    `severity:${alert.severity.toLowerCase()}`,
    `alert-id:${alert.id}`,
    MANAGED_TAG,
  ];
  return [...fixed, ...own.filter((t) => !fixed.includes(t))];
}

/** Datadog priority, "1" (P1) to "5" (P5). */
export function priorityOf(alert: Alert): string {
  return alert.severity.slice(1);
}
