import type { ReportViolation, ResourceValidationArgs, ResourceValidation } from '@pulumi/policy';
import { describe, expect, it } from 'vitest';
import { policies } from '../../modules/policy/policies';
import { loadOrganisation } from '../../modules/model/load';
import { renderStack } from '../../modules/render/stack';
import { exampleTree, NOW } from '../helpers';

/** Runs every policy on one resource as the policy engine would; returns `policy: message` violations. */
function violations(type: string, props: Record<string, unknown>, protect = false): string[] {
  const found: string[] = [];
  for (const policy of policies) {
    const args = {
      type,
      props,
      urn: `urn:pulumi:test::oncall::${type}::r`,
      name: 'r',
      opts: { protect, ignoreChanges: [], aliases: [], additionalSecretOutputs: [], customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 } },
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

const goodMonitor = { name: '[shop][storefront] x', message: 'Runbook: https://wiki.example/x\n{{#is_alert}}@oncall-storefront{{/is_alert}}', tags: ['team:storefront', 'managed-by:oncall-as-code'] };

describe('policy pack validators', () => {
  it('a monitor without a runbook link or a team tag is a violation', () => {
    expect(violations('datadog:index/monitor:Monitor', goodMonitor)).toEqual([]);
    expect(violations('datadog:index/monitor:Monitor', { ...goodMonitor, message: 'CPU high' })).toEqual([expect.stringMatching(/^monitor-runbook-link: the message has no runbook link/)]);
    expect(violations('datadog:index/syntheticsTest:SyntheticsTest', { ...goodMonitor, tags: ['env:prod'] })).toEqual([expect.stringMatching(/^monitor-team-tag: the monitor has no `team:` tag/)]);
  });

  it('an unprotected schedule, escalation policy or phone line is a violation, whatever the backend', () => {
    for (const type of ['pagerduty:index/schedule:Schedule', 'datadog:index/onCallSchedule:OnCallSchedule', 'opsgenie:index/schedule:Schedule']) {
      expect(violations(type, {}, false)).toEqual([expect.stringMatching(/^schedule-protected: the schedule is not protected/)]);
      expect(violations(type, {}, true)).toEqual([]);
    }
    expect(violations('opsgenie:index/escalation:Escalation', {}, false)).toEqual([expect.stringMatching(/^escalation-protected:/)]);
    expect(violations('pulumi-nodejs:dynamic/twilio:PhoneLine', {}, false)).toEqual([expect.stringMatching(/^phone-line-protected: the phone line is not protected/)]);
  });

  it('other resources are not concerned', () => {
    expect(violations('pagerduty:index/team:Team', {}, false)).toEqual([]);
  });

  it.each(['pagerduty', 'opsgenie', 'datadog'] as const)('every resource the example renders for %s passes', (backend) => {
    const state = renderStack(loadOrganisation(exampleTree()).organisation!, { now: NOW, name: 't', backend });
    const found = state.resources.flatMap((r) => violations(r.type, r.inputs as Record<string, unknown>, r.options?.protect ?? false).map((v) => `${r.name}: ${v}`));
    expect(found).toEqual([]);
  });
});
