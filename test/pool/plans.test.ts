/**
 * A pool's plans on every backend: squads without rotations of their own get their services, integrations
 * and e-mail intake; each pool rotation is one schedule, referenced by every policy that uses it; and every
 * reference of every plan names a resource of that plan.
 *
 * A policy may target a schedule another team owns on each backend: the providers take a schedule target as a
 * bare id, with no condition on its team — PagerDuty/terraform-provider-pagerduty@v2.4.0:
 * pagerduty/resource_pagerduty_escalation_policy.go (rule `target` {type `schedule_reference`, id}),
 * opsgenie/terraform-provider-opsgenie@v0.6.40:opsgenie/resource_opsgenie_escalation.go (rule `recipient`
 * {type user|schedule|team, id}; `owner_team_id` is the policy's own), DataDog/terraform-provider-datadog@v4.19.0:
 * datadog/fwprovider/resource_datadog_on_call_escalation_policy.go (step target `schedule`, an id).
 */
import { describe, expect, it } from 'vitest';
import { isRef, BACKENDS, type DesiredResource, type Value, isConcat, isInvoke } from '../../modules/render/desired';
import { renderStack } from '../../modules/render/stack';
import { names } from '../../modules/render/names';
import { poolAnalysis, poolStack, POOL_NOW, POOL_STACKS } from './pool-fixture';
import { checkPlan, contractsOf } from '../contracts/contract';
import { datadogContracts } from '../contracts/datadog';
import { opsgenieContracts } from '../contracts/opsgenie';
import { pagerdutyContracts } from '../contracts/pagerduty';
import { twilioContracts } from '../contracts/twilio';

const CONTRACTS = contractsOf([...pagerdutyContracts, ...opsgenieContracts, ...datadogContracts, ...twilioContracts]);

function refsOf(v: Value, acc: string[] = []): string[] {
  if (isRef(v)) acc.push(v.$ref);
  else if (isConcat(v)) v.$concat.forEach((x) => refsOf(x, acc));
  else if (Array.isArray(v)) v.forEach((x) => refsOf(x, acc));
  else if (v !== null && typeof v === 'object' && !isInvoke(v)) Object.values(v).forEach((x) => refsOf(x, acc));
  return acc;
}

/** `resource → name` for every reference or dependency naming no resource of the plan. */
function dangling(resources: readonly DesiredResource[]): string[] {
  const known = new Set(resources.map((r) => r.name));
  return resources.flatMap((r) =>
    [...refsOf(r.inputs as Value), ...(r.options?.dependsOn ?? [])].filter((n) => !known.has(n)).map((n) => `${r.name} → ${n}`),
  );
}

const analysis = poolAnalysis();
const org = analysis.organisation!;
const planOf = (backend: (typeof BACKENDS)[number]) =>
  renderStack(org, { ...POOL_STACKS.find((s) => s.backend === backend)!, now: POOL_NOW }).resources;

