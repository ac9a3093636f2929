/**
 * The documented way to remove a squad, a rotation or a phone line is to retire it first: the renderers then
 * leave its resources unprotected, and the policy pack must accept that rather than block `pulumi up`.
 */
import type { ReportViolation, ResourceValidation, ResourceValidationArgs } from '@pulumi/policy';
import { describe, expect, it } from 'vitest';
import { loadOrganisation } from '../../modules/model/load';
import { policiesFor } from '../../modules/policy/policies';
import { retiredInProject, retiredResourceNames } from '../../modules/policy/retired';
import { BACKENDS } from '../../modules/render/desired';
import { renderStack } from '../../modules/render/stack';
import type { SourceTree } from '../../modules/spec/source';
import { fixtureTree, NOW, withEdit, writeTree } from '../helpers';

/** Every violation the pack reports on the resources of a rendered stack, as `name: policy`. */
function violations(tree: SourceTree, retired: ReadonlySet<string>): string[] {
  const org = loadOrganisation(tree).organisation!;
  const pack = policiesFor(() => retired);
  const found: string[] = [];
  for (const backend of BACKENDS) {
    for (const r of renderStack(org, { now: NOW, name: 't', backend }).resources) {
      for (const policy of pack) {
        const args = {
          type: r.type,
          props: r.inputs,
          urn: `urn:pulumi:t::oncall::${r.type}::${r.name}`,
          name: r.name,
          opts: { protect: r.options?.protect ?? false },
          isType: (cls: unknown) => (cls as { __pulumiType?: string }).__pulumiType === r.type,
          asType: () => undefined,
          getConfig: () => ({}),
          notApplicable: () => undefined,
        } as unknown as ResourceValidationArgs;
        const report: ReportViolation = () => found.push(`${r.name}: ${policy.name}`);
        const validators = Array.isArray(policy.validateResource)
          ? policy.validateResource
          : [policy.validateResource as ResourceValidation];
        for (const v of validators) void v(args, report);
      }
    }
  }
  return [...new Set(found)].sort();
}

describe('retiring passes the policy pack', () => {
  const retiredSquad = () => withEdit('payments/team.yaml', 'name: Payments\n', 'name: Payments\nretired: true\n', fixtureTree());
  const retiredLine = () =>
    withEdit(
      'storefront/team.yaml',
      '  number: "+33199000101"       # the single on-call number every probe and service knows\n',
      '  number: "+33199000101"\n  retired: true\n',
      fixtureTree(),
    );

  it('a retired squad: its schedules and escalation policy are unprotected, and accepted', () => {
    const tree = retiredSquad();
    const retired = retiredResourceNames(loadOrganisation(tree).organisation!);
    expect([...retired].sort()).toEqual(['payments-oncall-schedule', 'payments-run-schedule', 'payments-standard-4h-escalation']);
    expect(violations(tree, retired)).toEqual([]);
    // Without knowing what is retired, the pack would refuse exactly those resources.
    expect(violations(tree, new Set())).toEqual([
      'payments-oncall-schedule: schedule-protected',
      'payments-run-schedule: schedule-protected',
      'payments-standard-4h-escalation: escalation-protected',
    ]);
  });

  it('a retired phone line: unprotected, and accepted', () => {
    const tree = retiredLine();
    const retired = retiredResourceNames(loadOrganisation(tree).organisation!);
    expect([...retired]).toEqual(['storefront-phone-line']);
    expect(violations(tree, retired)).toEqual([]);
    expect(violations(tree, new Set())).toEqual(['storefront-phone-line: phone-line-protected']);
  });

  it('the pack reads the retired squad from a teams directory as it does from the project', () => {
    expect([...retiredInProject(writeTree(retiredSquad()))].sort()).toEqual([
      'payments-oncall-schedule',
      'payments-run-schedule',
      'payments-standard-4h-escalation',
    ]);
  });
});
