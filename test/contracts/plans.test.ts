/**
 * Every plan passes the providers' contracts: the fixture organisation's stacks and random organisations on
 * each backend (those a backend refuses in `validate` excepted, as `oncall validate` would stop them), rendered
 * for instants before, during and after their dates. No resource type escapes: each emitted type must have a
 * contract.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyse } from '../../modules/pipeline';
import { BACKENDS, type Backend } from '../../modules/render/desired';
import { renderStack } from '../../modules/render/stack';
import { readStacksDir } from '../../modules/spec/read-stacks';
import { parseStackFile } from '../../modules/spec/stacks';
import { FIXTURE_DIR, fixtureTree } from '../helpers';
import { checkPlan, contractsOf } from './contract';
import { datadogContracts } from './datadog';
import { opsgenieContracts } from './opsgenie';
import { pagerdutyContracts } from './pagerduty';
import { organisationArb } from './random-organisation';
import { twilioContracts } from './twilio';
import { join, dirname } from 'node:path';

const CONTRACTS = contractsOf([...pagerdutyContracts, ...opsgenieContracts, ...datadogContracts, ...twilioContracts]);
const INSTANTS = ['2025-12-01T00:00:00Z', '2026-03-29T00:30:00Z', '2026-08-10T12:00:00Z', '2027-02-01T00:00:00Z'].map(Date.parse);

describe("the fixture organisation's stacks pass the provider contracts", () => {
  const stacks = readStacksDir(join(dirname(FIXTURE_DIR), 'stacks'));
  it.each(stacks.stacks.map((s) => [s.name, s] as const))('%s', (_name, stack) => {
    for (const now of INSTANTS) {
      const result = analyse(fixtureTree(), now, stacks);
      expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
      const plan = renderStack(result.organisation!, { ...stack, now });
      expect(plan.resources.length).toBeGreaterThan(20);
      expect(checkPlan(CONTRACTS, plan.resources, now)).toEqual([]);
    }
  });
});

describe('random organisations pass the provider contracts on every backend that accepts them', () => {
  const stackOf = (backend: Backend) =>
    parseStackFile(`stacks/Pulumi.random-${backend}.yaml`, `random-${backend}`, `config:\n  oncall:backend: ${backend}\n`).stack!;
  it.each(BACKENDS)('%s', (backend) => {
    let checked = 0;
    fc.assert(
      fc.property(organisationArb, fc.constantFrom(...INSTANTS), ({ tree }, now) => {
        const stack = stackOf(backend);
        const result = analyse(tree, now, { stacks: [stack], problems: [] });
        // The generator writes what `validate` accepts; backend refusals are the capability matrix's business.
        const errors = result.problems.filter((p) => p.severity === 'error');
        expect(errors.filter((p) => !p.code.startsWith('backend/')).map((p) => `${p.code} ${p.message}`)).toEqual([]);
        if (errors.length > 0) return;
        checked++;
        expect(checkPlan(CONTRACTS, renderStack(result.organisation!, { ...stack, now }).resources, now)).toEqual([]);
      }),
      { numRuns: 60, seed: 20261130 },
    );
    expect(checked).toBeGreaterThan(15);
  });
});
