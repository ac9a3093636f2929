/**
 * Each rule of the Opsgenie contracts catches the input it is about, and names the provider source it was read
 * from: one field changed from a resource the fixture organisation renders, as the provider would see it.
 */
import { describe, expect, it } from 'vitest';
import { loadOrganisation } from '../../../modules/model/load';
import type { DesiredResource, Value } from '../../../modules/render/desired';
import { ref } from '../../../modules/render/desired';
import { renderStack } from '../../../modules/render/stack';
import { fixtureTree, NOW } from '../../helpers';
import { contractsOf, secondPlan, type ContractContext } from '../contract';
import { opsgenieContracts } from './index';

const contracts = contractsOf(opsgenieContracts);
const rendered = renderStack(loadOrganisation(fixtureTree()).organisation!, { now: NOW, name: 'rules', backend: 'opsgenie' }).resources;

const T = {
  team: 'opsgenie:index/team:Team',
  schedule: 'opsgenie:index/schedule:Schedule',
  rotation: 'opsgenie:index/scheduleRotation:ScheduleRotation',
  escalation: 'opsgenie:index/escalation:Escalation',
  routing: 'opsgenie:index/teamRoutingRule:TeamRoutingRule',
  api: 'opsgenie:index/apiIntegration:ApiIntegration',
  email: 'opsgenie:index/emailIntegration:EmailIntegration',
  override: 'pulumi-nodejs:dynamic/opsgenie:ScheduleOverride',
} as const;

/** The first rendered resource of a type, with some inputs replaced (undefined removes one). */
function base(type: string, changes: Record<string, Value | undefined> = {}): DesiredResource {
  const r = rendered.find((x) => x.type === type);
  if (!r) throw new Error(`the fixture renders no ${type}`);
  const inputs = { ...r.inputs, ...changes } as Record<string, Value | undefined>;
  for (const k of Object.keys(inputs)) if (inputs[k] === undefined) delete inputs[k];
  return { ...r, inputs: inputs as Record<string, Value> };
}

const ctxOf = (...resources: DesiredResource[]): ContractContext => ({ now: NOW, resources: new Map(resources.map((r) => [r.name, r])) });

function violations(r: DesiredResource): string[] {
  return contracts
    .get(r.type)!
    .validate(r, ctxOf(r))
    .map((v) => `${v.path} ${v.source}`);
}

const restriction = { startHour: 8, startMin: 0, endHour: 20, endMin: 0 };
const weekday = { startDay: 'monday', startHour: 9, startMin: 0, endDay: 'monday', endHour: 18, endMin: 0 };
const user = { type: 'user', id: 'u1' };
const rule = (delay: number, id: string): Value => ({
  condition: 'if-not-acked',
  notifyType: 'default',
  delay,
  recipients: [{ type: 'user', id }],
});

