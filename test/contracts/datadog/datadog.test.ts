/**
 * Every Datadog resource the renderers emit, for each paging backend, checked against the contracts read
 * from terraform-provider-datadog (see index.ts): no violation, and nothing left to change right after apply.
 */
import { describe, expect, it } from 'vitest';
import { loadOrganisation } from '../../../modules/model/load';
import type { Organisation } from '../../../modules/model/types';
import { BACKENDS, type Backend, type DesiredResource } from '../../../modules/render/desired';
import { DD } from '../../../modules/backends/datadog-oncall/resources';
import { renderStack } from '../../../modules/render/stack';
import type { SourceTree } from '../../../modules/spec/source';
import { fixtureTree, NOW } from '../../helpers';
import { checkPlan, contractsOf, secondPlan, type ContractContext } from '../contract';
import { datadogContracts } from './index';
import { monitorContract, statusComponentContract } from './alerts';
import { lab } from './lab-squad';
import { escalationContract, overrideContract, routingContract, scheduleContract } from './oncall';

const contracts = contractsOf(datadogContracts);

function datadogResources(org: Organisation, backend: Backend, now: number): DesiredResource[] {
  return renderStack(org, { now, name: 't', backend }).resources.filter((r) => r.type.startsWith('datadog:') || r.type === DD.override);
}

function load(tree: SourceTree): Organisation {
  const loaded = loadOrganisation(tree);
  const errors = loaded.problems.filter((p) => p.severity === 'error');
  expect(errors, JSON.stringify(errors, null, 1)).toEqual([]);
  return loaded.organisation!;
}

const INSTANTS = [NOW, Date.parse('2026-06-15T12:00:00Z'), Date.parse('2026-12-20T12:00:00Z')];

describe.each(BACKENDS)('Datadog resources of a %s stack', (backend) => {
  it.each(INSTANTS.map((t) => new Date(t).toISOString()))(
    'the fixture organisation at %s: valid, and nothing changes after apply',
    (at) => {
      const now = Date.parse(at);
      const resources = datadogResources(load(fixtureTree()), backend, now);
      expect(resources.length).toBeGreaterThan(10);
      expect(checkPlan(contracts, resources, now)).toEqual([]);
    },
  );

  it('a squad with every coverage shape, roster changes, overrides, every alert kind and a cross-squad target', () => {
    const org = load(lab());
    for (const now of INSTANTS) {
      const resources = datadogResources(org, backend, now);
      expect(checkPlan(contracts, resources, now)).toEqual([]);
    }
    const types = new Set(datadogResources(org, backend, NOW).map((r) => r.type));
    for (const t of [
      'datadog:index/monitor:Monitor',
      'datadog:index/syntheticsTest:SyntheticsTest',
      'datadog:index/serviceLevelObjective:ServiceLevelObjective',
      'datadog:index/statusPage:StatusPage',
      'datadog:index/statusPageComponent:StatusPageComponent',
    ]) {
      expect(types.has(t), t).toBe(true);
    }
  });
});

describe('contracts cover every Datadog type the stacks emit', () => {
  it('each type emitted by any backend has a contract', () => {
    const org = load(lab());
    const emitted = new Set(BACKENDS.flatMap((b) => datadogResources(org, b, NOW).map((r) => r.type)));
    for (const t of emitted) expect(contracts.has(t), t).toBe(true);
    for (const t of [
      DD.team,
      DD.membership,
      DD.schedule,
      DD.escalation,
      DD.routing,
      DD.override,
      'datadog:pagerduty/serviceObject:ServiceObject',
      'datadog:opsgenie/serviceObject:ServiceObject',
    ]) {
      expect(emitted.has(t), t).toBe(true);
    }
  });
});

