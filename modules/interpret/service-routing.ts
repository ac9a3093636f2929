/**
 * Whom each backend pages first for an alert of a service, read from the rendered inputs only (never the model's
 * routing): the first notification of the escalation timelines of ./pagerduty-paging.ts, ./opsgenie-paging.ts and
 * ./datadog-paging.ts, with the urgency.
 */
import type { Organisation, Service } from '../model/types';
import type { Backend, DesiredState } from '../render/desired';
import { READERS } from './index';
import type { Timeline } from './timeline';

export interface Paged {
  readonly urgency: 'high' | 'low' | null;
  /** The people the policy's first step notifies, sorted. */
  readonly first: readonly string[];
}

export const NOBODY: Paged = { urgency: null, first: [] };

type ServiceId = Pick<Service, 'id' | 'squad'>;

function pagedOf(timeline: Timeline): Paged {
  if (timeline.urgency === null) return NOBODY;
  return { urgency: timeline.urgency, first: timeline.notifications[0]?.people ?? [] };
}

const paged =
  (backend: Backend) =>
  (org: Organisation, state: DesiredState, service: ServiceId, instant: number): Paged =>
    pagedOf(READERS[backend].timeline(org, state, { kind: 'service', squad: service.squad, service: service.id }, instant));

export const pagerdutyPaged = paged('pagerduty');
export const opsgeniePaged = paged('opsgenie');
export const datadogPaged = paged('datadog');

/** Each backend's reading of a service's paging, by backend. */
export const SERVICE_INTERPRETERS: Record<Backend, (org: Organisation, state: DesiredState, service: ServiceId, instant: number) => Paged> =
  {
    pagerduty: pagerdutyPaged,
    opsgenie: opsgeniePaged,
    datadog: datadogPaged,
  };

/** Each backend's reading of who a rendered schedule has on call, by backend. */
export { datadogOnCall } from './datadog';
export { opsgenieOnCall } from './opsgenie';
export { pagerdutyOnCall } from './pagerduty';
