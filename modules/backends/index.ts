/** Every resource type and look-up the renderers produce, by token. */
import type { LookupDescriptor, ResourceDescriptor } from './descriptor';
import { DATADOG } from './datadog/resources';
import { DATADOG_ONCALL, DATADOG_ONCALL_LOOKUPS } from './datadog-oncall/resources';
import { OPSGENIE, OPSGENIE_LOOKUPS } from './opsgenie/resources';
import { PAGERDUTY, PAGERDUTY_LOOKUPS } from './pagerduty/resources';
import { TWILIO } from './twilio/resources';

export const RESOURCE_TYPES: readonly ResourceDescriptor[] = [PAGERDUTY, OPSGENIE, DATADOG_ONCALL, DATADOG, TWILIO].flatMap((group) =>
  Object.values<ResourceDescriptor>(group),
);

export const LOOKUP_TYPES: readonly LookupDescriptor[] = [PAGERDUTY_LOOKUPS, OPSGENIE_LOOKUPS, DATADOG_ONCALL_LOOKUPS].flatMap((group) =>
  Object.values<LookupDescriptor>(group),
);

const BY_TYPE = new Map(RESOURCE_TYPES.map((d) => [d.type, d]));

/** The descriptor of a type token, if it is one of ours. */
export function descriptorOf(type: string): ResourceDescriptor | undefined {
  return BY_TYPE.get(type);
}
