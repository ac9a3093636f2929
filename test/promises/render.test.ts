/**
 * The promise resources each backend receives, checked against what the providers and APIs accept:
 * - PagerDuty: `support_hours.type` is `fixed_time_per_day`, urgencies are among `high`, `low`, `severity_based`,
 *   and `use_support_hours` carries no general urgency (PagerDuty/api-schema reference/REST/openapiv3.json
 *   IncidentUrgencyType, SupportHours; terraform-provider-pagerduty v2.4.0 resource_pagerduty_service.go CustomizeDiff);
 * - Opsgenie: `match-all-conditions` has at least one condition and `match-all` none (opsgenie-oas
 *   definitions/common.yaml; provider v0.6.40 validateOpsgenieCriteria); `notify` type `none` names nothing;
 * - Datadog On-Call: the last rule has no query and no time restrictions and has a policy; `urgency` only with a
 *   policy (terraform-provider-datadog v4.19.0 resource_datadog_on_call_team_routing_rules.go Validate and schema).
 */
import { describe, expect, it } from 'vitest';
import { loadOrganisation } from '../../modules/model/load';
import { renderStack } from '../../modules/render/stack';
import { DD } from '../../modules/backends/datadog-oncall/resources';
import { OG } from '../../modules/backends/opsgenie/resources';
import { PD } from '../../modules/backends/pagerduty/resources';
import { analyse } from '../../modules/pipeline';
import { parseStackFile } from '../../modules/spec/stacks';
import { NOW } from '../helpers';
import { MSP, promisesTree } from './tree';

const org = loadOrganisation(promisesTree()).organisation!;
const render = (backend: 'pagerduty' | 'opsgenie' | 'datadog') => renderStack(org, { now: NOW, name: 't', backend, teams: ['msp'] });
const URGENCIES = ['high', 'low', 'severity_based'];

describe('PagerDuty: a service per contract with its policy and support hours', () => {
  const services = new Map(
    render('pagerduty')
      .resources.filter((r) => r.type === PD.service)
      .map((r) => [r.name, r.inputs as Record<string, any>]),
  );

  it('pages each contract through its own policy', () => {
    expect(services.get('client-a-service')!.escalationPolicy).toMatchObject({ $ref: 'msp-gti-1h-escalation' });
    expect(services.get('client-c-service')!.escalationPolicy).toMatchObject({ $ref: 'msp-gti-4h-escalation' });
  });

  it('states business hours as support hours, and off hours as their complement at the low urgency', () => {
    const b = services.get('client-b-service')!;
    const c = services.get('client-c-service')!;
    for (const s of [b, c]) {
      expect(s.supportHours).toMatchObject({
        type: 'fixed_time_per_day',
        timeZone: 'Europe/Paris',
        daysOfWeeks: [1, 2, 3, 4, 5],
        startTime: '09:00:00',
        endTime: '18:00:00',
      });
      expect(s.incidentUrgencyRule.type).toBe('use_support_hours');
      expect(s.incidentUrgencyRule.urgency).toBeUndefined();
      expect(URGENCIES).toContain(s.incidentUrgencyRule.duringSupportHours.urgency);
    }
    expect(b.incidentUrgencyRule).toMatchObject({ duringSupportHours: { urgency: 'high' }, outsideSupportHours: { urgency: 'low' } });
    expect(c.incidentUrgencyRule).toMatchObject({ duringSupportHours: { urgency: 'low' }, outsideSupportHours: { urgency: 'high' } });
    expect(services.get('client-a-service')!.incidentUrgencyRule).toEqual({ type: 'constant', urgency: 'high' });
  });

  it('warns that `outsideCoverage: none` pages at low urgency there, never silently', () => {
    const stack = parseStackFile('stacks/Pulumi.t.yaml', 't', 'config:\n  oncall:backend: pagerduty\n  oncall:teams: [msp]\n');
    const problems = analyse(promisesTree(), NOW, { stacks: [stack.stack!], problems: stack.problems }).problems;
    const warning = problems.find((p) => p.code === 'backend/pagerduty-outside-coverage')!;
    expect(warning).toMatchObject({ severity: 'warning', file: 'teams/msp/team.yaml', line: 49 });
    expect(warning.message).toContain('`client-c`');
  });

  it('refuses a promise neither it nor its complement fits support hours', () => {
    const text = promisesTree()
      .files.get('msp/team.yaml')!
      .replace(
        '    coverage: off-hours\n    responseTarget',
        '    coverage: [{ days: saturday, from: "10:00", to: "12:00" }, { days: sunday, from: "14:00", to: "16:00" }]\n    responseTarget',
      );
    const stack = parseStackFile('stacks/Pulumi.t.yaml', 't', 'config:\n  oncall:backend: pagerduty\n  oncall:teams: [msp]\n');
    const problems = analyse(promisesTree(text), NOW, { stacks: [stack.stack!], problems: stack.problems }).problems;
    expect(problems.filter((p) => p.code === 'backend/pagerduty-promise-hours').map((p) => p.line)).toEqual([49]);
  });
});

