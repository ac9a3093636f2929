/** From type tokens and lookup tokens to the classes and functions that register them. */
import * as pulumi from '@pulumi/pulumi';
import * as pagerduty from '@pulumi/pagerduty';
import * as datadog from '@pulumi/datadog';
import * as opsgenie from './opsgenie';
import { PagerDutyScheduleOverride } from './overrides/pagerduty';
import { OpsgenieScheduleOverride } from './overrides/opsgenie';
import { DatadogScheduleOverride } from './overrides/datadog';
import { PhoneLine } from './twilio/phone-line';

type Ctor = new (name: string, args: never, opts?: pulumi.CustomResourceOptions) => pulumi.CustomResource;

export const RESOURCE_CLASSES: Readonly<Record<string, Ctor>> = {
  'pagerduty:index/team:Team': pagerduty.Team,
  'pagerduty:index/teamMembership:TeamMembership': pagerduty.TeamMembership,
  'pagerduty:index/schedule:Schedule': pagerduty.Schedule,
  'pagerduty:index/escalationPolicy:EscalationPolicy': pagerduty.EscalationPolicy,
  'pagerduty:index/service:Service': pagerduty.Service,
  'pagerduty:index/serviceIntegration:ServiceIntegration': pagerduty.ServiceIntegration,
  'pulumi-nodejs:dynamic/pagerduty:ScheduleOverride': PagerDutyScheduleOverride,
  [opsgenie.Team.__pulumiType]: opsgenie.Team,
  [opsgenie.Schedule.__pulumiType]: opsgenie.Schedule,
  [opsgenie.ScheduleRotation.__pulumiType]: opsgenie.ScheduleRotation,
  [opsgenie.Escalation.__pulumiType]: opsgenie.Escalation,
  [opsgenie.TeamRoutingRule.__pulumiType]: opsgenie.TeamRoutingRule,
  [opsgenie.ApiIntegration.__pulumiType]: opsgenie.ApiIntegration,
  [opsgenie.EmailIntegration.__pulumiType]: opsgenie.EmailIntegration,
  'pulumi-nodejs:dynamic/opsgenie:ScheduleOverride': OpsgenieScheduleOverride,
  'datadog:index/team:Team': datadog.Team,
  'datadog:index/teamMembership:TeamMembership': datadog.TeamMembership,
  'datadog:index/onCallSchedule:OnCallSchedule': datadog.OnCallSchedule,
  'datadog:index/onCallEscalationPolicy:OnCallEscalationPolicy': datadog.OnCallEscalationPolicy,
  'datadog:index/onCallTeamRoutingRules:OnCallTeamRoutingRules': datadog.OnCallTeamRoutingRules,
  'pulumi-nodejs:dynamic/datadog:ScheduleOverride': DatadogScheduleOverride,
  'pulumi-nodejs:dynamic/twilio:PhoneLine': PhoneLine,
  'datadog:index/monitor:Monitor': datadog.Monitor,
  'datadog:index/syntheticsTest:SyntheticsTest': datadog.SyntheticsTest,
  'datadog:index/serviceLevelObjective:ServiceLevelObjective': datadog.ServiceLevelObjective,
  'datadog:index/statusPage:StatusPage': datadog.StatusPage,
  'datadog:index/statusPageComponent:StatusPageComponent': datadog.StatusPageComponent,
  'datadog:pagerduty/serviceObject:ServiceObject': datadog.pagerduty.ServiceObject,
  'datadog:opsgenie/serviceObject:ServiceObject': datadog.opsgenie.ServiceObject,
};

type Lookup = (args: Record<string, string>, opts: pulumi.InvokeOutputOptions) => pulumi.Output<Record<string, unknown>>;

export const LOOKUPS: Readonly<Record<string, Lookup>> = {
  'pagerduty:index/getUser:getUser': (a, o) => pagerduty.getUserOutput({ email: a.email ?? '' }, o) as never,
  'pagerduty:index/getVendor:getVendor': (a, o) => pagerduty.getVendorOutput({ name: a.name ?? '' }, o) as never,
  'datadog:index/getUser:getUser': (a, o) => datadog.getUserOutput({ filter: a.filter ?? '', exactMatch: true }, o) as never,
  [opsgenie.GET_USER]: (a, o) => opsgenie.getUserOutput({ username: a.username ?? '' }, o) as never,
};
