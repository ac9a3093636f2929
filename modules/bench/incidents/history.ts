/**
 * A generated incident history: the truth every backend's reading must give back. Each incident is the record
 * the reports read (without the backend's id) and the timeline the backends' APIs tell it with.
 */
import type { IncidentRecord } from '../../reports/incident-record';

/** What happened to an incident, in order of time. E-mails, not ids: each backend gives its users its own ids. */
export type TimelineEvent =
  | { readonly kind: 'trigger'; readonly at: number }
  /** The policy notified a level: the first at the trigger, the next ones when nobody acknowledged in time. */
  | { readonly kind: 'notify'; readonly at: number; readonly level: number; readonly to: readonly string[] }
  /** A person handed the incident to someone else, at the level it had reached. */
  | { readonly kind: 'reassign'; readonly at: number; readonly level: number; readonly by: string; readonly to: string }
  | { readonly kind: 'acknowledge'; readonly at: number; readonly by: string }
  /** `by` absent: resolved by the monitor's recovery, not a person. */
  | { readonly kind: 'resolve'; readonly at: number; readonly by?: string };

export type NeutralRecord = Omit<IncidentRecord, 'backend' | 'id'>;

export interface GeneratedIncident {
  /** Stable key of the incident in the history (`inc-0001`), in order of creation; the backends derive ids from it. */
  readonly key: string;
  readonly number: number;
  readonly squad: string;
  readonly service: string;
  readonly alert: string;
  /** Id of the squad's escalation policy that paged. */
  readonly escalation: string;
  /** Zone of the rotation that was on call: where the people paged live the incident. */
  readonly zone: string;
  readonly record: NeutralRecord;
  readonly timeline: readonly TimelineEvent[];
}

export interface HistoryPerson {
  readonly id: string;
  readonly name: string;
  readonly email: string;
  readonly timezone: string;
}

export interface IncidentHistory {
  /** Epoch ms, half-open [since, until): when the incidents were created. */
  readonly since: number;
  readonly until: number;
  readonly people: readonly HistoryPerson[];
  readonly squads: readonly { readonly id: string; readonly name: string }[];
  readonly services: readonly { readonly id: string; readonly name: string; readonly squad: string }[];
  readonly incidents: readonly GeneratedIncident[];
}
