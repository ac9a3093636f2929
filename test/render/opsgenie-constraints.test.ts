/**
 * What Opsgenie cannot express is refused by `oncall validate` for stacks on Opsgenie, at the YAML that asks
 * for it. Low urgency: the provider's team routing rule (terraform-provider-opsgenie v0.6.40,
 * resource_opsgenie_team_routing_rule.go) has name, order, timezone, criteria, time restriction and one
 * notify (schedule, escalation or none): nothing says how loudly to notify, so a low-urgency alert would ring
 * like any other.
 */
import { describe, expect, it } from 'vitest';
import { loadOrganisation } from '../../modules/model/load';
import { backendProblems } from '../../modules/render/backend-constraints';
import { parseStackFile, type StackSpec } from '../../modules/spec/stacks';
import { fixtureTree, lineOf, withEdit } from '../helpers';

const stack = (backend: StackSpec['backend']): StackSpec =>
  parseStackFile(
    `stacks/Pulumi.acme-${backend}.yaml`,
    `acme-${backend}`,
    `config:\n  oncall:backend: ${backend}\n  datadog:apiUrl: https://api.datadoghq.eu/\n`,
  ).stack!;

const tree = withEdit('payments/team.yaml', '  - rotation: oncall\n', '  - rotation: oncall\n    urgency: low\n', fixtureTree());
const org = loadOrganisation(tree).organisation!;

describe('low urgency on Opsgenie', () => {
  it('is an error at the routing rule, naming Opsgenie and the stack', () => {
    const problems = backendProblems(org, [stack('opsgenie')]).filter((p) => p.code === 'backend/opsgenie-urgency');
    expect(problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        file: 'teams/payments/team.yaml',
        line: lineOf('payments/team.yaml', '  - rotation: oncall', tree),
      }),
    ]);
    expect(problems[0]!.message).toMatch(/^Opsgenie \(stack `acme-opsgenie`\) .*urgency/);
  });

  it('is accepted by the other backends and when every rule is high urgency', () => {
    expect(backendProblems(org, [stack('pagerduty'), stack('datadog')]).filter((p) => p.code === 'backend/opsgenie-urgency')).toEqual([]);
    const high = loadOrganisation(fixtureTree()).organisation!;
    expect(backendProblems(high, [stack('opsgenie')]).filter((p) => p.code === 'backend/opsgenie-urgency')).toEqual([]);
  });
});
