/** The PagerDuty resource types (provider 3.4.0, `@pulumi/pagerduty`) and look-ups the renderer uses. */
import { describeType, typesOf, type LookupDescriptor } from '../descriptor';
import { integrationEmail, layers, member, name, overrideSpan, rules, summaryOf, supportHours, urgency, zone } from '../summary';

const sdk = (className: string) => ({ package: '@pulumi/pagerduty', className }) as const;

export const PAGERDUTY = {
  team: describeType({ type: 'pagerduty:index/team:Team', kind: 'team', registration: sdk('Team'), summary: summaryOf(name) }),
  membership: describeType({
    type: 'pagerduty:index/teamMembership:TeamMembership',
    kind: 'team membership',
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
    registration: sdk('ServiceIntegration'),
    summary: summaryOf(name, integrationEmail),
  }),
  /** Our dynamic provider (modules/pulumi/overrides/pagerduty.ts): an override cannot be updated, only replaced. */
  override: describeType({
    type: 'pulumi-nodejs:dynamic/pagerduty:ScheduleOverride',
    kind: 'schedule override',
    replaceOn: 'all',
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