const TF = 'opsgenie/terraform-provider-opsgenie@v0.6.40:';
const VALIDATE: Array<[string, DesiredResource, string, string]> = [
  [
    'a rotation start with an offset',
    base(T.rotation, { startDate: '2026-01-05T09:00:00+01:00' }),
    'startDate',
    `${TF}opsgenie/util.go#validateDateWithMinutes`,
  ],
  [
    'a rotation end at minute 15',
    base(T.rotation, { endDate: '2026-02-02T08:15:00Z' }),
    'endDate',
    `${TF}opsgenie/util.go#validateDateWithMinutes`,
  ],
  [
    'a rotation ending before it starts',
    base(T.rotation, { startDate: '2026-01-05T08:00:00Z', endDate: '2026-01-01T08:00:00Z' }),
    'endDate',
    'og/entity.go#Rotation.Validate',
  ],
  [
    'a monthly rotation',
    base(T.rotation, { type: 'monthly' }),
    'type',
    'resource_opsgenie_schedule_rotation.go#validateOpsgenieScheduleRotationType',
  ],
  [
    'a schedule as rotation participant',
    base(T.rotation, { participants: [{ type: 'schedule', id: 's' }] }),
    'participants[0].type',
    '#validateScheduleRotationParticipantType',
  ],
  [
    'a user participant without id',
    base(T.rotation, { participants: [{ type: 'user' }] }),
    'participants[0]',
    'og/entity.go#validateParticipants',
  ],
  [
    'a rotation without participants',
    base(T.rotation, { participants: undefined }),
    'participants',
    'resource_opsgenie_schedule_rotation.go#resourceOpsgenieScheduleRotation',
  ],
  [
    'the Terraform name `participant`',
    base(T.rotation, { participant: [user] }),
    'participant',
    'provider/resources.go#opsgenie_schedule_rotation',
  ],
  [
    'time-of-day under `restrictions`',
    base(T.rotation, { timeRestrictions: [{ type: 'time-of-day', restrictions: [restriction] }] }),
    'timeRestrictions[0].restrictions',
    'provider/resources.go#time_restriction',
  ],
  [
    'time-of-day without `restriction`',
    base(T.rotation, { timeRestrictions: [{ type: 'time-of-day' }] }),
    'timeRestrictions[0]',
    'og/entity.go#ValidateRestrictions',
  ],
  [
    'weekdays without `restrictionList`',
    base(T.rotation, { timeRestrictions: [{ type: 'weekday-and-time-of-day', restriction: [restriction] }] }),
    'timeRestrictions[0]',
    'og/entity.go#ValidateRestrictions',
  ],
  [
    'both restriction shapes',
    base(T.rotation, { timeRestrictions: [{ type: 'time-of-day', restriction: [restriction], restrictionList: [weekday] }] }),
    'timeRestrictions[0]',
    'commonschema.go#timeRestrictionSchema',
  ],
  [
    'two time-of-day restrictions',
    base(T.rotation, { timeRestrictions: [{ type: 'time-of-day', restriction: [restriction, restriction] }] }),
    'timeRestrictions[0].restriction',
    'commonschema.go#timeRestrictionSchema',
  ],
  [
    'two time restrictions',
    base(T.rotation, {
      timeRestrictions: [
        { type: 'time-of-day', restriction: [restriction] },
        { type: 'time-of-day', restriction: [restriction] },
      ],
    }),
    'timeRestrictions',
    'commonschema.go#timeRestrictionSchema',
  ],
  [
    'an end hour of 24',
    base(T.rotation, { timeRestrictions: [{ type: 'time-of-day', restriction: [{ ...restriction, endHour: 24, endMin: 0 }] }] }),
    'timeRestrictions[0].restriction[0].endHour',
    'commonschema.go#timeRestrictionSchema',
  ],
  [
    'a day written `mon`',
    base(T.rotation, { timeRestrictions: [{ type: 'weekday-and-time-of-day', restrictionList: [{ ...weekday, startDay: 'mon' }] }] }),
    'timeRestrictions[0].restrictionList[0].startDay',
    'commonschema.go#timeRestrictionSchema',
  ],
  [
    'an unknown restriction type',
    base(T.rotation, { timeRestrictions: [{ type: 'weekday', restrictionList: [weekday] }] }),
    'timeRestrictions[0].type',
    'commonschema.go#timeRestrictionSchema',
  ],
  [
    'a schedule name with a colon',
    base(T.schedule, { name: 'Storefront: on call' }),
    'name',
    'resource_opsgenie_schedule.go#validateOpsgenieScheduleName',
  ],
  [
    'a schedule name of 100 characters',
    base(T.schedule, { name: 'x'.repeat(100) }),
    'name',
    'resource_opsgenie_schedule.go#validateOpsgenieScheduleName',
  ],
  ['a team name with an accent', base(T.team, { name: 'Équipe' }), 'name', 'resource_opsgenie_team.go#validateOpsGenieTeamName'],
  [
    'a team member without id',
    base(T.team, { members: [{ role: 'user' }] }),
    'members[0].id',
    'resource_opsgenie_team.go#resourceOpsGenieTeam',
  ],
  [
    'an escalation condition `if-not-seen`',
    base(T.escalation, { rules: [{ ...(rule(0, 'u') as object), condition: 'if-not-seen' }] }),
    'rules[0].condition',
    '#validateOpsgenieEscalationRulesCondition',
  ],
  [
    'a notify type `everyone`',
    base(T.escalation, { rules: [{ ...(rule(0, 'u') as object), notifyType: 'everyone' }] }),
    'rules[0].notifyType',
    '#validateOpsgenieEscalationRulesNotifyType',
  ],
  [
    'two recipients in a rule',
    base(T.escalation, { rules: [{ ...(rule(0, 'u') as object), recipients: [user, { type: 'user', id: 'u2' }] }] }),
    'rules[0].recipients',
    '#expandOpsgenieEscalationRuleParticipant',
  ],
  [
    'an escalation as recipient',
    base(T.escalation, { rules: [{ ...(rule(0, 'u') as object), recipients: [{ type: 'escalation', id: 'e' }] }] }),
    'rules[0].recipients[0].type',
    '#validateEscalationParticipantType',
  ],
  ['a negative delay', base(T.escalation, { rules: [rule(-1, 'u')] }), 'rules[0].delay', '#expandOpsgenieEscalationRules'],
  ['no rules', base(T.escalation, { rules: [] }), 'rules', 'escalation/request.go#CreateRequest.Validate'],
  ['two repeats', base(T.escalation, { repeats: [{ count: 1 }, { count: 2 }] }), 'repeats', '#expandOpsgenieEscalationRepeat'],
  [
    'two notifies in a routing rule',
    base(T.routing, {
      notifies: [
        { type: 'escalation', id: 'a' },
        { type: 'escalation', id: 'b' },
      ],
    }),
    'notifies',
    '#expandOpsgenieNotify',
  ],
  [
    'a routing rule notifying a user',
    base(T.routing, { notifies: [{ type: 'user', id: 'u' }] }),
    'notifies[0].type',
    'definitions/teamRoutingRule.yaml#CreateTeamRoutingRulePayload.notify',
  ],
  [
    'match-all with conditions',
    base(T.routing, { criterias: [{ type: 'match-all', conditions: [{ field: 'priority', operation: 'equals', expectedValue: 'P1' }] }] }),
    'criterias[0]',
    '#validateOpsgenieCriteria',
  ],
  [
    'match-any-condition without conditions',
    base(T.routing, { criterias: [{ type: 'match-any-condition' }] }),
    'criterias[0]',
    'og/entity.go#ValidateCriteria',
  ],
  ['a negative order', base(T.routing, { order: -1 }), 'order', 'definitions/teamRoutingRule.yaml#CreateTeamRoutingRulePayload.order'],
  [
    'an integration name of 251 characters',
    base(T.api, { name: 'x'.repeat(251) }),
    'name',
    'resource_opsgenie_api_integration.go#resourceOpsgenieApiIntegration',
  ],
  [
    'a group as integration responder',
    base(T.api, { responders: [{ type: 'group', id: 'g' }] }),
    'responders[0].type',
    'integration_util.go#validateResponderType',
  ],
  [
    'an e-mail integration without username',
    base(T.email, { emailUsername: undefined }),
    'emailUsername',
    'resource_opsgenie_email_integration.go#resourceOpsgenieEmailIntegration',
  ],
  [
    'an override date without zone',
    base(T.override, { startDate: '2026-12-24 18:00' }),
    'startDate',
    'definitions/scheduleOverride.yaml#CreateScheduleOverridePayload.startDate',
  ],
  [
    'an override without user',
    base(T.override, { username: undefined }),
    'username',
    'definitions/scheduleOverride.yaml#CreateScheduleOverridePayload',
  ],
];

