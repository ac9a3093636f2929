/** The paging history per alert over the recent window, for `alert/noisy` and `alert/late-acknowledgement`. */
import type { AlertPages, PageHistory } from '../checks/page-history';
import type { Organisation } from '../model/types';
import type { Backend } from '../render/desired';
import type { IncidentRecord } from './incident-record';
import { mapIncidents } from './map-incidents';

export function pageHistory(
  org: Organisation,
  backend: Backend,
  records: readonly IncidentRecord[],
  since: number,
  until: number,
): PageHistory {
  const inWindow = records.filter((r) => r.createdAt >= since && r.createdAt < until);
  const alerts = new Map<string, { pages: number; acknowledged: number; measured: number; withinTarget: number; targetMinutes?: number }>();
  for (const i of mapIncidents(org, backend, inWindow, until).incidents) {
    if (i.alert === undefined) continue;
    const row = alerts.get(i.alert) ?? { pages: 0, acknowledged: 0, measured: 0, withinTarget: 0 };
    row.pages++;
    const ack = i.record.acknowledgedAt;
    if (ack !== undefined) row.acknowledged++;
    if (i.targetMinutes !== undefined) {
      row.measured++;
      row.targetMinutes = i.targetMinutes;
      if (ack !== undefined && ack - i.record.createdAt <= i.targetMinutes * 60_000) row.withinTarget++;
    }
    alerts.set(i.alert, row);
  }
  return { backend, since, until, days: org.reports.noisy.days, alerts: alerts as ReadonlyMap<string, AlertPages> };
}
