/**
 * E-mail intake on PagerDuty, where an e-mail integration belongs to one service: every service of the squad
 * gets one, the first keeping the squad's address; `validate` refuses intake without a service, and service
 * names the provider refuses.
 */
import { describe, expect, it } from 'vitest';
import { loadOrganisation } from '../../../modules/model/load';
import { backendProblems } from '../../../modules/render/backend-constraints';
import { PD } from '../../../modules/backends/pagerduty/resources';
import { renderStack } from '../../../modules/render/stack';
import { parseStackFile } from '../../../modules/spec/stacks';
import type { SourceTree } from '../../../modules/spec/source';
import { fixtureTree, lineOf, NOW, withFiles } from '../../helpers';
import { checkPlan, contractsOf } from '../contract';
import { pagerdutyContracts } from './index';

const stack = parseStackFile(
  'stacks/Pulumi.lab-pagerduty.yaml',
  'lab-pagerduty',
  'config:\n  oncall:backend: pagerduty\n  oncall:pagerdutySubdomain: acme\n',
).stack!;

function squad(services: string): SourceTree {
  const yaml = [
    'name: Lab',
    'members: [alice, bruno]',
    'rotations:',
    '  oncall: { members: [alice, bruno], start: 2026-01-05 }',
    'escalations:',
    '  main: { steps: [{ notify: on-call }] }',
    'intake: { email: true }',
    services,
  ].join('\n');
  return withFiles({ 'lab/team.yaml': yaml }, fixtureTree());
}

const render = (tree: SourceTree) =>
  renderStack(loadOrganisation(tree).organisation!, { now: NOW, name: 'lab', backend: 'pagerduty', pagerdutySubdomain: 'acme' }).resources;

function emailIntegrations(tree: SourceTree): Array<{ name: string; service: unknown; address: unknown }> {
  return render(tree)
    .filter((r) => r.squad === 'lab' && r.type === PD.integration && r.inputs.type === 'generic_email_inbound_integration')
    .map((r) => ({ name: r.name, service: r.inputs.service, address: r.inputs.integrationEmail }));
}

const problemsOf = (tree: SourceTree, prefix = 'backend/pagerduty-email') =>
  backendProblems(loadOrganisation(tree).organisation!, [stack]).filter((p) => p.code.startsWith(prefix));

describe('e-mail intake on PagerDuty', () => {
  const several = 'services:\n  lab-api: { name: Lab API }\n  lab-worker: { name: Lab worker }\n  lab-cron: {}\n';

  it('gives every service an e-mail integration: the first keeps the squad address, the others their own', () => {
    const tree = squad(several);
    expect(emailIntegrations(tree)).toEqual([
      { name: 'lab-api-email-integration', service: { $ref: 'lab-api-service', property: 'id' }, address: 'lab@acme.pagerduty.com' },
      {
        name: 'lab-worker-email-integration',
        service: { $ref: 'lab-worker-service', property: 'id' },
        address: 'lab.lab-worker@acme.pagerduty.com',
      },
      {
        name: 'lab-cron-email-integration',
        service: { $ref: 'lab-cron-service', property: 'id' },
        address: 'lab.lab-cron@acme.pagerduty.com',
      },
    ]);
    expect(problemsOf(tree)).toEqual([]);
  });

  it('two services: each gets one, and the plan keeps to the PagerDuty contract', () => {
    const tree = squad('services:\n  lab-api: {}\n  lab-worker: {}\n');
    const integrations = emailIntegrations(tree);
    expect(integrations.map((i) => i.service)).toEqual([
      { $ref: 'lab-api-service', property: 'id' },
      { $ref: 'lab-worker-service', property: 'id' },
    ]);
    expect(new Set(integrations.map((i) => i.address)).size).toBe(2);
    const pagerduty = render(tree).filter((r) => r.type.startsWith('pagerduty:'));
    expect(pagerduty.length).toBeGreaterThan(integrations.length);
    expect(checkPlan(contractsOf(pagerdutyContracts), pagerduty, NOW)).toEqual([]);
  });

  it('skips a retired first service: the address goes to the first one still in service', () => {
    const tree = squad('services:\n  lab-old: { retired: true }\n  lab-api: {}\n');
    expect(emailIntegrations(tree)).toEqual([
      { name: 'lab-api-email-integration', service: { $ref: 'lab-api-service', property: 'id' }, address: 'lab@acme.pagerduty.com' },
    ]);
    expect(problemsOf(tree)).toEqual([]);
  });

  it('is an error when the squad has no service to receive it', () => {
    const tree = squad('services:\n  lab-old: { retired: true }\n');
    expect(emailIntegrations(tree)).toEqual([]);
    expect(problemsOf(tree).map((p) => [p.severity, p.code])).toEqual([['error', 'backend/pagerduty-email-no-service']]);
  });
});

describe('service names on PagerDuty', () => {
  // PagerDuty/terraform-provider-pagerduty@v2.4.0:pagerduty/resource_pagerduty_service.go: the name must not
  // be blank or contain \\ / & < >.
  it.each([
    ['Search & browse', 1],
    ['Checkout/pay', 1],
    ['Search and browse', 0],
  ] as const)('`%s`: %i error(s) at the service', (name, count) => {
    const tree = squad(`services:\n  lab-api: { name: "${name}" }\n`);
    const problems = problemsOf(tree, 'backend/pagerduty-service-name');
    expect(problems).toHaveLength(count);
    for (const p of problems) expect(p).toMatchObject({ severity: 'error', line: lineOf('lab/team.yaml', 'lab-api:', tree) });
  });
});
