/**
 * One page as the operations reports read it, whatever backend it was read from (PagerDuty incidents and their
 * log entries, Opsgenie alerts and their logs, Datadog On-Call pages): the reader of each backend fills it; the
 * reports map it to the organisation (squad, service, alert) and compute their figures from it alone.
 */
import type { Backend } from '../render/desired';

export interface IncidentEscalation {
  /** 1 for the policy's first step. */
  readonly level: number;
  /** Epoch ms when that level was notified. */
  readonly at: number;
  /** E-mails of the people notified at that level. */
  readonly to: readonly string[];
}

export interface IncidentRecord {
  readonly backend: Backend;
  /** The backend's id of the incident, alert or page. */
  readonly id: string;
  readonly title: string;
  /** The backend's name of the service (PagerDuty service; Opsgenie and Datadog: the `service:` tag's value). */
  readonly service?: string;
  /** The backend's name of the team it was routed to. */
  readonly team?: string;
  /** Tags as `key:value` (`alert-id:<id>`, `service:<id>`, `severity:P2`…). */
  readonly tags: readonly string[];
  /** `P1`…`P5` when the backend carries a priority. */
  readonly priority?: string;
  readonly urgency?: 'high' | 'low';
  /** Epoch ms. */
  readonly createdAt: number;
  readonly acknowledgedAt?: number;
  /** E-mail of the person who acknowledged it. */
  readonly acknowledgedBy?: string;
  readonly resolvedAt?: number;
  readonly resolvedBy?: string;
  /** The escalation levels notified, in order of time (a reassignment is a notification at the level it lands on). */
  readonly escalations: readonly IncidentEscalation[];
}
