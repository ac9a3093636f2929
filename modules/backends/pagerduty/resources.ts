/**
 * The PagerDuty resource types (provider 3.4.0, `@pulumi/pagerduty`) and look-ups the renderer uses.
 *
 * `replaceOn` is what the bridged provider replaces on: the Terraform schema's ForceNew fields, read at
 * PagerDuty/terraform-provider-pagerduty@v2.4.0 (which pulumi/pulumi-pagerduty@v3.4.0 wraps through its fork at
 * 6a97d42457b2) in the files named below; neither the Pulumi schema nor the SDK adds `replaceOnChanges`.
 * test/contracts/pagerduty holds the same lists (test/contracts/replace-on.test.ts keeps them equal).
 */
import { describeType, typesOf, type LookupDescriptor } from '../descriptor';
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
};

export const PAGERDUTY_LOOKUPS = {
  user: {
    token: 'pagerduty:index/getUser:getUser',
    argument: 'email',
    registration: { package: '@pulumi/pagerduty', functionName: 'getUserOutput' },
  },
  vendor: {
    token: 'pagerduty:index/getVendor:getVendor',
    argument: 'name',
    registration: { package: '@pulumi/pagerduty', functionName: 'getVendorOutput' },
  },
} as const satisfies Record<string, LookupDescriptor>;

/** The type and look-up tokens by short name. */
export const PD = { ...typesOf(PAGERDUTY), getUser: PAGERDUTY_LOOKUPS.user.token, getVendor: PAGERDUTY_LOOKUPS.vendor.token } as const;
