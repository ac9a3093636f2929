/** Each backend's paging, read from its inputs (a stack's rendering, or an account observed and renamed). */
import type { Organisation } from '../model/types';
import type { Backend, DesiredState } from '../render/desired';
import type { Changes } from './changes';
import { datadogTimeline, datadogTimelineChanges } from './datadog-paging';
import { opsgenieTimeline, opsgenieTimelineChanges } from './opsgenie-paging';
import { pagerdutyTimeline, pagerdutyTimelineChanges } from './pagerduty-paging';
import type { AlertUnit, Timeline } from './timeline';

export interface BackendReader {
  /** The escalation timeline of an alert of `unit` raised at `instant`. */
  timeline(org: Organisation, state: DesiredState, unit: AlertUnit, instant: number): Timeline;
  /** Every instant of [changes.from, changes.to) where that timeline may change, as a function of the alert's instant. */
  changes(state: DesiredState, unit: AlertUnit, changes: Changes): void;
}

export const READERS: Record<Backend, BackendReader> = {
  pagerduty: { timeline: pagerdutyTimeline, changes: pagerdutyTimelineChanges },
  opsgenie: { timeline: opsgenieTimeline, changes: opsgenieTimelineChanges },
  datadog: { timeline: datadogTimeline, changes: datadogTimelineChanges },
};

export { Changes } from './changes';
export type { AlertUnit, Notification, Timeline } from './timeline';
