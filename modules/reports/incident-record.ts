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
  /**
   * The `service:` tag's value (the YAML service id) when the page carries it, as every monitor rendered from the
   * YAML does; otherwise the backend's name of the service (PagerDuty's service, Datadog's first service).
   */
  readonly service?: string;
  /** The `team:` tag's value (the squad id) when the page carries it; otherwise the backend's name of the team paged. */
  readonly team?: string;
  /** Tags as `key:value` (`alert-id:<id>`, `service:<id>`, `severity:P2`…). */
  readonly tags: readonly string[];
  /** `P1`…`P5` when the backend carries a priority (Datadog: from the `severity:` tag, a page has none). */
  readonly priority?: string;
  /** Absent from Opsgenie, which has no urgency. */
  readonly urgency?: 'high' | 'low';
  /** Epoch ms. */
  readonly createdAt: number;
  readonly acknowledgedAt?: number;
  /** E-mail of the person who acknowledged it (Datadog does not say). */
  readonly acknowledgedBy?: string;
  readonly resolvedAt?: number;
  /** Absent when the monitor's recovery resolved it, not a person. */
  readonly resolvedBy?: string;
  /**
   * The escalation levels notified, in order of time (a reassignment is a notification at the level it lands on).
   * Empty from Datadog, which documents no timeline of a page.
   */
  readonly escalations: readonly IncidentEscalation[];
}