describe('Opsgenie: routing rules by service tag and time, ahead of the squad', () => {
  const rules = render('opsgenie')
    .resources.filter((r) => r.type === OG.routingRule)
    .map((r): Record<string, any> => ({ ...(r.inputs as Record<string, any>), name: r.name }))
    .sort((a, b) => a.order - b.order);

  it('keeps an off-hours contract silent by day, then routes it to its policy; the squad rules come last', () => {
    expect(rules.map((r) => [r.order, r.name])).toEqual([
      [0, 'msp-routing-client-a'],
      [1, 'msp-routing-client-b'],
      [2, 'msp-routing-client-c-outside'],
      [3, 'msp-routing-client-c'],
      [4, 'msp-routing-business-hours'],
      [5, 'msp-routing-otherwise'],
    ]);
    const outside = rules[2]!;
    expect(outside.notifies).toEqual([{ type: 'none' }]);
    expect(outside.timeRestrictions[0].restrictionList).toContainEqual({
      startDay: 'monday',
      startHour: 9,
      startMin: 0,
      endDay: 'monday',
      endHour: 18,
      endMin: 0,
    });
    for (const r of rules) {
      for (const c of r.criterias) {
        if (c.type === 'match-all') expect(c.conditions).toBeUndefined();
        else
          expect(c.conditions).toEqual([
            { field: 'tags', operation: 'contains', expectedValue: `service:${r.name.replace(/^msp-routing-|-outside$/g, '')}` },
          ]);
      }
    }
  });
});

describe('Datadog On-Call: routing rules by service query and time, ahead of the squad', () => {
  const routing = render('datadog').resources.find((r) => r.type === DD.routing)!;
  const rules = routing.inputs.rules as Array<Record<string, any>>;

  it('ends with a catch-all with a policy, and gives urgency only with a policy', () => {
    const last = rules[rules.length - 1]!;
    expect(last.query).toBeUndefined();
    expect(last.timeRestrictions).toBeUndefined();
    expect(last.escalationPolicy).toBeDefined();
    for (const r of rules) if (r.urgency !== undefined) expect(r.escalationPolicy).toBeDefined();
  });

  it('has a rule paging nobody for the off-hours contract by day and low urgency for the business-hours one at night', () => {
    const c = rules.filter((r) => r.query === 'tags.service:client-c');
    expect(c[0]).toMatchObject({ timeRestrictions: { timeZone: 'Europe/Paris' } });
    expect(c[0]!.escalationPolicy).toBeUndefined();
    expect(c[0]!.timeRestrictions.restrictions).toContainEqual({
      startDay: 'monday',
      startTime: '09:00:00',
      endDay: 'monday',
      endTime: '18:00:00',
    });
    const b = rules.filter((r) => r.query === 'tags.service:client-b');
    expect(b[0]).toMatchObject({ urgency: 'low' });
    expect(b[0]!.timeRestrictions.restrictions).toContainEqual({
      startDay: 'monday',
      startTime: '18:00:00',
      endDay: 'tuesday',
      endTime: '09:00:00',
    });
  });
});

describe("an alert naming its service's policy", () => {
  const alert = (policy: string) => `
alerts:
  client-a-disk:
    title: Client A disk full
    kind: metric
    severity: P2
    service: client-a
    escalation: ${policy}
    query: avg:system.disk.in_use{client:a}
    thresholds: { critical: "> 0.9" }
    runbook: https://wiki.example.org/disk
`;
  const codes = (backend: string, policy: string) => {
    const stack = parseStackFile('stacks/Pulumi.t.yaml', 't', `config:\n  oncall:backend: ${backend}\n  oncall:teams: [msp]\n`);
    const tree = promisesTree(promisesTree().files.get('msp/team.yaml')! + alert(policy));
    return analyse(tree, NOW, { stacks: [stack.stack!], problems: stack.problems })
      .problems.filter((p) => p.severity === 'error')
      .map((p) => p.code);
  };

  it.each(['pagerduty', 'opsgenie', 'datadog'])('is accepted on %s, and another policy is refused', (backend) => {
    // client-a is paged by gti-1h, though the squad's routing uses gti-4h.
    expect(codes(backend, 'gti-1h').filter((c) => c.startsWith('backend/') && c !== 'backend/opsgenie-urgency')).toEqual([]);
    expect(codes(backend, 'gti-4h').filter((c) => c.startsWith('backend/') && c !== 'backend/opsgenie-urgency')).toHaveLength(1);
  });
});

describe('PagerDuty and a squad whose services all state a promise', () => {
  it("does not hold the services to the squad routing's policies and hours", () => {
    const text = MSP.replace('  - rotation: night\n    escalation: gti-4h', '  - rotation: night\n    escalation: gti-1h');
    const stack = parseStackFile('stacks/Pulumi.t.yaml', 't', 'config:\n  oncall:backend: pagerduty\n  oncall:teams: [msp]\n');
    const errors = (tree: ReturnType<typeof promisesTree>) =>
      analyse(tree, NOW, { stacks: [stack.stack!], problems: stack.problems })
        .problems.filter((p) => p.severity === 'error')
        .map((p) => p.code);
    expect(errors(promisesTree(text))).toEqual([]);
    // A service without a promise pages as the routing says: PagerDuty then needs one policy.
    expect(errors(promisesTree(`${text}  plain:\n    name: Plain\n`))).toEqual(['backend/pagerduty-one-policy']);
  });
});
