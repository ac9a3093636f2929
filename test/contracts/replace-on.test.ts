/**
 * What `oncall plan --base` calls a replacement is what the provider replaces on: every resource descriptor's
 * `replaceOn` is its contract's ForceNew, read from the provider's source at the pinned tag (or, for our
 * dynamic providers, from their `diff`, which test/pulumi/replace-on.test.ts calls).
 */
import { describe, expect, it } from 'vitest';
import { RESOURCE_TYPES } from '../../modules/backends';
import { contractsOf, replacedInputs } from './contract';
import { datadogContracts } from './datadog';
import { opsgenieContracts } from './opsgenie';
import { pagerdutyContracts } from './pagerduty';
import { twilioContracts } from './twilio';

const CONTRACTS = contractsOf([...pagerdutyContracts, ...opsgenieContracts, ...datadogContracts, ...twilioContracts]);

describe('replaceOn of the descriptors', () => {
  it('every described type has a provider contract', () => {
    expect(RESOURCE_TYPES.map((d) => d.type).filter((t) => !CONTRACTS.has(t))).toEqual([]);
  });

  it.each(RESOURCE_TYPES.map((d) => [d.type, d] as const))('%s replaces on its contract’s ForceNew', (type, descriptor) => {
    expect([...descriptor.replaceOn].sort()).toEqual(replacedInputs(CONTRACTS.get(type)!));
  });

  it('names each input once', () => {
    for (const d of RESOURCE_TYPES) expect(new Set(d.replaceOn).size, d.type).toBe(d.replaceOn.length);
  });
});

describe('the inputs a ForceNew path replaces on', () => {
  it('are the top-level inputs: a field inside a block or an object maps to the block', () => {
    expect(replacedInputs({ forceNew: ['emailFilters[].subjectMode', 'pageId', 'rule.type', 'emailFilters'] })).toEqual([
      'emailFilters',
      'pageId',
      'rule',
    ]);
    expect(replacedInputs({ forceNew: [] })).toEqual([]);
  });
});
