/**
 * An alert as every later layer reads it: one variant per kind, holding only that kind's fields, with every
 * default applied and every duration and threshold parsed (model/alert-defaults.ts, model/resolve-alerts.ts).
 */
import type { Duration } from '../core/duration';
import type { ReadinessCheckName } from '../core/readiness-checks';
import type { Severity } from '../spec/types';
import type { Runbook, Source } from './types';

export type { Duration };

/** `> 5`, `<= 0.99`: a comparison and a number. */
export interface Threshold {
  readonly op: '>' | '>=' | '<' | '<=';
  readonly value: number;
  /** The number as written (`0.990`), for outputs that must not reformat it. */
  readonly number: string;
  /** The threshold as written (`> 5`). */
  readonly text: string;
}

export interface Thresholds {
  readonly critical: Threshold;
  readonly warning?: Threshold;
}

/** A readiness finding accepted for this alert until a date. */
export interface Silence {
  readonly check: ReadinessCheckName;
  readonly reason: string;
  /** ISO date, the last day it is silenced. */
  readonly until: string;
}

/** What every kind of alert has. */
export interface AlertCommon {
  readonly id: string;
  readonly squad: string;
  readonly service: string;
  readonly title: string;
  readonly severity: Severity;
  /** As written (not trimmed). */
  readonly description?: string;
  /** Whether it pages a person: explicit, or by severity. */
  readonly page: boolean;
  /** Escalation policy id of the squad, when the alert names one. */
  readonly escalation?: string;
  readonly runbook?: Runbook;
  readonly dashboards: readonly string[];
  /** Extra tags as written; the renderers add the team, service, severity and id tags. */
  readonly tags: readonly string[];
  /** Extra notification handles (`@slack-storefront`). */
  readonly notify: readonly string[];
  /** Renotify while unresolved. */
  readonly renotify?: Duration;
  readonly silences: readonly Silence[];
  readonly retired: boolean;
  readonly source: Source;
}

interface QueryAlert extends AlertCommon {
  /** What the user writes: a metric query, a log search or a check name (see `alert/query-shape`). */
  readonly query: string;
  readonly thresholds: Thresholds;
  /** Alert when there is no data for this long. */
  readonly noData?: Duration;
}

export interface MetricAlert extends QueryAlert {
  readonly kind: 'metric';
  readonly window: Duration;
}

export interface LogAlert extends QueryAlert {
  readonly kind: 'log';
  /** 48 hours at most. */
  readonly window: Duration;
}

/** Counts failing check runs (`thresholds`), not time: no window. */
export interface ServiceCheckAlert extends QueryAlert {
  readonly kind: 'service-check';
}

export type HttpMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'OPTIONS';

export interface HttpRequest {
  readonly method: HttpMethod;
  readonly url: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
}

export interface HttpExpectation {
  readonly status: number;
  readonly bodyContains?: string;
  readonly maxResponseTime?: Duration;
}

interface CheckAlert extends AlertCommon {
  /** Check frequency. */
  readonly every: Duration;
  /** Backend location names the checks run from. */
  readonly locations: readonly string[];
}

export interface HttpCheckAlert extends CheckAlert {
  readonly kind: 'http-check';
  readonly request: HttpRequest;
  readonly expect: HttpExpectation;
}

export interface JourneyStep {
  readonly name: string;
  readonly request: HttpRequest;
  readonly expect: HttpExpectation;
  /** Variables taken from the JSON response for later steps, by name. */
  readonly extract?: Readonly<Record<string, string>>;
}

export interface MultistepCheckAlert extends CheckAlert {
  readonly kind: 'multistep-check';
  readonly steps: readonly JourneyStep[];
}

export interface SloObjective {
  /** Percent, e.g. 99.9. */
  readonly target: number;
  readonly window: '7d' | '30d' | '90d';
  /** Query counting good events. */
  readonly good: string;
  /** Query counting all events. */
  readonly total: string;
}

export interface SloAlert extends AlertCommon {
  readonly kind: 'slo';
  readonly slo: SloObjective;
}

export type Alert = MetricAlert | LogAlert | ServiceCheckAlert | HttpCheckAlert | MultistepCheckAlert | SloAlert;
/** Alerts rendered as query monitors. */
export type QueryMonitorAlert = MetricAlert | LogAlert | ServiceCheckAlert;
/** Alerts rendered as synthetic checks. */
export type SyntheticCheckAlert = HttpCheckAlert | MultistepCheckAlert;

export function isQueryMonitor(alert: Alert): alert is QueryMonitorAlert {
  return alert.kind === 'metric' || alert.kind === 'log' || alert.kind === 'service-check';
}
