/**
 * Desired state as plain data: what a stack provisions, computed offline. The Pulumi layer registers
 * exactly these records; `oncall plan` prints and diffs them. References between resources are symbolic.
 */
export type Value = string | number | boolean | null | Ref | Invoke | Concat | Value[] | { readonly [key: string]: Value };

/** The output `property` of another resource of the same desired state, by name. */
export interface Ref {
  readonly $ref: string;
  readonly property: string;
}

/**
 * A provider lookup (e.g. a user by e-mail), resolved when the stack runs. An argument may be another lookup's
 * result (a user's contact method by the user's id).
 */
export interface Invoke {
  readonly $invoke: string;
  readonly args: Readonly<Record<string, string | Invoke>>;
  readonly property: string;
}

/** Text made of parts, some of them references (a burn-rate query naming its SLO's id). */
export interface Concat {
  readonly $concat: readonly Value[];
}

export interface ResourceOptions {
  /** Refuse to delete (schedules, escalation policies: their history and overrides would be lost). */
  readonly protect?: boolean;
  /** Leave the real object in place when the resource leaves the stack. */
  readonly retainOnDelete?: boolean;
  readonly dependsOn?: readonly string[];
}

/** The YAML object a resource comes from: the deletion guard consults its `retired` marker. */
export interface Origin {
  readonly kind: 'squad' | 'rotation' | 'escalation' | 'service' | 'alert' | 'phone' | 'status-page';
  readonly squad: string;
  readonly id: string;
}

export interface DesiredResource {
  /** Pulumi type token, e.g. `pagerduty:index/schedule:Schedule`. */
  readonly type: string;
  /** Unique in the stack, derived from ids (never from list positions). */
  readonly name: string;
  /** Exactly the provider's input property names. */
  readonly inputs: Readonly<Record<string, Value>>;
  /** The squad whose component registers it. */
  readonly squad: string;
  readonly options?: ResourceOptions;
  readonly origin?: Origin;
}

/**
 * Options of a stateful resource (team, schedule, policy, service): protected until its YAML object is
 * marked `retired`, and kept in the service when it leaves the stack so its history is never lost.
 */
export function stateful(retired: boolean): ResourceOptions {
  return retired ? { retainOnDelete: true } : { protect: true, retainOnDelete: true };
}

export type Backend = 'pagerduty' | 'opsgenie' | 'datadog';
export const BACKENDS: readonly Backend[] = ['pagerduty', 'opsgenie', 'datadog'];

export interface DesiredState {
  readonly stack: string;
  readonly backend: Backend;
  readonly resources: readonly DesiredResource[];
}

export function ref(name: string, property = 'id'): Ref {
  return { $ref: name, property };
}

export function invoke(token: string, args: Record<string, string | Invoke>, property = 'id'): Invoke {
  return { $invoke: token, args, property };
}

export function isRef(v: unknown): v is Ref {
  return typeof v === 'object' && v !== null && '$ref' in v;
}

export function concat(...parts: Value[]): Concat {
  return { $concat: parts };
}

export function isConcat(v: unknown): v is Concat {
  return typeof v === 'object' && v !== null && '$concat' in v;
}

export function isInvoke(v: unknown): v is Invoke {
  return typeof v === 'object' && v !== null && '$invoke' in v;
}

/** Drops undefined members so records compare and print cleanly. */
export function compact<T extends Record<string, unknown>>(o: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as { [K in keyof T]: Exclude<T[K], undefined> };
}
