/**
 * How people are reached passes the providers' contracts on every backend, and plans nothing at the second
 * `pulumi up`: people of several squads, every method, at once and after a delay, both urgencies.
 */
import { describe, expect, it } from 'vitest';
import { analyse } from '../../modules/pipeline';
import { renderStack } from '../../modules/render/stack';
import { parseStackFile } from '../../modules/spec/stacks';
import { fixtureTree, NOW, withEdit } from '../helpers';
import { checkPlan, contractsOf } from './contract';
import { datadogContracts } from './datadog';
import { opsgenieContracts } from './opsgenie';
import { pagerdutyContracts } from './pagerduty';
import { twilioContracts } from './twilio';

const CONTRACTS = contractsOf([...pagerdutyContracts, ...opsgenieContracts, ...datadogContracts, ...twilioContracts]);

/** Datadog On-Call has no push channel (`validate` refuses it there). */
function tree(push: boolean) {
  const extra = push ? ', { push: 5m }' : '';
  return withEdit(
    'org.yaml',
    /^defaults:\n/m,
    `defaults:\n  notify: { high: [call, sms${extra}], low: [{ email: 15m }] }\n`,
    withEdit(
      'org.yaml',
      '  manon:\n',
      `  manon:\n    notify: { high: [call, sms${push ? ', push' : ''}, { email: 0m }], low: [email${extra}] }\n${push ? '    pushDevice: Pixel 8\n' : ''}`,
      // Everyone else gets the default: the ones it pushes to need a device.
      push ? withEdit('org.yaml', /(phone: "\+33639980\d{3}") \}/g, '$1, pushDevice: Pixel 8 }') : fixtureTree(),
    ),
  );
}

describe.each(['pagerduty', 'opsgenie', 'datadog'] as const)('contacts on %s', (backend) => {
  it('pass the contracts with an empty second plan', () => {
    const t = tree(backend !== 'datadog');
    const file = parseStackFile(
      'stacks/Pulumi.t.yaml',
      't',
      `config:\n  oncall:backend: ${backend}\n  datadog:apiUrl: https://api.datadoghq.eu/\n`,
    );
    const result = analyse(t, NOW, { stacks: [file.stack!], problems: file.problems });
    // (The fixture's e-mail intake is refused on Datadog: not what this test is about.)
    expect(result.problems.filter((p) => p.severity === 'error' && p.file === 'teams/org.yaml')).toEqual([]);
    const plan = renderStack(result.organisation!, { now: NOW, name: 't', backend });
    const contacts = plan.resources.filter((r) => r.squad === 'organisation' && !r.type.includes('statusPage'));
    expect(contacts.length).toBeGreaterThan(10);
    expect(checkPlan(CONTRACTS, plan.resources, NOW)).toEqual([]);
  });
});
