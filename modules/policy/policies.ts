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
import { retiredInProject } from './retired';
import { protectionViolation, runbookLinkViolation, teamTagViolation } from './rules';

type Check = (props: Record<string, unknown>, args: ResourceValidationArgs, report: ReportViolation) => void;

const onProps = (rule: (props: Record<string, unknown>) => string | undefined): Check => (props, _args, report) => {
  const violation = rule(props);
  if (violation) report(violation);
};

/** The names of retired resources, read once on first use. */
type Retired = () => ReadonlySet<string>;

const protectedAs = (kind: string, retired: Retired): Check => (_props, args, report) => {
  const violation = protectionViolation(args.opts, kind, retired().has(args.name));
  if (violation) report(violation);
};

const alerting = [datadog.Monitor, datadog.SyntheticsTest];
const schedules = [pagerduty.Schedule, datadog.OnCallSchedule, opsgenie.Schedule];
const escalations = [pagerduty.EscalationPolicy, datadog.OnCallEscalationPolicy, opsgenie.Escalation];

/** The policies, for a source of retired resource names (the project's teams/ by default). */
export function policiesFor(retired: Retired): ResourceValidationPolicy[] {
  return [
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
      validateResource: schedules.map((cls) => validateResourceOfType(cls as never, protectedAs('schedule', retired) as never)),
    },
    {
      name: 'escalation-protected',
      description: 'Escalation policies are protected.',
      enforcementLevel: 'mandatory',
      validateResource: escalations.map((cls) => validateResourceOfType(cls as never, protectedAs('escalation policy', retired) as never)),
    },
    {
      name: 'phone-line-protected',
      description: 'On-call phone lines are protected: a number cannot be bought back.',
      enforcementLevel: 'mandatory',
      validateResource: (args, report) => {
        if (args.type !== PhoneLine.__pulumiType) return;
        protectedAs('phone line', retired)(args.props, args, report);
      },
    },
  ];
}

let retiredCache: ReadonlySet<string> | undefined;
export const policies: ResourceValidationPolicy[] = policiesFor(() => (retiredCache ??= retiredInProject()));

export const policyPack: { policies: Policy[] } = { policies };