describe('the rules catch wrong inputs', () => {
  const ctx: ContractContext = { now: NOW, resources: new Map() };
  const of = (type: string, inputs: Record<string, unknown>): DesiredResource => ({
    type,
    name: 'x',
    squad: 's',
    inputs: inputs as DesiredResource['inputs'],
  });

  it('a schedule target sent with `position: current` reads back without it: a diff after every apply', () => {
    // The renderer used to send it; the provider's Read sets position only for configured schedule targets.
    const policy = of(DD.escalation, {
      name: 'p',
      teams: [],
      retries: 0,
      steps: [
        { escalateAfterSeconds: 600, assignment: 'default', targets: [{ schedule: { $ref: 's', property: 'id' }, position: 'current' }] },
      ],
    });
    expect(secondPlan(escalationContract, policy, ctx).changed).toEqual(['steps[0].targets[0].position']);
  });

  it('the escalation policy rules: step delay range, targets naming one thing, position only with a schedule', () => {
    const bad = of(DD.escalation, {
      name: 'p',
      retries: 11,
      steps: [
        {
          escalateAfterSeconds: 30,
          targets: [
            { user: 'u', schedule: 's' },
            { user: 'u', position: 'next' },
          ],
        },
      ],
    });
    const paths = escalationContract.validate(bad, ctx).map((v) => v.path);
    expect(paths).toEqual(
      expect.arrayContaining(['retries', 'steps[0].escalateAfterSeconds', 'steps[0].targets[0]', 'steps[0].targets[1].position']),
    );
    for (const v of escalationContract.validate(bad, ctx))
      expect(v.source).toMatch(
        /^DataDog\/terraform-provider-datadog@v4\.19\.0:datadog\/fwprovider\/resource_datadog_on_call_escalation_policy\.go#/,
      );
  });

  it('the schedule rules: RFC 3339 with seconds, an interval, unique layer names, weekdays and hh:mm:ss', () => {
    const layer = {
      name: 'a',
      effectiveDate: '2026-01-05T09:00+01:00',
      rotationStart: '2026-01-05T09:00:00+01:00',
      users: ['u'],
      restrictions: [{ startDay: 'mon', startTime: '9:00', endDay: 'friday', endTime: '18:00:00' }],
    };
    const bad = of(DD.schedule, {
      name: 's',
      timeZone: 'Europe/Paris',
      layers: [layer, { ...layer, effectiveDate: '2026-01-05T09:00:00Z' }],
    });
    const paths = scheduleContract.validate(bad, ctx).map((v) => v.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'layers[0].effectiveDate',
        'layers[0].interval',
        'layers[1].name',
        'layers[0].restrictions[0].startDay',
        'layers[0].restrictions[0].startTime',
      ]),
    );
  });

  it('the monitor rules: a log query wrapped twice, a service check without last(N).count_by_status(), a window out of range', () => {
    const twice = of('datadog:index/monitor:Monitor', {
      name: 'm',
      type: 'log alert',
      message: 'x',
      query: 'logs("logs("service:a").index("*").rollup("count").last("5m") > 1").index("*").rollup("count").last("5m") > 1',
    });
    expect(monitorContract.validate(twice, ctx).map((v) => v.path)).toContain('query');
    const bare = of('datadog:index/monitor:Monitor', {
      name: 'm',
      type: 'service check',
      message: 'x',
      query: 'http.can_connect',
      monitorThresholds: { critical: '1' },
    });
    expect(monitorContract.validate(bare, ctx).map((v) => v.path)).toContain('query');
    const long = of('datadog:index/monitor:Monitor', { name: 'm', type: 'query alert', message: 'x', query: 'avg(last_2d):avg:x{*} > 1' });
    expect(
      monitorContract
        .validate(long, ctx)
        .map((v) => v.message)
        .join(),
    ).toMatch(/last_2d/);
  });

  it('the routing rules: the last rule is the catch-all with a policy; a time restriction needs a zone', () => {
    const bad = of(DD.routing, {
      teamId: 't',
      rules: [
        { timeRestrictions: { restrictions: [] }, escalationPolicy: 'p', urgency: 'urgent' },
        {
          query: 'tags.service:a',
          timeRestrictions: {
            timeZone: 'UTC',
            restrictions: [{ startDay: 'monday', startTime: '09:00:00', endDay: 'monday', endTime: '18:00:00' }],
          },
        },
      ],
    });
    expect(routingContract.validate(bad, ctx).map((v) => v.path)).toEqual(
      expect.arrayContaining([
        'rules[0].urgency',
        'rules[0].timeRestrictions.timeZone',
        'rules[0].timeRestrictions.restrictions',
        'rules[1].query',
        'rules[1].timeRestrictions',
        'rules[1].escalationPolicy',
      ]),
    );
    // A rule without query reads back with query "" (Optional+Computed, Default ""): no diff.
    const ok = of(DD.routing, { teamId: 't', rules: [{ escalationPolicy: 'p', urgency: 'high' }] });
    expect(routingContract.validate(ok, ctx)).toEqual([]);
    expect(secondPlan(routingContract, ok, ctx).changed).toEqual([]);
  });

  it('an override ends after it starts, in RFC 3339 date-times', () => {
    const bad = of(DD.override, { scheduleId: 's', start: '2026-12-24T18:00:00+01:00', end: '2026-12-24 09:00', userId: 'u' });
    expect(overrideContract.validate(bad, ctx).map((v) => v.path)).toEqual(['end']);
    const reversed = of(DD.override, {
      scheduleId: 's',
      start: '2026-12-24T18:00:00+01:00',
      end: '2026-12-24T09:00:00+01:00',
      userId: 'u',
    });
    expect(overrideContract.validate(reversed, ctx).map((v) => v.message)).toEqual(['an override ends after it starts']);
  });

  it('a status page component after the first needs dependsOn on the one before it', () => {
    const page = { $ref: 'status-page', property: 'id' };
    const a: DesiredResource = {
      type: 'datadog:index/statusPageComponent:StatusPageComponent',
      name: 'a',
      squad: 'o',
      inputs: { pageId: page, name: 'A', type: 'component', position: 0 },
    };
    const b: DesiredResource = { type: a.type, name: 'b', squad: 'o', inputs: { pageId: page, name: 'B', type: 'component', position: 1 } };
    const both: ContractContext = {
      now: NOW,
      resources: new Map([
        ['a', a],
        ['b', b],
      ]),
    };
    expect(statusComponentContract.validate(b, both).map((v) => v.path)).toEqual(['position']);
    expect(statusComponentContract.validate({ ...b, options: { dependsOn: ['a'] } }, both)).toEqual([]);
  });
});
