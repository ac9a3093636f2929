/**
 * The readiness rules as Pulumi policies, checked on the resources of a real `pulumi preview`
 * (`pulumi preview --policy-pack policy`): resources made by hand or outside this repository get the same
 * review as those rendered from teams/.
 */
import type { Policy, ReportViolation, ResourceValidationArgs, ResourceValidationPolicy } from '@pulumi/policy';
import { validateResourceOfType } from '@pulumi/policy';
import * as datadog from '@pulumi/datadog';
import * as pagerduty from '@pulumi/pagerduty';
import * as opsgenie from '../pulumi/opsgenie';
import { PhoneLine } from '../pulumi/twilio/phone-line';
import { protectionViolation, runbookLinkViolation, teamTagViolation } from './rules';

type Check = (props: Record<string, unknown>, args: ResourceValidationArgs, report: ReportViolation) => void;

const onProps = (rule: (props: Record<string, unknown>) => string | undefined): Check => (props, _args, report) => {
  const violation = rule(props);
  if (violation) report(violation);
};

const protectedAs = (kind: string): Check => (_props, args, report) => {
  const violation = protectionViolation(args.opts, kind);
  if (violation) report(violation);
};

const alerting = [datadog.Monitor, datadog.SyntheticsTest];
const schedules = [pagerduty.Schedule, datadog.OnCallSchedule, opsgenie.Schedule];
const escalations = [pagerduty.EscalationPolicy, datadog.OnCallEscalationPolicy, opsgenie.Escalation];

export const policies: ResourceValidationPolicy[] = [
  {
    name: 'monitor-runbook-link',
    description: 'Monitors and synthetic checks link their runbook in their message.',
    enforcementLevel: 'mandatory',
    validateResource: alerting.map((cls) => validateResourceOfType(cls as never, onProps(runbookLinkViolation) as never)),
  },
  {
    name: 'monitor-team-tag',
    description: 'Monitors and synthetic checks carry the `team:` tag of their squad.',
    enforcementLevel: 'mandatory',
    validateResource: alerting.map((cls) => validateResourceOfType(cls as never, onProps(teamTagViolation) as never)),
  },
  {
    name: 'schedule-protected',
    description: 'On-call schedules are protected: deleting one loses its history and overrides.',
    enforcementLevel: 'mandatory',
    validateResource: schedules.map((cls) => validateResourceOfType(cls as never, protectedAs('schedule') as never)),
  },
  {
    name: 'escalation-protected',
    description: 'Escalation policies are protected.',
    enforcementLevel: 'mandatory',
    validateResource: escalations.map((cls) => validateResourceOfType(cls as never, protectedAs('escalation policy') as never)),
  },
  {
    name: 'phone-line-protected',
    description: 'On-call phone lines are protected: a number cannot be bought back.',
    enforcementLevel: 'mandatory',
    validateResource: (args, report) => {
      if (args.type !== PhoneLine.__pulumiType) return;
      protectedAs('phone line')(args.props, args, report);
    },
  },
];

export const policyPack: { policies: Policy[] } = { policies };
