/**
 * The fields of each kind of alert: which YAML keys apply to it, and its variant of the model with the
 * defaults applied (alert-defaults.ts) and thresholds and durations parsed.
 */
import type { Duration } from '../core/duration';
import type { AlertKind, AlertSpec, ExpectSpec, RequestSpec } from '../spec/types';
import { ALERT_KIND_FIELDS } from '../spec/schema/alert';
import { ALERT_DEFAULTS } from './alert-defaults';
import type { Alert, AlertCommon, HttpExpectation, HttpRequest, JourneyStep, Thresholds } from './alert-types';
import { parseThreshold } from './thresholds';

/**
 * Fields that only make sense for some kinds; anything else set on an alert of another kind is an error. The
 * schema's table (spec/schema/alert.ts), which the editor schema's `if`/`then` reads too: written once.
 */
export const KIND_FIELDS = ALERT_KIND_FIELDS as Readonly<Record<AlertKind, ReadonlyArray<keyof AlertSpec>>>;
export const ALERT_KINDS = Object.keys(KIND_FIELDS) as AlertKind[];
export const KIND_SPECIFIC = new Set(Object.values(KIND_FIELDS).flat());

/** The alert's durations, parsed and checked where they are written (undefined: absent or reported). */
export interface AlertDurations {
  readonly window?: Duration;
  readonly every?: Duration;
  readonly renotify?: Duration;
  readonly noData?: Duration;
  /** `expect.maxResponseTime` of an http-check. */
  readonly maxResponseTime?: Duration;
  /** `expect.maxResponseTime` of each step of a multistep-check. */
  readonly steps: Array<Duration | undefined>;
}

/** Each variant without the fields every kind shares (the caller sets those). */
export type KindFields = Alert extends infer A ? (A extends Alert ? Omit<A, keyof AlertCommon> : never) : never;

function thresholds(spec: AlertSpec): Thresholds | undefined {
  if (!spec.thresholds) return undefined;
  const critical = parseThreshold(spec.thresholds.critical);
  const warning = spec.thresholds.warning === undefined ? undefined : parseThreshold(spec.thresholds.warning);
  if (!critical || (spec.thresholds.warning !== undefined && !warning)) return undefined;
  return { critical, warning };
}

function request(r: RequestSpec): HttpRequest {
  return { method: r.method ?? ALERT_DEFAULTS.method, url: r.url, headers: r.headers, body: r.body };
}

function expectation(e: ExpectSpec | undefined, maxResponseTime: Duration | undefined): HttpExpectation {
  return { status: e?.status ?? ALERT_DEFAULTS.status, bodyContains: e?.bodyContains, maxResponseTime };
}

/**
 * The kind's own fields, defaults applied; undefined when a field the kind requires is missing or does not
 * parse (the schema requires and checks them, so it has reported it).
 */
export function kindFields(spec: AlertSpec, d: AlertDurations): KindFields | undefined {
  const checks = { every: d.every ?? ALERT_DEFAULTS.every, locations: spec.locations ?? ALERT_DEFAULTS.locations };
  switch (spec.kind) {
    case 'metric':
    case 'log':
    case 'service-check': {
      const t = thresholds(spec);
      if (spec.query === undefined || !t) return undefined;
      const query = { query: spec.query, thresholds: t, noData: d.noData };
      return spec.kind === 'service-check'
        ? { kind: spec.kind, ...query }
        : { kind: spec.kind, ...query, window: d.window ?? ALERT_DEFAULTS.window };
    }
    case 'http-check':
      if (!spec.request) return undefined;
      return { kind: 'http-check', ...checks, request: request(spec.request), expect: expectation(spec.expect, d.maxResponseTime) };
    case 'multistep-check': {
      if (!spec.steps) return undefined;
      const steps = spec.steps.map(
        (s, i): JourneyStep => ({
          name: s.name,
          request: request(s.request),
          expect: expectation(s.expect, d.steps[i]),
          extract: s.extract,
        }),
      );
      return { kind: 'multistep-check', ...checks, steps };
    }
    case 'slo':
      if (!spec.slo) return undefined;
      return {
        kind: 'slo',
        slo: { target: spec.slo.target, window: spec.slo.window ?? ALERT_DEFAULTS.sloWindow, good: spec.slo.good, total: spec.slo.total },
      };
  }
}
