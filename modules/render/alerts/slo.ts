/**
 * SLOs: the objective, and two burn-rate alerts as in the SRE workbook — a fast burn (14.4× over 1 hour,
 * confirmed over 5 minutes: 2% of a 30-day budget in an hour) and a slow burn (6× over 6 hours, confirmed
 * over 30 minutes: 5% in six hours). Both page the squad.
 */
import type { Organisation, SloAlert } from '../../model/types';
import type { DesiredResource } from '../desired';
import { concat, ref } from '../desired';
import { alertMessage } from './message';
import { alertName, alertTags, priorityOf } from './naming';
import { MONITOR } from './monitors';

import { DATADOG } from '../../backends/datadog/resources';
export const SLO = DATADOG.slo.type;

export const BURN_RATES = [
  { id: 'fast-burn', label: 'fast burn', long: '1h', short: '5m', rate: 14.4 },
  { id: 'slow-burn', label: 'slow burn', long: '6h', short: '30m', rate: 6 },
] as const;

export function renderSlo(org: Organisation, alert: SloAlert, handle: string | undefined): DesiredResource[] {
  const { slo } = alert;
  const window = slo.window;
  const sloName = `${alert.id}-slo`;
  const out: DesiredResource[] = [
    {
      type: SLO,
      name: sloName,
      squad: alert.squad,
      origin: { kind: 'alert', squad: alert.squad, id: alert.id },
      inputs: {
        name: alertName(alert),
        type: 'metric',
        description: alert.description ?? `${alert.title}: ${slo.target}% over ${window}.`,
        query: { numerator: slo.good, denominator: slo.total },
        thresholds: [{ timeframe: window, target: slo.target }],
        tags: alertTags(alert),
      },
    },
  ];
  for (const burn of BURN_RATES) {
    const named = { ...alert, title: `${alert.title} (${burn.label})` };
    out.push({
      type: MONITOR,
      name: `${alert.id}-${burn.id}-monitor`,
      squad: alert.squad,
      origin: { kind: 'alert', squad: alert.squad, id: alert.id },
      inputs: {
        name: alertName(named),
        type: 'slo alert',
        query: concat(
          'burn_rate("',
          ref(sloName),
          `").over("${window}").long_window("${burn.long}").short_window("${burn.short}") > ${burn.rate}`,
        ),
        message: alertMessage(org, named, handle),
        priority: priorityOf(alert),
        tags: [...alertTags(alert), `burn-rate:${burn.id}`],
        monitorThresholds: { critical: String(burn.rate) },
      },
    });
  }
  return out;
}
