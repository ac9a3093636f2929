/**
 * The PagerDuty stack against the provider pinned by `@pulumi/pagerduty` 3.4.0: every rendered resource is
 * accepted and its second plan is empty, for the fixture organisation and for small squads made to cover
 * each shape the renderer emits; and the contracts themselves catch the inputs that failed in real runs.
 */
import { describe, expect, it } from 'vitest';
import { loadOrganisation } from '../../../modules/model/load';
import type { DesiredResource } from '../../../modules/render/desired';
import { PD } from '../../../modules/backends/pagerduty/resources';
import { renderStack } from '../../../modules/render/stack';
import type { SourceTree } from '../../../modules/spec/source';
import { shiftAt } from '../../../modules/schedule/shifts';
import { pagerdutyOnCall } from '../../../modules/interpret/pagerduty';
import { fixtureTree, NOW, withFiles } from '../../helpers';
import { checkPlan, contractsOf, secondPlan, type ContractContext } from '../contract';
import { pagerdutyContracts } from './index';
import { scheduleContract } from './schedule';
import { serviceContract } from './service';
import { serviceIntegrationContract } from './service-integration';

const contracts = contractsOf(pagerdutyContracts);
const isPagerDuty = (r: DesiredResource): boolean => r.type.startsWith('pagerduty:') || r.type === PD.override;

function pagerdutyPlan(tree: SourceTree, now: number): DesiredResource[] {
  const loaded = loadOrganisation(tree);
  expect(loaded.problems.filter((p) => p.severity === 'error')).toEqual([]);
  const state = renderStack(loaded.organisation!, { now, name: 'contract', backend: 'pagerduty', pagerdutySubdomain: 'acme' });
  return state.resources.filter(isPagerDuty);
}

const ctxOf = (resources: readonly DesiredResource[], now: number): ContractContext => ({
  now,
  resources: new Map(resources.map((r) => [r.name, r])),
});

/** A squad `lab` added to the fixture organisation (people from its org.yaml). */
function lab(body: string): SourceTree {
  const head = 'name: Lab\nmanager: manon\nmembers: [alice, bruno, chloe, david]\n';
  return withFiles({ 'lab/team.yaml': head + body }, fixtureTree());
}

const POLICY = 'escalations:\n  main:\n    steps:\n      - notify: on-call\n      - after: 30m\n        notify: manager\n';
const SERVICE = 'services:\n  lab-api: {}\n';
const rotation = (extra: string): string =>
  `rotations:\n  oncall:\n    members: [alice, bruno, chloe, david]\n    start: 2026-01-05\n${extra}${POLICY}${SERVICE}`;

// Instants the stack is planned at: before everything, between roster changes, after them.
const NOWS = [NOW, Date.parse('2026-03-15T12:00:00Z'), Date.parse('2026-07-01T00:00:00Z'), Date.parse('2027-02-01T00:00:00Z')];