describe('each validate rule catches its input', () => {
  it.each(VALIDATE)('%s', (_, resource, path, source) => {
    const original = rendered.find((r) => r.name === resource.name)!;
    expect(violations(original)).toEqual([]);
    expect(violations(resource)).toContainEqual(
      expect.stringMatching(new RegExp(`^${path.replace(/[.[\]]/g, '\\$&')} .*${source.replace(/[.[\]#/]/g, '\\$&')}$`)),
    );
  });
});

function changed(r: DesiredResource, ...others: DesiredResource[]): { changed: string[]; replaced: string[] } {
  return secondPlan(contracts.get(r.type)!, r, ctxOf(r, ...others));
}

describe('each read-back rule shows in the second plan', () => {
  it('a start date with a fraction of a second is read back without it (Read formats with 2006-01-02T15:04:05Z)', () => {
    expect(changed(base(T.rotation, { startDate: '2026-01-05T08:00:00.000Z' })).changed).toEqual(['startDate']);
  });

  it('a rotation without length reads back length 1 (the API default)', () => {
    expect(changed(base(T.rotation, { length: undefined })).changed).toEqual(['length']);
  });

  it('restriction minutes other than 0 or 30 are rounded by the API', () => {
    const r = base(T.rotation, { timeRestrictions: [{ type: 'time-of-day', restriction: [{ ...restriction, startMin: 10 }] }] });
    expect(changed(r).changed).toEqual(['timeRestrictions[0].restriction[0].startMin']);
  });

  it('weekday restrictions are a set: another order is no change', () => {
    const list = [weekday, { ...weekday, startDay: 'tuesday', endDay: 'tuesday' }];
    const r = base(T.rotation, { timeRestrictions: [{ type: 'weekday-and-time-of-day', restrictionList: list }] });
    expect(changed(r).changed).toEqual([]);
  });

  it('escalation rules come back by delay (terraform-provider-opsgenie#397)', () => {
    expect(changed(base(T.escalation, { rules: [rule(0, 'a'), rule(10, 'b'), rule(20, 'c')] })).changed).toEqual([]);
    expect(changed(base(T.escalation, { rules: [rule(10, 'b'), rule(0, 'a')] })).changed).toEqual([
      'rules[0].delay',
      'rules[0].recipients[0].id',
      'rules[1].delay',
      'rules[1].recipients[0].id',
    ]);
  });

  it('a rule with two recipients comes back with the last one', () => {
    const r = base(T.escalation, { rules: [{ ...(rule(0, 'a') as object), recipients: [user, { type: 'user', id: 'u2' }] }] });
    expect(changed(r).changed).toEqual(['rules[0].recipients']);
  });

  it('a routing rule without timezone reads back the account zone; without criteria, a match-all one', () => {
    expect(changed(base(T.routing, { timezone: undefined })).changed).toEqual(['timezone']);
    expect(changed(base(T.routing, { criterias: undefined })).changed).toEqual(['criterias']);
  });

  it('routing rules created in parallel record the index they had when created', () => {
    const team = ref('lab-team');
    const make = (order: number, dependsOn?: string): DesiredResource => ({
      ...base(T.routing, { teamId: team, order }),
      name: `lab-routing-${order}`,
      options: dependsOn ? { dependsOn: [dependsOn] } : undefined,
    });
    const parallel = [make(0), make(1), make(2)];
    expect(parallel.map((r) => changed(r, ...parallel).changed)).toEqual([[], ['order'], ['order']]);
    const chained = [make(0), make(1, 'lab-routing-0'), make(2, 'lab-routing-1')];
    expect(chained.map((r) => changed(r, ...chained).changed)).toEqual([[], [], []]);
  });

  it('an API integration without type reads back `API`, and changing it replaces the integration', () => {
    expect(changed(base(T.api, { type: undefined }))).toEqual({ changed: ['type'], replaced: ['type'] });
  });

  it('team members are a set: duplicates collapse, another order is no change', () => {
    const members: Value[] = [{ id: 'a', role: 'admin' }, { id: 'b' }];
    expect(changed(base(T.team, { members: [...members].reverse() })).changed).toEqual([]);
    expect(changed(base(T.team, { members: [...members, { id: 'b' }] })).changed).toEqual(['members']);
  });
});
