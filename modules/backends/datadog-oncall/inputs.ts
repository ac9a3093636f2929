/**
 * The Datadog inputs the renderer emits, typed. `Id` is what stands for another resource's id: a symbolic
 * reference in the plan, a string once registered. modules/pulumi/datadog-args-check.ts has tsc prove that
 * with `Id = string` each shape is assignable to the `@pulumi/datadog` 5.11.0 arguments it is registered with.
 */
import type { Invoke, Ref } from '../../render/desired';

export type SymbolicId = Ref | Invoke;
type Day = 'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday' | 'saturday' | 'sunday';

export type DdTeamInputs = { name: string; handle: string; description: string };
export type DdMembershipInputs<Id = SymbolicId> = { teamId: Id; userId: Id; role?: 'admin' };

export type DdRestriction = { startDay: Day; startTime: string; endDay: Day; endTime: string };

export type DdLayer<Id = SymbolicId> = {
  name: string;
  effectiveDate: string;
  rotationStart: string;
  endDate?: string;
  interval: { days: number } | { seconds: number };
  users: Id[];
  restrictions?: DdRestriction[];
};

export type DdScheduleInputs<Id = SymbolicId> = { name: string; timeZone: string; teams: Id[]; layers: DdLayer<Id>[] };

/** A schedule target pages whoever is on call now (`position` left to its default, `current`). */
export type DdTarget<Id = SymbolicId> = { schedule: Id } | { user: Id };

export type DdEscalationInputs<Id = SymbolicId> = {
  name: string;
  teams: Id[];
  retries: number;
  steps: Array<{ escalateAfterSeconds: number; assignment: 'default' | 'round-robin'; targets: DdTarget<Id>[] }>;
};

export type DdRoutingInputs<Id = SymbolicId> = {
  teamId: Id;
  rules: Array<{
    /** `tags.service:<id>`: a service's promise; never on the last rule. */
    query?: string;
    timeRestrictions?: { timeZone: string; restrictions: DdRestriction[] };
    /** Absent on a rule that pages nobody (a service outside its promise). */
    escalationPolicy?: Id;
    urgency?: 'high' | 'low';
  }>;
};

export type DdOverrideInputs<Id = SymbolicId> = { scheduleId: Id; start: string; end: string; userId: Id };
