/**
 * The PagerDuty resource types (provider 3.4.0, `@pulumi/pagerduty`) and look-ups the renderer uses.
 *
 * `replaceOn` is what the bridged provider replaces on: the Terraform schema's ForceNew fields, read at
 * PagerDuty/terraform-provider-pagerduty@v2.4.0 (which pulumi/pulumi-pagerduty@v3.4.0 wraps through its fork at
 * 6a97d42457b2) in the files named below; neither the Pulumi schema nor the SDK adds `replaceOnChanges`.
 * test/contracts/pagerduty holds the same lists (test/contracts/replace-on.test.ts keeps them equal).
 */
import { describeType, maskInputs, typesOf, type LookupDescriptor } from '../descriptor';
import type { Value } from '../../render/desired';
import { contactSummary } from '../contacts';
import { integrationEmail, layers, member, name, overrideSpan, rules, summaryOf, supportHours, urgency, zone } from '../summary';

const sdk = (className: string) => ({ package: '@pulumi/pagerduty', className }) as const;

export const PAGERDUTY = {
  team: describeType({ type: 'pagerduty:index/team:Team', kind: 'team', registration: sdk('Team'), summary: summaryOf(name) }),
  membership: describeType({
    type: 'pagerduty:index/teamMembership:TeamMembership',
    kind: 'team membership',
    // user_id and team_id ForceNew (pagerduty/resource_pagerduty_team_membership.go).
    replaceOn: ['teamId', 'userId'],
    registration: sdk('TeamMembership'),
    summary: summaryOf(member),
  }),
  schedule: describeType({
    type: 'pagerduty:index/schedule:Schedule',
    kind: 'schedule',
    guarded: true,
    policy: { protect: true },
    registration: sdk('Schedule'),
    summary: summaryOf(name, zone, layers),
  }),
  escalation: describeType({
    type: 'pagerduty:index/escalationPolicy:EscalationPolicy',
    kind: 'escalation policy',
    guarded: true,
    policy: { protect: true },
    registration: sdk('EscalationPolicy'),
    summary: summaryOf(name, rules),
  }),
  service: describeType({
    type: 'pagerduty:index/service:Service',
    kind: 'service',
    registration: sdk('Service'),
    summary: summaryOf(name, supportHours, urgency),
  }),
  integration: describeType({
    type: 'pagerduty:index/serviceIntegration:ServiceIntegration',
    kind: 'service integration',
    // service, type, vendor and email_filter ForceNew (pagerduty/resource_pagerduty_service_integration.go).
    replaceOn: ['service', 'type', 'vendor', 'emailFilters'],
    registration: sdk('ServiceIntegration'),
    summary: summaryOf(name, integrationEmail),
  }),
  /**
   * Our dynamic provider (modules/pulumi/overrides/pagerduty.ts): an override cannot be updated, only replaced;
   * its `diff` replaces on a change of any of these (a new key only is stored).
   */
  override: describeType({
    type: 'pulumi-nodejs:dynamic/pagerduty:ScheduleOverride',
    kind: 'schedule override',
    replaceOn: ['scheduleId', 'start', 'end', 'userId', 'timeZone'],
    registration: { package: 'dynamic', className: 'PagerDutyScheduleOverride' },
    summary: summaryOf(zone, overrideSpan),
  }),
  /** A call or SMS number of a user (resource_pagerduty_user_contact_method.go: no ForceNew field). */
  contactMethod: describeType({
    type: 'pagerduty:index/userContactMethod:UserContactMethod',
    kind: 'contact method',
    registration: sdk('UserContactMethod'),
    summary: contactSummary.pagerdutyMethod,
    display: maskAddress,
    secretInputs: ['address'],
  }),
  /** One rule of a user (resource_pagerduty_user_notification_rule.go: no ForceNew field). */
  notificationRule: describeType({
    type: 'pagerduty:index/userNotificationRule:UserNotificationRule',
    kind: 'notification rule',
    registration: sdk('UserNotificationRule'),
    summary: contactSummary.pagerdutyRule,
  }),
};

export const PAGERDUTY_LOOKUPS = {
  user: {
    token: 'pagerduty:index/getUser:getUser',
    argument: 'email',
    registration: { package: '@pulumi/pagerduty', functionName: 'getUserOutput' },
  },
  /**
   * A contact method the stack does not create, by user, type and label (data_source_pagerduty_user_contact_method.go):
   * a push device, which only the mobile app registers, and the e-mail every user is created with.
   */
  contactMethod: {
    token: 'pagerduty:index/getUserContactMethod:getUserContactMethod',
    argument: 'label',
    registration: { package: '@pulumi/pagerduty', functionName: 'getUserContactMethodOutput' },
  },
  vendor: {
    token: 'pagerduty:index/getVendor:getVendor',
    argument: 'name',
    registration: { package: '@pulumi/pagerduty', functionName: 'getVendorOutput' },
  },
} as const satisfies Record<string, LookupDescriptor>;

/** A phone contact method's address is the national part of the person's number: masked outside the provider. */
function maskAddress(inputs: Readonly<Record<string, Value>>): Readonly<Record<string, Value>> {
  return inputs.type === 'email_contact_method' ? inputs : maskInputs(inputs, ['address']);
}

/**
 * A PagerDuty user (resource_pagerduty_user.go): the stack looks users up and never creates them, so no descriptor;
 * an account import reads users under this token for their names and zones.
 */
export const PAGERDUTY_USER_TYPE = 'pagerduty:index/user:User';

/** The type and look-up tokens by short name. */
export const PD = {
  ...typesOf(PAGERDUTY),
  getUser: PAGERDUTY_LOOKUPS.user.token,
  getUserContactMethod: PAGERDUTY_LOOKUPS.contactMethod.token,
  getVendor: PAGERDUTY_LOOKUPS.vendor.token,
} as const;
