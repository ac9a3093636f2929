/**
 * From the descriptors of modules/backends to the classes and functions that register them: the one place
 * that names Pulumi classes. A descriptor says where its class is (`{ package, className }`); this file says
 * what each package is.
 */
import * as pulumi from '@pulumi/pulumi';
import * as pagerduty from '@pulumi/pagerduty';
import * as datadog from '@pulumi/datadog';
import type { LookupDescriptor, Registration, ResourceDescriptor } from '../backends/descriptor';
import { LOOKUP_TYPES, RESOURCE_TYPES } from '../backends';
import * as opsgenie from './opsgenie';
import { PagerDutyScheduleOverride } from './overrides/pagerduty';
import { OpsgenieScheduleOverride } from './overrides/opsgenie';
import { DatadogScheduleOverride } from './overrides/datadog';
import { PhoneLine } from './twilio/phone-line';

export type Ctor = new (name: string, args: never, opts?: pulumi.CustomResourceOptions) => pulumi.CustomResource;

/** What each registration package is: the official SDKs, our Opsgenie binding, our dynamic resources. */
export const PACKAGES: Readonly<Record<Registration['package'], object>> = {
  '@pulumi/pagerduty': pagerduty,
  '@pulumi/datadog': datadog,
  'opsgenie-binding': opsgenie,
  dynamic: { PagerDutyScheduleOverride, OpsgenieScheduleOverride, DatadogScheduleOverride, PhoneLine },
};

/** The export a dotted name (`pagerduty.ServiceObject`) names in a package, if any. */
function exported(pkg: Registration['package'], dotted: string): unknown {
  return dotted
    .split('.')
    .reduce<unknown>(
      (at, key) => (at !== null && typeof at === 'object' && key in at ? (at as Record<string, unknown>)[key] : undefined),
      PACKAGES[pkg],
    );
}

/** The class that registers a described type, if its package has it. */
export function classOf(descriptor: ResourceDescriptor): Ctor | undefined {
  const found = exported(descriptor.registration.package, descriptor.registration.className);
  return typeof found === 'function' ? (found as Ctor) : undefined;
}

export const RESOURCE_CLASSES: Readonly<Record<string, Ctor>> = Object.fromEntries(
  RESOURCE_TYPES.flatMap((d) => {
    const cls = classOf(d);
    return cls ? [[d.type, cls]] : [];
  }),
);

type Lookup = (args: Record<string, pulumi.Input<string>>, opts: pulumi.InvokeOutputOptions) => pulumi.Output<Record<string, unknown>>;
type OutputFunction = (args: Record<string, unknown>, opts: pulumi.InvokeOutputOptions) => pulumi.Output<Record<string, unknown>>;

/** The `…Output` function of a described look-up, with its constant arguments. */
export function lookupOf(descriptor: LookupDescriptor): Lookup | undefined {
  const { package: pkg, functionName, constantArgs } = descriptor.registration;
  const fn = exported(pkg, functionName);
  if (typeof fn !== 'function') return undefined;
  return (args, opts) => (fn as OutputFunction)({ ...args, ...constantArgs }, opts);
}

export const LOOKUPS: Readonly<Record<string, Lookup>> = Object.fromEntries(
  LOOKUP_TYPES.flatMap((d) => {
    const lookup = lookupOf(d);
    return lookup ? [[d.token, lookup]] : [];
  }),
);
