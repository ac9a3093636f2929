/**
 * Compile-time proof (checked by `npm run typecheck`) that the Datadog inputs the renderer emits, once their
 * references are ids, are valid arguments of the `@pulumi/datadog` 5.11.0 resources they are registered with.
 */
import type * as datadog from '@pulumi/datadog';
import type {
  DdEscalationInputs,
  DdMembershipInputs,
  DdRoutingInputs,
  DdScheduleInputs,
  DdTeamInputs,
} from '../backends/datadog-oncall/inputs';

type Assignable<Args, Emitted extends Args> = Emitted;

export type DatadogArgsChecks = [
  Assignable<datadog.TeamArgs, DdTeamInputs>,
  Assignable<datadog.TeamMembershipArgs, DdMembershipInputs<string>>,
  Assignable<datadog.OnCallScheduleArgs, DdScheduleInputs<string>>,
  Assignable<datadog.OnCallEscalationPolicyArgs, DdEscalationInputs<string>>,
  Assignable<datadog.OnCallTeamRoutingRulesArgs, DdRoutingInputs<string>>,
];

// The check bites: a misspelt property (`layer` for `layers`) is rejected.
// @ts-expect-error — `layers` is required by OnCallScheduleArgs
export type MisspeltLayers = Assignable<datadog.OnCallScheduleArgs, { name: string; timeZone: string; layer: [] }>;
