/**
 * The readiness rules as Pulumi policies, checked on the resources of a real `pulumi preview`
 * (`pulumi preview --policy-pack policy`): resources made by hand or outside this repository get the same
 * review as those rendered from teams/.
 */
import type { Policy, ReportViolation, ResourceValidationArgs, ResourceValidationPolicy } from '@pulumi/policy';
import { RESOURCE_TYPES } from '../backends';
import type { ResourceDescriptor } from '../backends/descriptor';
import { plainName } from '../pulumi/scoped-names';
import { retiredInProject } from './retired';
import { protectionViolation, runbookLinkViolation, teamTagViolation } from './rules';

type Check = (props: Record<string, unknown>, args: ResourceValidationArgs, report: ReportViolation) => void;

const onProps =
  (rule: (props: Record<string, unknown>) => string | undefined): Check =>
  (props, _args, report) => {
    const violation = rule(props);
    if (violation) report(violation);
  };

/** The names of retired resources, read once on first use. */
type Retired = () => ReadonlySet<string>;

const protectedAs =
  (kind: string, retired: Retired): Check =>
  (_props, args, report) => {
    const violation = protectionViolation(args.opts, kind, retired().has(plainName(args.name)));
    if (violation) report(violation);
  };

/** The type tokens whose descriptors match. */
const typesWhere = (match: (d: ResourceDescriptor) => boolean): ReadonlySet<string> =>
  new Set(RESOURCE_TYPES.filter(match).map((d) => d.type));

/** Runs a check on the resources of the given types only. */
const onTypes = (types: ReadonlySet<string>, check: Check) => (args: ResourceValidationArgs, report: ReportViolation) => {
  if (types.has(args.type)) check(args.props, args, report);
};

const alerting = typesWhere((d) => d.policy?.alert === true);
const mustProtect = (kind: string) => typesWhere((d) => d.policy?.protect === true && d.kind === kind);

/** The protection policies, one per kind of resource whose descriptor asks for protection. */
export const PROTECTED_KINDS = [
  {
    name: 'schedule-protected',
    kind: 'schedule',
    description: 'On-call schedules are protected: deleting one loses its history and overrides.',
  },
  { name: 'escalation-protected', kind: 'escalation policy', description: 'Escalation policies are protected.' },
  { name: 'phone-line-protected', kind: 'phone line', description: 'On-call phone lines are protected: a number cannot be bought back.' },
] as const;

/** The policies, for a source of retired resource names (the project's teams/ by default). */
export function policiesFor(retired: Retired): ResourceValidationPolicy[] {
  return [
    {
      name: 'monitor-runbook-link',
      description: 'Monitors and synthetic checks link their runbook in their message.',
      enforcementLevel: 'mandatory',
      validateResource: onTypes(alerting, onProps(runbookLinkViolation)),
    },
    {
      name: 'monitor-team-tag',
      description: 'Monitors and synthetic checks carry the `team:` tag of their squad.',
      enforcementLevel: 'mandatory',
      validateResource: onTypes(alerting, onProps(teamTagViolation)),
    },
    ...PROTECTED_KINDS.map(
      (p): ResourceValidationPolicy => ({
        name: p.name,
        description: p.description,
        enforcementLevel: 'mandatory',
        validateResource: onTypes(mustProtect(p.kind), protectedAs(p.kind, retired)),
      }),
    ),
  ];
}

let retiredCache: ReadonlySet<string> | undefined;
export const policies: ResourceValidationPolicy[] = policiesFor(() => (retiredCache ??= retiredInProject()));

export const policyPack: { policies: Policy[] } = { policies };