describe('a pool organisation', () => {
  it('validates without errors on every backend (Datadog On-Call refusing only the e-mail intake, as for any squad)', () => {
    const errors = analysis.problems.filter((p) => p.severity === 'error');
    expect(
      errors.filter((p) => p.code !== 'backend/datadog-email-intake').map((p) => `${p.file}:${p.line} ${p.code} ${p.message}`),
    ).toEqual([]);
    expect(errors.map((p) => p.file)).toEqual(['teams/contract-a/team.yaml', 'teams/contract-b/team.yaml']);
  });

  it.each(BACKENDS)('every reference of the %s plan resolves to a resource of the plan', (backend) => {
    expect(dangling(planOf(backend))).toEqual([]);
  });

  it.each(BACKENDS)('the %s plan passes the provider contracts', (backend) => {
    expect(checkPlan(CONTRACTS, planOf(backend), POOL_NOW)).toEqual([]);
  });

  it.each(BACKENDS)('the %s plan has one schedule per pool rotation, rendered by the pool', (backend) => {
    const schedules = planOf(backend).filter((r) => /schedule:Schedule$|onCallSchedule:OnCallSchedule$|Schedule$/.test(r.type));
    expect(schedules.map((s) => `${s.squad} ${s.name}`).sort()).toEqual([
      `technicians ${names.schedule('technicians', 'primary')}`,
      `technicians ${names.schedule('technicians', 'secondary')}`,
    ]);
  });

  it.each(BACKENDS)('the %s plan carries each override of a pool rotation once, on its one schedule', (backend) => {
    const overrides = planOf(backend).filter((r) => r.name.includes('-override-'));
    expect(overrides.map((o) => `${o.squad} ${o.name}`)).toEqual(['technicians technicians-primary-override-20261224T1700Z']);
  });

  it.each(BACKENDS)("the %s policies of both contracts page the pool's schedules", (backend) => {
    const plan = planOf(backend);
    const policy = (squad: string, id: string) => plan.find((r) => r.name === names.escalation(squad, id))!;
    const primary = names.schedule('technicians', 'primary');
    const secondary = names.schedule('technicians', 'secondary');
    expect(refsOf(policy('contract-a', 'gti-1h').inputs as Value)).toEqual(expect.arrayContaining([primary, secondary]));
    expect(refsOf(policy('contract-b', 'gti-4h').inputs as Value)).toContain(primary);
  });

  it('on PagerDuty each contract service has its policy, its Datadog integration and its e-mail intake', () => {
    const plan = planOf('pagerduty');
    for (const [squad, policy, service] of [
      ['contract-a', 'gti-1h', 'contract-a-erp'],
      ['contract-a', 'gti-1h', 'contract-a-mail'],
      ['contract-b', 'gti-4h', 'contract-b-site'],
    ] as const) {
      const rendered = plan.find((r) => r.name === names.service(service));
      expect(rendered?.inputs.escalationPolicy).toEqual({ $ref: names.escalation(squad, policy), property: 'id' });
      expect(plan.some((r) => r.name === names.integration(service, 'datadog'))).toBe(true);
      expect(plan.some((r) => r.name === names.integration(service, 'email'))).toBe(true);
    }
  });

  it('on Opsgenie each contract team has its routing rule, its Datadog and e-mail integrations', () => {
    const plan = planOf('opsgenie');
    for (const [squad, policy] of [
      ['contract-a', 'gti-1h'],
      ['contract-b', 'gti-4h'],
    ] as const) {
      const rule = plan.find((r) => r.squad === squad && r.name.startsWith(`${squad}-routing-`));
      expect(rule?.inputs.notifies).toEqual([{ type: 'escalation', id: { $ref: names.escalation(squad, policy), property: 'id' } }]);
      expect(plan.some((r) => r.name === names.integration(squad, 'datadog'))).toBe(true);
      expect(plan.some((r) => r.name === names.integration(squad, 'email'))).toBe(true);
    }
  });

  it('on Datadog On-Call each contract team routes to its policy', () => {
    const plan = renderStack(org, { ...poolStack('datadog'), now: POOL_NOW }).resources;
    for (const squad of ['contract-a', 'contract-b']) expect(plan.some((r) => r.name === names.routing(squad))).toBe(true);
  });
});

describe('a stack of some squads of a pool organisation', () => {
  it.each(BACKENDS)('on %s, leaving the pool out of a stack of a contract is an error at the routing rule and the step', (backend) => {
    const stack = poolStack(backend, ['contract-a']);
    const problems = poolAnalysis([stack]).problems.filter((p) => p.code === 'stack/rotation-outside');
    // contract-a's second step (the pool's secondary) and its routing rule (the pool's primary).
    expect(problems.map((p) => [p.file, p.line, p.severity])).toEqual([
      ['teams/contract-a/team.yaml', 13, 'error'],
      ['teams/contract-a/team.yaml', 19, 'error'],
    ]);
    expect(problems[0]?.suggestion).toBe(`add \`technicians\` to \`oncall:teams\` of stack \`${stack.name}\``);
  });

  it.each(BACKENDS)('on %s, a stack of a contract and its pool holds every resource its references name', (backend) => {
    const stack = poolStack(backend, ['contract-a', 'technicians']);
    const result = poolAnalysis([stack]);
    expect(result.problems.filter((p) => p.code === 'stack/rotation-outside')).toEqual([]);
    expect(dangling(renderStack(result.organisation!, { ...stack, now: POOL_NOW }).resources)).toEqual([]);
  });
});
