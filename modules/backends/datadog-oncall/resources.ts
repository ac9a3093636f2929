/**
 * The Datadog On-Call resource types (provider 5.11.0, `@pulumi/datadog`) and the look-up the renderer uses.
 * `replaceOn` of the provider's types: RequiresReplace plan modifiers at DataDog/terraform-provider-datadog@v4.19.0
 * (see ../datadog/resources.ts); the schedule, escalation policy, routing rules and team have none.
 */
import { contactSummary } from '../contacts';
import { describeType, maskInputs, typesOf, type LookupDescriptor } from '../descriptor';
import { layers, member, name, overrideSpan, rules, steps, summaryOf, zone } from '../summary';

const sdk = (className: string) => ({ package: '@pulumi/datadog', className }) as const;

export const DATADOG_ONCALL = {
  team: describeType({ type: 'datadog:index/team:Team', kind: 'team', registration: sdk('Team'), summary: summaryOf(name) }),
  membership: describeType({
    type: 'datadog:index/teamMembership:TeamMembership',
    kind: 'team membership',
    // team_id and user_id RequiresReplace (datadog/fwprovider/resource_datadog_team_membership.go).
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
  /**
   * Our dynamic provider (modules/pulumi/overrides/datadog.ts): an override cannot be updated, only replaced;
   * its `diff` replaces on a change of any of these (a new key only is stored).
   */
  override: describeType({
    type: 'pulumi-nodejs:dynamic/datadog:ScheduleOverride',
    kind: 'schedule override',
    replaceOn: ['scheduleId', 'start', 'end', 'userId'],
    registration: { package: 'dynamic', className: 'DatadogScheduleOverride' },
    summary: summaryOf(overrideSpan),
  }),
  /**
   * A user's phone or e-mail: user_id, phone.number, email.address and email.formats RequiresReplace
   * (datadog/fwprovider/resource_datadog_on_call_user_notification_channel.go).
   */
  notificationChannel: describeType({
    type: 'datadog:index/onCallUserNotificationChannel:OnCallUserNotificationChannel',
    kind: 'notification channel',
    replaceOn: ['email', 'phone', 'userId'],
    registration: sdk('OnCallUserNotificationChannel'),
    summary: contactSummary.datadogChannel,
    display: (inputs) => maskInputs(inputs, ['phone']),
    secretInputs: ['phone'],
  }),
  /**
   * One rule of a user: user_id, channel_id and the phone block RequiresReplace
   * (datadog/fwprovider/resource_datadog_on_call_user_notification_rule.go).
   */
  notificationRule: describeType({
    type: 'datadog:index/onCallUserNotificationRule:OnCallUserNotificationRule',
    kind: 'notification rule',
    replaceOn: ['channelId', 'phone', 'userId'],
    registration: sdk('OnCallUserNotificationRule'),
    summary: contactSummary.datadogRule,
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

/** A Datadog user as `datadog_user` holds it: what an account import observes people as (nothing renders one). */
export const DATADOG_USER_TYPE = 'datadog:index/user:User';