const CASES: Record<string, string> = {
  always: rotation(''),
  'business and off hours, routed with urgencies': [
    'rotations:',
    '  run: { members: [alice, bruno], start: 2026-01-05, coverage: business-hours }',
    '  night: { members: [chloe, david], start: 2026-01-05, coverage: off-hours }',
    POLICY.trimEnd(),
    'routing:',
    '  - { during: business-hours, rotation: run, urgency: high }',
    '  - { rotation: night, urgency: low }',
    SERVICE,
  ].join('\n'),
  'low urgency in business hours, high outside': [
    'rotations:',
    '  run: { members: [alice, bruno], start: 2026-01-05, coverage: business-hours }',
    '  night: { members: [chloe, david], start: 2026-01-05, coverage: off-hours }',
    POLICY.trimEnd(),
    'routing:',
    '  - { during: business-hours, rotation: run, urgency: low }',
    '  - { rotation: night }',
    SERVICE,
  ].join('\n'),
  'one window every day': rotation('    coverage: [{ days: every-day, from: "08:00", to: "20:00" }]\n'),
  'weekday windows': rotation(
    '    coverage: [{ days: monday-friday, from: "07:30", to: "19:15" }, { days: saturday, from: "10:00", to: "14:00" }]\n',
  ),
  'windows wrapping midnight': rotation('    coverage: [{ days: every-day, from: "22:00", to: "06:00" }]\n'),
  'a weekend window wrapping into Monday': rotation(
    '    coverage: [{ days: friday, from: "18:00", to: "24:00" }, { days: saturday-sunday, from: "00:00", to: "24:00" }, { days: monday, from: "00:00", to: "09:00" }]\n',
  ),
  'daily handoffs across both DST changes': rotation('    every: 1d\n    handoff: "02:30"\n'),
  'hourly turns': rotation('    every: 12h\n    handoff: "08:00"\n    timezone: UTC\n'),
  'two-week turns': rotation('    every: 2w\n'),
  'roster changes in the past and the future': rotation(
    '    changes:\n      - { from: 2026-02-02, members: [bruno, alice, david, chloe] }\n      - { from: 2026-06-01, members: [david, chloe] }\n',
  ),
  'past and future overrides and swaps': rotation(
    [
      '    overrides:',
      '      - { person: david, start: 2026-02-10 18:00, end: 2026-02-12 09:00 }',
      '      - { person: alice, start: 2026-04-10 18:00, end: 2026-04-12 09:00 }',
      '      - { person: chloe, start: 2026-12-24 18:00, end: 2026-12-26 09:00 }',
      '    swaps:',
      '      - { between: [alice, bruno], shifts: [2026-02-02, 2026-02-09] }',
      '      - { between: [chloe, david], shifts: [2026-04-13, 2026-04-20] }',
      '',
    ].join('\n'),
  ),
  'escalation repeats, several targets in one step, cross-squad targets': [
    'rotations:',
    '  oncall: { members: [alice, bruno, chloe, david], start: 2026-01-05 }',
    '  shadow: { follows: oncall, offset: 2 }',
    'escalations:',
    '  main:',
    '    repeat: 3',
    '    steps:',
    '      - notify: [on-call, { rotation: shadow }]',
    '      - after: 10m',
    '        notify: [manager, { person: hugo }, { rotation: storefront/oncall }]',
    '      - after: 25m',
    '        notify: { rotation: platform/secondary }',
    'routing:',
    '  - { rotation: oncall, escalation: main }',
    SERVICE,
  ].join('\n'),
  'e-mail intake with several services': [
    'rotations:',
    '  oncall: { members: [alice, bruno, chloe, david], start: 2026-01-05 }',
    POLICY.trimEnd(),
    'intake: { email: true }',
    'services:',
    '  lab-api: { name: Lab API }',
    '  lab-worker: { name: Lab worker }',
    '  lab-old: { name: Lab old, retired: true }',
    '',
  ].join('\n'),
};

describe('PagerDuty contracts (provider v2.4.0 behind @pulumi/pagerduty 3.4.0)', () => {
  it('cover every resource type the renderer emits', () => {
    const types = new Set(Object.values(CASES).flatMap((body) => pagerdutyPlan(lab(body), NOW).map((r) => r.type)));
    for (const type of types) expect(contracts.has(type), type).toBe(true);
    expect([...types].sort()).toEqual([PD.escalation, PD.integration, PD.membership, PD.override, PD.schedule, PD.service, PD.team].sort());
  });

  it.each(NOWS.map((now) => [new Date(now).toISOString(), now] as const))(
    'the fixture organisation planned at %s passes and reads back as planned',
    (_at, now) => {
      const resources = pagerdutyPlan(fixtureTree(), now);
      expect(resources.length).toBeGreaterThan(30);
      expect(checkPlan(contracts, resources, now)).toEqual([]);
    },
  );

  describe.each(Object.entries(CASES))('a squad with %s', (_name, body) => {
    it.each(NOWS.map((now) => [new Date(now).toISOString(), now] as const))(
      'planned at %s, passes and reads back as planned',
      (_at, now) => {
        const resources = pagerdutyPlan(lab(body), now);
        expect(resources.some((r) => r.squad === 'lab' && r.type === PD.schedule)).toBe(true);
        expect(checkPlan(contracts, resources, now)).toEqual([]);
      },
    );
  });
});

