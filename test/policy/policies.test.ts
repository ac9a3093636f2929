import type { ReportViolation, ResourceValidationArgs, ResourceValidation } from '@pulumi/policy';
import { describe, expect, it } from 'vitest';
import { policies, policiesFor } from '../../modules/policy/policies';
import { retiredInProject, retiredResourceNames } from '../../modules/policy/retired';
import { loadOrganisation } from '../../modules/model/load';
import { renderStack } from '../../modules/render/stack';
import { fixtureTree, NOW, withEdit, writeTree } from '../helpers';

/** Runs every policy on one resource as the policy engine would; returns `policy: message` violations. */
function violations(type: string, props: Record<string, unknown>, protect = false, name = 'r', pack = policies): string[] {
  const found: string[] = [];
  for (const policy of pack) {
    const args = {
      type,
      props,
      urn: `urn:pulumi:test::oncall::${type}::r`,
      name,
      opts: {
        protect,
        ignoreChanges: [],
        aliases: [],
        additionalSecretOutputs: [],
        customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 },
      },
      stackTags: new Map(),
      isType: (cls: unknown) => (cls as { __pulumiType?: string }).__pulumiType === type,
      asType: () => undefined,
      getConfig: () => ({}),
      notApplicable: () => undefined,
    } as unknown as ResourceValidationArgs;
    const report: ReportViolation = (message: string) => found.push(`${policy.name}: ${message}`);
    const validators = Array.isArray(policy.validateResource) ? policy.validateResource : [policy.validateResource as ResourceValidation];
    for (const v of validators) void v(args, report);
  }
  return found;
}

const goodMonitor = {
  name: '[shop][storefront] x',
  message: 'Runbook: https://wiki.example/x\n{{#is_alert}}@oncall-storefront{{/is_alert}}',
  tags: ['team:storefront', 'managed-by:oncall-as-code'],
};

describe('policy pack validators', () => {
  it('a monitor without a runbook link or a team tag is a violation', () => {
    expect(violations('datadog:index/monitor:Monitor', goodMonitor)).toEqual([]);
    expect(violations('datadog:index/monitor:Monitor', { ...goodMonitor, message: 'CPU high' })).toEqual([
      expect.stringMatching(/^monitor-runbook-link: the message has no runbook link/),
    ]);
    expect(violations('datadog:index/syntheticsTest:SyntheticsTest', { ...goodMonitor, tags: ['env:prod'] })).toEqual([
      expect.stringMatching(/^monitor-team-tag: the monitor has no `team:` tag/),
    ]);
  });

  it('an unprotected schedule, escalation policy or phone line is a violation, whatever the backend', () => {
    for (const type of [
      'pagerduty:index/schedule:Schedule',
      'datadog:index/onCallSchedule:OnCallSchedule',
      'opsgenie:index/schedule:Schedule',
    ]) {
      expect(violations(type, {}, false)).toEqual([expect.stringMatching(/^schedule-protected: the schedule is not protected/)]);
      expect(violations(type, {}, true)).toEqual([]);
    }
    expect(violations('opsgenie:index/escalation:Escalation', {}, false)).toEqual([expect.stringMatching(/^escalation-protected:/)]);
    expect(violations('pulumi-nodejs:dynamic/twilio:PhoneLine', {}, false)).toEqual([
      expect.stringMatching(/^phone-line-protected: the phone line is not protected/),
    ]);
  });

  it('other resources are not concerned', () => {
    expect(violations('pagerduty:index/team:Team', {}, false)).toEqual([]);
  });

  it.each(['pagerduty', 'opsgenie', 'datadog'] as const)('every resource the example renders for %s passes', (backend) => {
    const state = renderStack(loadOrganisation(fixtureTree()).organisation!, { now: NOW, name: 't', backend });
    const found = state.resources.flatMap((r) =>
      violations(r.type, r.inputs as Record<string, unknown>, r.options?.protect ?? false).map((v) => `${r.name}: ${v}`),
    );
    expect(found).toEqual([]);
  });
});

describe('retiring, the documented way to remove a schedule or policy', () => {
  // `retired: true` on the rotation `oncall` of storefront (the fixture's), as a user would write it.
  const tree = withEdit(
    'storefront/team.yaml',
    '    name: Storefront on call\n',
    '    name: Storefront on call\n    retired: true\n',
    fixtureTree(),
  );

  it('passes the policy pack: the retired schedule may be unprotected, the others may not', () => {
    const org = loadOrganisation(tree).organisation!;
    const pack = policiesFor(() => retiredResourceNames(org));
    for (const backend of ['pagerduty', 'opsgenie', 'datadog'] as const) {
      const state = renderStack(org, { now: NOW, name: 't', backend });
      const retired = state.resources.find((r) => r.name === 'storefront-oncall-schedule')!;
      expect(retired.options?.protect).toBeUndefined();
      // As `pulumi preview` names them: scoped by the organisation component (modules/pulumi/scoped-names.ts).
      const found = state.resources.flatMap((r) =>
        violations(r.type, r.inputs as Record<string, unknown>, r.options?.protect ?? false, `organisation/${r.name}`, pack).map(
          (v) => `${r.name}: ${v}`,
        ),
      );
      expect(found).toEqual([]);
      expect(violations(retired.type, {}, false, 'payments-run-schedule', pack)).toEqual([expect.stringMatching(/^schedule-protected/)]);
    }
  });

  it('reads what is retired from a teams directory, and nothing from one that does not load', () => {
    expect([...retiredInProject(writeTree(tree))]).toEqual(['storefront-oncall-schedule']);
    expect(retiredInProject('/nonexistent/teams').size).toBe(0);
  });
});
