/**
 * A resource type described once: its Pulumi type token, what a person calls it, which input changes replace
 * it, whether the deletion guard and the policy pack protect it, how the Pulumi layer registers it and how a
 * plan summarises it. Renderers build resources through their descriptor; the diff, the deletion guard, the
 * plan formatters, the policy pack and modules/pulumi/registry.ts read descriptors, never tokens of their own.
 */
import { maskPhone } from '../core/mask-phones';
import { invoke, type DesiredResource, type Invoke, type Origin, type ResourceOptions, type Value } from '../render/desired';

/**
 * How the Pulumi layer registers a type, as data (modules/pulumi/registry.ts turns it into a class): a class of
 * an official package (`pagerduty.ServiceObject` is a class of a sub-module), of our hand-written Opsgenie
 * binding (modules/pulumi/opsgenie), or one of our dynamic providers (token `pulumi-nodejs:dynamic/<module>:<name>`).
 */
export interface Registration {
  readonly package: '@pulumi/pagerduty' | '@pulumi/datadog' | 'opsgenie-binding' | 'dynamic';
  readonly className: string;
}

/** What `pulumi preview --policy-pack policy` demands of a resource of this type. */
export interface PolicyRules {
  /** Must carry `protect` unless its YAML object is retired (`schedule-protected`, `escalation-protected`…). */
  readonly protect?: boolean;
  /** An alert: its message links a runbook and its tags name the squad. */
  readonly alert?: boolean;
}

/** One line of `oncall plan` about a resource: the parts that matter, from its inputs. */
export type Summary = (inputs: Readonly<Record<string, Value>>) => string[];

export interface ResourceDescriptor {
  /** Pulumi type token, e.g. `pagerduty:index/schedule:Schedule`. */
  readonly type: string;
  /** What a person calls it, in plans and in the deletion guard's messages ("escalation policy"). */
  readonly kind: string;
  /**
   * Inputs whose change makes the provider (or our dynamic provider) replace the resource: top-level inputs,
   * as Pulumi names the properties of a replacement. Tests hold it equal to the provider contracts' ForceNew.
   */
  readonly replaceOn: readonly string[];
  /** Deleting or replacing it loses history: the deletion guard blocks it unless its YAML object was retired. */
  readonly guarded: boolean;
  readonly policy?: PolicyRules;
  readonly registration: Registration;
  readonly summary: Summary;
  /**
   * The inputs as every output but the provider shows them (`oncall plan`, its diff): phone numbers masked.
   * @default - the inputs as they are
   */
  readonly display?: (inputs: Readonly<Record<string, Value>>) => Readonly<Record<string, Value>>;
  /**
   * Inputs registered as Pulumi secrets (a person's number): encrypted in the state, hidden by `pulumi preview`.
   * @default - none
   */
  readonly secretInputs?: readonly string[];
  /**
   * Top-level inputs the provider holds as sets (Terraform `TypeSet`): their order is no change.
   * @default - none
   */
  readonly setInputs?: readonly string[];
}

/** A provider function the stack calls when it runs (a user by e-mail), resolved by modules/pulumi/registry.ts. */
export interface LookupDescriptor {
  /** Pulumi function token, e.g. `pagerduty:index/getUser:getUser`. */
  readonly token: string;
  /** The argument the renderers fill (`email`, `username`, `filter`…). */
  readonly argument: string;
  readonly registration: {
    readonly package: Registration['package'];
    /** The `…Output` function of the package. */
    readonly functionName: string;
    /** Arguments always sent with it. */
    readonly constantArgs?: Readonly<Record<string, string | boolean>>;
  };
}

/** A descriptor with the defaults of most types: nothing forces replacement, not guarded, no policy. */
export function describeType(
  d: Omit<ResourceDescriptor, 'replaceOn' | 'guarded'> & Partial<Pick<ResourceDescriptor, 'replaceOn' | 'guarded'>>,
): ResourceDescriptor {
  return { replaceOn: [], guarded: false, ...d };
}

/** The type tokens of a group of descriptors, by the same keys. */
export function typesOf<K extends string>(descriptors: Readonly<Record<K, ResourceDescriptor>>): Readonly<Record<K, string>> {
  return Object.fromEntries(Object.entries<ResourceDescriptor>(descriptors).map(([k, d]) => [k, d.type])) as Record<K, string>;
}

/** The parts of a desired resource besides its type, which its descriptor gives. */
export interface ResourceParts {
  readonly name: string;
  readonly squad: string;
  readonly inputs: Readonly<Record<string, Value>>;
  readonly options?: ResourceOptions;
  readonly origin?: Origin;
}

/** A desired resource of a described type. */
export function resourceOf(descriptor: ResourceDescriptor, parts: ResourceParts): DesiredResource {
  const { options, origin, ...rest } = parts;
  return { type: descriptor.type, ...rest, ...(options === undefined ? {} : { options }), ...(origin === undefined ? {} : { origin }) };
}

/** A call of a lookup with its one argument. */
export function lookUp(descriptor: LookupDescriptor, value: string, property = 'id'): Invoke {
  return invoke(descriptor.token, { [descriptor.argument]: value }, property);
}

/** `pulumi-nodejs:dynamic/twilio:PhoneLine` → module `twilio`, name `PhoneLine`: what a dynamic resource passes to its base class. */
export function dynamicModuleAndName(descriptor: ResourceDescriptor): { readonly module: string; readonly name: string } {
  const m = /^pulumi-nodejs:dynamic\/([^:]+):(.+)$/.exec(descriptor.type);
  if (!m || descriptor.registration.package !== 'dynamic') throw new Error(`${descriptor.type} is not a dynamic resource`);
  return { module: m[1] as string, name: m[2] as string };
}

/** A phone number as outputs other than the provider show it, in whatever form the provider wants it. */
export function maskedNumber(value: string): string {
  const digits = value.replace(/\D/g, '');
  if (value.startsWith('+')) return maskPhone(value);
  return digits.length <= 4 ? '••••' : `${value.slice(0, 2)}${'•'.repeat(Math.max(value.length - 4, 2))}${value.slice(-2)}`;
}

/** The inputs with the numbers at these top-level inputs (strings, or the string fields of an object) masked. */
export function maskInputs(inputs: Readonly<Record<string, Value>>, keys: readonly string[]): Readonly<Record<string, Value>> {
  const mask = (v: Value): Value =>
    typeof v === 'string'
      ? maskedNumber(v)
      : v !== null && typeof v === 'object' && !Array.isArray(v) && !('$ref' in v) && !('$invoke' in v) && !('$concat' in v)
        ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, mask(x)]))
        : v;
  return Object.fromEntries(Object.entries(inputs).map(([k, v]) => [k, keys.includes(k) ? mask(v) : v]));
}

/** A resource as every output but the provider shows it. */
export function displayed(descriptor: ResourceDescriptor | undefined, resource: DesiredResource): DesiredResource {
  return descriptor?.display ? { ...resource, inputs: descriptor.display(resource.inputs) } : resource;
}
