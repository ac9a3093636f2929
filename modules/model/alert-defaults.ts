/** What an alert gets for each field it leaves out: written once, applied by the model (resolve-alerts.ts). */
import { parseDuration, type Duration } from '../core/duration';
import type { HttpMethod, SloObjective } from './alert-types';

function duration(text: string): Duration {
  const d = parseDuration(text);
  if (!d) throw new Error(`default duration \`${text}\` is not a duration`);
  return d;
}

export const ALERT_DEFAULTS = {
  /** Evaluation window of a metric or log alert. */
  window: duration('5m'),
  /** Frequency of a synthetic check. */
  every: duration('5m'),
  /** Where synthetic checks run from (Datadog managed locations). */
  locations: ['aws:eu-west-3', 'aws:eu-central-1'] as readonly string[],
  method: 'GET' as HttpMethod,
  /** The status an HTTP check expects. */
  status: 200,
  sloWindow: '30d' as SloObjective['window'],
} as const;
