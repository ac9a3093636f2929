/**
 * Team routing rules reach Pulumi chained: each is created once the rule before it exists, so the API
 * inserts it at its index and the provider reads that index back (resource_opsgenie_team_routing_rule.go
 * Create then Read). The chain must survive registration whatever order the records come in.
 */
import { describe, expect, it } from 'vitest';
import { loadOrganisation } from '../../../modules/model/load';
import { dependencyOrder } from '../../../modules/pulumi/register';
import { OG } from '../../../modules/backends/opsgenie/resources';
import { renderStack } from '../../../modules/render/stack';
import { fixtureTree, NOW } from '../../helpers';

const org = loadOrganisation(fixtureTree()).organisation!;
const state = renderStack(org, { now: NOW, name: 'chain', backend: 'opsgenie' });
const rules = state.resources.filter((r) => r.type === OG.routingRule && r.squad === 'payments');

describe('Opsgenie team routing rules', () => {
  it('each rule after the first depends on the rule before it', () => {
    expect(rules.map((r) => r.inputs.order)).toEqual([0, 1]);
    expect(rules.map((r) => r.options?.dependsOn)).toEqual([undefined, [rules[0]!.name]]);
  });

  it('are registered in their order even when listed in reverse', () => {
    const order = dependencyOrder([...state.resources].reverse()).map((r) => r.name);
    expect(order.indexOf(rules[0]!.name)).toBeLessThan(order.indexOf(rules[1]!.name));
  });
});