describe('the PagerDuty contracts catch what the provider does with wrong inputs', () => {
  const now = Date.parse('2026-03-15T12:00:00Z');
  const base = pagerdutyPlan(lab(CASES['e-mail intake with several services']!), now);
  const ctx = ctxOf(base, now);
  const one = (type: string, squad = 'lab'): DesiredResource => base.find((r) => r.type === type && r.squad === squad)!;
  const edit = (r: DesiredResource, inputs: Record<string, unknown>): DesiredResource => ({
    ...r,
    inputs: { ...r.inputs, ...inputs } as DesiredResource['inputs'],
  });

  it('a service left to create_incidents (the default of v2.4.0) or without alertCreation diffs on alertCreation', () => {
    const service = one(PD.service);
    expect(secondPlan(serviceContract, service, ctx).changed).toEqual([]);
    expect(secondPlan(serviceContract, edit(service, { alertCreation: 'create_incidents' }), ctx).changed).toEqual(['alertCreation']);
    const { alertCreation: _dropped, ...without } = service.inputs;
    expect(secondPlan(serviceContract, { ...service, inputs: without }, ctx).changed).toEqual(['alertCreation']);
  });

  it('an e-mail integration without emailFilters reads back the default filter and is replaced', () => {
    const email = base.find((r) => r.type === PD.integration && r.inputs.type === 'generic_email_inbound_integration')!;
    expect(secondPlan(serviceIntegrationContract, email, ctx)).toEqual({ changed: [], replaced: [] });
    const { emailFilters: _dropped, ...without } = email.inputs;
    expect(secondPlan(serviceIntegrationContract, { ...email, inputs: without }, ctx)).toEqual({
      changed: ['emailFilters'],
      replaced: ['emailFilters'],
    });
  });

  it('a layer that ended before the plan is not read back, so the schedule diffs', () => {
    const schedule = one(PD.schedule);
    const [layer] = schedule.inputs.layers as Array<Record<string, unknown>>;
    const ended = edit(schedule, {
      layers: [
        { ...layer, end: '2026-02-02T09:00:00+01:00' },
        { ...layer, name: 'later', start: '2026-02-02T09:00:00+01:00', rotationVirtualStart: '2026-02-02T09:00:00+01:00' },
      ],
    });
    expect(secondPlan(scheduleContract, ended, ctx).changed).toEqual(['layers']);
  });

  it('a layer start in the past reads back as planned (the API moves it to the update, the diff is suppressed)', () => {
    const schedule = one(PD.schedule);
    const layer = (schedule.inputs.layers as Array<Record<string, unknown>>)[0]!;
    expect(Date.parse(String(layer.start))).toBeLessThan(now);
    expect(secondPlan(scheduleContract, schedule, ctx).changed).toEqual([]);
  });

  it('validation follows the provider: ranges, formats, restriction shapes', () => {
    const schedule = one(PD.schedule);
    const layer = (schedule.inputs.layers as Array<Record<string, unknown>>)[0]!;
    const wrong = edit(schedule, {
      timeZone: 'Europe/Pariss',
      layers: [
        {
          ...layer,
          start: '2026-01-05 09:00',
          rotationTurnLengthSeconds: 1800,
          restrictions: [
            { type: 'daily_restriction', startTimeOfDay: '9:00', durationSeconds: 86_400, startDayOfWeek: 1 },
            { type: 'weekly_restriction', startTimeOfDay: '09:00:00', durationSeconds: 3600, startDayOfWeek: 8 },
          ],
        },
      ],
    });
    const paths = scheduleContract.validate(wrong, ctx).map((v) => v.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'timeZone',
        'layers[0].start',
        'layers[0].rotationTurnLengthSeconds',
        'layers[0].restrictions[0].startTimeOfDay',
        'layers[0].restrictions[0].durationSeconds',
        'layers[0].restrictions[0].startDayOfWeek',
        'layers[0].restrictions[1].startDayOfWeek',
      ]),
    );
    for (const v of scheduleContract.validate(wrong, ctx))
      expect(v.source).toMatch(
        /^(PagerDuty\/terraform-provider-pagerduty@v2\.4\.0|PagerDuty\/api-schema@91a06fb|pulumi\/pulumi-pagerduty@v3\.4\.0):/,
      );
  });

  it('validation catches wrong policies, urgencies, integrations and overrides', () => {
    const policy = one(PD.escalation);
    const rules = policy.inputs.rules as Array<Record<string, unknown>>;
    expect(
      contracts
        .get(PD.escalation)!
        .validate(edit(policy, { numLoops: 10, rules: [{ ...rules[0], escalationDelayInMinutes: 0 }] }), ctx)
        .map((v) => v.path),
    ).toEqual(['numLoops', 'rules[0].escalationDelayInMinutes']);
    const service = one(PD.service);
    const urgency = {
      type: 'use_support_hours',
      urgency: 'high',
      duringSupportHours: { type: 'constant', urgency: 'high' },
      outsideSupportHours: { type: 'constant', urgency: 'high' },
    };
    const scheduled = [{ type: 'urgency_change', toUrgency: 'high', ats: [{ type: 'named_time', name: 'support_hours_start' }] }];
    expect(
      serviceContract
        .validate(edit(service, { name: 'a/b', incidentUrgencyRule: urgency, scheduledActions: scheduled }), ctx)
        .map((v) => v.path),
    ).toEqual(['name', 'incidentUrgencyRule.urgency', 'supportHours', 'scheduledActions[0]']);
    const email = base.find((r) => r.type === PD.integration && r.inputs.type === 'generic_email_inbound_integration')!;
    expect(serviceIntegrationContract.validate(edit(email, { integrationEmail: 'lab@example.com' }), ctx).map((v) => v.path)).toEqual([
      'integrationEmail',
    ]);
    const override =
      base.find((r) => r.type === PD.override) ??
      pagerdutyPlan(lab(CASES['past and future overrides and swaps']!), now).find((r) => r.type === PD.override)!;
    expect(
      contracts
        .get(PD.override)!
        .validate(edit(override, { end: override.inputs.start, userName: 'x' }), ctx)
        .map((v) => v.path),
    ).toEqual(['userName', 'end']);
  });

  it('two e-mail integrations with one address are refused', () => {
    const email = base.find((r) => r.type === PD.integration && r.inputs.type === 'generic_email_inbound_integration')!;
    const twin = { ...email, name: 'twin-email-integration' };
    const resources = [...base, twin];
    expect(serviceIntegrationContract.validate(twin, ctxOf(resources, now)).map((v) => v.message)).toEqual([
      `also the address of ${email.name}`,
    ]);
  });
});

