/** The Datadog On-Call resource types (provider 5.11.0, `@pulumi/datadog`) and the look-up the renderer uses. */
import { describeType, typesOf, type LookupDescriptor } from '../descriptor';
import { layers, member, name, overrideSpan, rules, steps, summaryOf, zone } from '../summary';

const sdk = (className: string) => ({ package: '@pulumi/datadog', className }) as const;

export const DATADOG_ONCALL = {
  team: describeType({ type: 'datadog:index/team:Team', kind: 'team', registration: sdk('Team'), summary: summaryOf(name) }),
  membership: describeType({
    type: 'datadog:index/teamMembership:TeamMembership',
    kind: 'team membership',
    replaceOn: ['teamId', 'userId'],
    registration: sdk('TeamMembership'),
    summary: summaryOf(member),
  }),
  schedule: describeType({
    type: 'datadog:index/onCallSchedule:OnCallSchedule',
    kind: 'schedule',
    guarded: true,
    policy: { protect: true },
    registration: sdk('OnCallSchedule'),
    summary: summaryOf(name, zone, layers),
  }),
  escalation: describeType({
    type: 'datadog:index/onCallEscalationPolicy:OnCallEscalationPolicy',
    kind: 'escalation policy',
    guarded: true,
    policy: { protect: true },
    registration: sdk('OnCallEscalationPolicy'),
    summary: summaryOf(name, steps),
  }),
  routing: describeType({
    type: 'datadog:index/onCallTeamRoutingRules:OnCallTeamRoutingRules',
    kind: 'routing rules',
    registration: sdk('OnCallTeamRoutingRules'),
    summary: summaryOf(rules),
  }),
  /** Our dynamic provider (modules/pulumi/overrides/datadog.ts): an override cannot be updated, only replaced. */
  override: describeType({
    type: 'pulumi-nodejs:dynamic/datadog:ScheduleOverride',
    kind: 'schedule override',
    replaceOn: 'all',
    registration: { package: 'dynamic', className: 'DatadogScheduleOverride' },
    summary: summaryOf(overrideSpan),
  }),
};

export const DATADOG_ONCALL_LOOKUPS = {
  user: {
    token: 'datadog:index/getUser:getUser',
    argument: 'filter',
    registration: { package: '@pulumi/datadog', functionName: 'getUserOutput', constantArgs: { exactMatch: true } },
  },
} as const satisfies Record<string, LookupDescriptor>;

/** The type and look-up tokens by short name. */
export const DD = { ...typesOf(DATADOG_ONCALL), getUser: DATADOG_ONCALL_LOOKUPS.user.token } as const;
