/**
 * A service's promise on PagerDuty: the service pages through the promise's policy, and its support hours with
 * `use_support_hours` urgency say when it pages at high urgency. Support hours are `fixed_time_per_day` (the same
 * hours on some days, within one day): a promise of business hours is its support hours; a promise of off hours
 * is the rest of the week, so the support hours are its complement, at the urgency outside the promise.
 *
 * PagerDuty has no urgency that pages nobody: `IncidentUrgencyType.urgency` is `high`, `low` or `severity_based`
 * (PagerDuty/api-schema reference/REST/openapiv3.json; terraform-provider-pagerduty v2.4.0 sends the string as
 * given). `outsideCoverage: none` is rendered at low urgency, and `validate` warns for the stack.
 */
import type { ServicePromise, WeeklyWindows } from '../../model/types';
import { complement } from '../../model/windows';
import { fixedTimePerDay, hhmmss } from '../../render/coverage-shapes';
import type { Value } from '../../render/desired';

interface PromiseHours {
  readonly supportHours: { days: number[]; start: number; end: number };
  readonly during: 'high' | 'low';
  readonly outside: 'high' | 'low';
}

/** Support hours and urgencies for a promise, or undefined when neither its coverage nor the rest of the week fits. */
export function promiseHours(promise: ServicePromise): PromiseHours | undefined {
  const inside = fixedTimePerDay(promise.coverage);
  if (inside) return { supportHours: inside, during: 'high', outside: 'low' };
  const rest: WeeklyWindows = { kind: 'custom', intervals: complement(promise.coverage.intervals) };
  const outside = fixedTimePerDay(rest);
  if (outside) return { supportHours: outside, during: 'low', outside: 'high' };
  return undefined;
}

/** `supportHours`, `incidentUrgencyRule` and `scheduledActions` of a service with a promise. */
export function promiseUrgencyInputs(promise: ServicePromise): Record<string, Value> {
  if (promise.coverage.kind === 'always') return { incidentUrgencyRule: { type: 'constant', urgency: 'high' } };
  const hours = promiseHours(promise);
  // Refused by validate (`backend/pagerduty-promise-hours`); high urgency at all times pages at least what is promised.
  if (!hours) return { incidentUrgencyRule: { type: 'constant', urgency: 'high' } };
  const inputs: Record<string, Value> = {
    supportHours: {
      type: 'fixed_time_per_day',
      timeZone: promise.timezone,
      daysOfWeeks: hours.supportHours.days,
      startTime: hhmmss(hours.supportHours.start),
      endTime: hhmmss(hours.supportHours.end),
    },
    incidentUrgencyRule: {
      type: 'use_support_hours',
      duringSupportHours: { type: 'constant', urgency: hours.during },
      outsideSupportHours: { type: 'constant', urgency: hours.outside },
    },
  };
  if (hours.during === 'high') {
    inputs.scheduledActions = [{ type: 'urgency_change', toUrgency: 'high', ats: [{ type: 'named_time', name: 'support_hours_start' }] }];
  }
  return inputs;
}
