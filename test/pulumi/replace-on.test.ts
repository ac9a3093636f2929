/**
 * Our dynamic providers decide themselves what replaces a resource: their `diff` answers `replaces`. The
 * descriptor of each type must name exactly those inputs, or `oncall plan --base` and the deletion guard would
 * call an update what `pulumi up` replaces (or the reverse). Each input the renderer sends, and each the
 * descriptor names, is changed alone in a state as the provider's `create` leaves it, and the provider's
 * `diff` is asked.
 */
import type * as pulumi from '@pulumi/pulumi';
import { describe, expect, it } from 'vitest';
import { RESOURCE_TYPES } from '../../modules/backends';
import { DATADOG_ONCALL } from '../../modules/backends/datadog-oncall/resources';
import { OPSGENIE } from '../../modules/backends/opsgenie/resources';
import { PAGERDUTY } from '../../modules/backends/pagerduty/resources';
import { TWILIO } from '../../modules/backends/twilio/resources';
import { loadOrganisation } from '../../modules/model/load';
import { makeDatadogOverrideProvider } from '../../modules/pulumi/overrides/datadog';
import { makeOpsgenieOverrideProvider } from '../../modules/pulumi/overrides/opsgenie';
import { makePagerDutyOverrideProvider } from '../../modules/pulumi/overrides/pagerduty';
import { phoneLineProvider } from '../../modules/pulumi/twilio/phone-line';
import { BACKENDS, type DesiredResource } from '../../modules/render/desired';
import { renderStack } from '../../modules/render/stack';
import { fixtureTree, NOW } from '../helpers';

type Inputs = Record<string, unknown>;

/** Each dynamic provider, with the outputs its `create` adds to the inputs (what `diff` later gets as olds). */
const PROVIDERS: Record<string, { provider: pulumi.dynamic.ResourceProvider; created: (inputs: Inputs) => Inputs }> = {
  [PAGERDUTY.override.type]: { provider: makePagerDutyOverrideProvider(), created: (i) => ({ ...i, overrideId: 'PO1' }) },
  [DATADOG_ONCALL.override.type]: { provider: makeDatadogOverrideProvider(), created: (i) => ({ ...i, overrideId: 'dd-1' }) },
  [OPSGENIE.override.type]: { provider: makeOpsgenieOverrideProvider(), created: (i) => ({ ...i, applied: true }) },
  // The number found, by its SID, and the configuration it had.
  [TWILIO.phoneLine.type]: {
    provider: phoneLineProvider,
    created: (i) => ({ ...i, sid: i.sid ?? `PN${'a'.repeat(32)}`, previous: { friendlyName: 'before' } }),
  },
};

const org = loadOrganisation(fixtureTree()).organisation!;
const rendered: DesiredResource[] = BACKENDS.flatMap((backend) => renderStack(org, { now: NOW, name: 't', backend }).resources);
const dynamic = RESOURCE_TYPES.filter((d) => d.registration.package === 'dynamic');

/** Another value of the same input. */
const changed = (v: unknown): unknown => (typeof v === 'number' ? v + 1 : `${typeof v === 'string' ? v : JSON.stringify(v)}-changed`);

describe('replaceOn of our dynamic providers', () => {
  it('every dynamic type has its provider here', () => {
    expect(dynamic.map((d) => d.type).sort()).toEqual(Object.keys(PROVIDERS).sort());
  });

  it.each(dynamic.map((d) => [d.type, d] as const))('%s: the inputs whose change diff replaces on', async (type, descriptor) => {
    const { provider, created } = PROVIDERS[type]!;
    const resource = rendered.find((r) => r.type === type);
    expect(resource, `the fixture renders a ${descriptor.kind}`).toBeDefined();
    const inputs = resource!.inputs as Inputs;
    const olds = created(inputs);
    expect(await provider.diff!('id', olds, inputs)).toMatchObject({ changes: false, replaces: [] });
    const replacing: string[] = [];
    for (const key of new Set([...Object.keys(inputs), ...descriptor.replaceOn])) {
      const result = await provider.diff!('id', olds, { ...inputs, [key]: changed(olds[key]) });
      expect(result.changes, key).toBe(true);
      // A change of one input replaces on that input or on nothing.
      expect(
        (result.replaces ?? []).filter((r) => r !== key),
        key,
      ).toEqual([]);
      if ((result.replaces ?? []).includes(key)) replacing.push(key);
    }
    expect(replacing.sort()).toEqual([...descriptor.replaceOn].sort());
  });
});