describe('the crafted squads render the shapes they are named after', () => {
  const at = Date.parse('2026-03-15T12:00:00Z');
  const labOf = (name: string, now = at): DesiredResource[] => pagerdutyPlan(lab(CASES[name]!), now).filter((r) => r.squad === 'lab');
  const layersOf = (r: DesiredResource | undefined): Array<Record<string, unknown>> =>
    (r?.inputs.layers ?? []) as Array<Record<string, unknown>>;

  it('routing by business hours: support hours, an urgency each side, the scheduled action only for high then low', () => {
    const high = labOf('business and off hours, routed with urgencies').find((r) => r.type === PD.service)!;
    expect(high.inputs).toMatchObject({
      alertCreation: 'create_alerts_and_incidents',
      supportHours: {
        type: 'fixed_time_per_day',
        timeZone: 'Europe/Paris',
        daysOfWeeks: [1, 2, 3, 4, 5],
        startTime: '09:00:00',
        endTime: '18:00:00',
      },
      incidentUrgencyRule: {
        type: 'use_support_hours',
        duringSupportHours: { type: 'constant', urgency: 'high' },
        outsideSupportHours: { type: 'constant', urgency: 'low' },
      },
      scheduledActions: [{ type: 'urgency_change', toUrgency: 'high', ats: [{ type: 'named_time', name: 'support_hours_start' }] }],
    });
    const low = labOf('low urgency in business hours, high outside').find((r) => r.type === PD.service)!;
    expect(low.inputs.incidentUrgencyRule).toMatchObject({
      type: 'use_support_hours',
      duringSupportHours: { urgency: 'low' },
      outsideSupportHours: { urgency: 'high' },
    });
    expect(low.inputs.scheduledActions).toBeUndefined();
  });

  it('coverage becomes daily or weekly restrictions, wrapping midnight and the week end', () => {
    const restrictionsOf = (name: string): unknown => layersOf(labOf(name).find((r) => r.type === PD.schedule))[0]?.restrictions;
    expect(restrictionsOf('one window every day')).toEqual([
      { type: 'daily_restriction', startTimeOfDay: '08:00:00', durationSeconds: 12 * 3600 },
    ]);
    expect(restrictionsOf('windows wrapping midnight')).toEqual([
      { type: 'daily_restriction', startTimeOfDay: '22:00:00', durationSeconds: 8 * 3600 },
    ]);
    expect(restrictionsOf('a weekend window wrapping into Monday')).toEqual([
      { type: 'weekly_restriction', startDayOfWeek: 5, startTimeOfDay: '18:00:00', durationSeconds: 63 * 3600 },
    ]);
    expect(restrictionsOf('weekday windows')).toHaveLength(6);
  });

  it('a roster order over at the plan is not sent; the current and later ones are', () => {
    const before = layersOf(labOf('roster changes in the past and the future', NOW).find((r) => r.type === PD.schedule));
    expect(before.map((l) => l.name)).toEqual(['oncall base', 'oncall from-2026-02-02', 'oncall from-2026-06-01']);
    const between = layersOf(labOf('roster changes in the past and the future', at).find((r) => r.type === PD.schedule));
    expect(between.map((l) => l.name)).toEqual(['oncall from-2026-02-02', 'oncall from-2026-06-01']);
    const after = layersOf(labOf('roster changes in the past and the future', NOWS[3]).find((r) => r.type === PD.schedule));
    expect(after.map((l) => [l.name, l.end])).toEqual([['oncall from-2026-06-01', undefined]]);
  });

  it('after roster changes in the past, the layers sent still page whom the engine names, from the plan on', () => {
    const org = loadOrganisation(lab(CASES['roster changes in the past and the future']!)).organisation!;
    const state = renderStack(org, { now: at, name: 'contract', backend: 'pagerduty' });
    const rotation = org.rotations.get('lab/oncall')!;
    const checked: string[] = [];
    for (let t = at; t < at + 30 * 7 * 86_400_000; t += 5 * 3_600_000) {
      const engine = shiftAt(rotation, t)?.person ?? null;
      const pagerduty = pagerdutyOnCall(org, state, 'lab-oncall-schedule', t);
      if (engine !== pagerduty) checked.push(`${new Date(t).toISOString()}: engine ${engine}, pagerduty ${pagerduty}`);
    }
    expect(checked).toEqual([]);
  });

  it('overrides and swapped shifts are sent whether over or to come', () => {
    const overrides = labOf('past and future overrides and swaps')
      .filter((r) => r.type === PD.override)
      .map((r) => r.inputs.start);
    expect(overrides).toEqual(
      expect.arrayContaining(['2026-02-10T18:00:00+01:00', '2026-04-10T18:00:00+02:00', '2026-12-24T18:00:00+01:00']),
    );
    expect(overrides.length).toBeGreaterThanOrEqual(7);
  });

  it('a policy repeats, notifies several targets in one rule and targets other squads’ schedules', () => {
    const policy = labOf('escalation repeats, several targets in one step, cross-squad targets').find((r) => r.type === PD.escalation)!;
    expect(policy.inputs.numLoops).toBe(3);
    const rules = policy.inputs.rules as Array<{ escalationDelayInMinutes: number; targets: Array<{ type: string; id: unknown }> }>;
    expect(rules.map((r) => r.escalationDelayInMinutes)).toEqual([10, 15, 35]);
    expect(rules.map((r) => r.targets.length)).toEqual([2, 3, 1]);
    expect(rules[1]!.targets[2]).toEqual({ type: 'schedule_reference', id: { $ref: 'storefront-oncall-schedule', property: 'id' } });
    expect(rules[2]!.targets[0]).toEqual({ type: 'schedule_reference', id: { $ref: 'platform-secondary-schedule', property: 'id' } });
  });
});
