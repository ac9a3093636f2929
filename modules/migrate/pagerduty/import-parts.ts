/** What the PagerDuty import's parts share: the YAML documents' types, a squad being built, small readers of inputs. */
import type { OrgFile, TeamFile } from '../../spec/spec-types.generated';
import { isInvoke, isRef, type Value } from '../../render/desired';
import type { IdScope } from '../ids';

export type Inputs = Readonly<Record<string, Value>>;
export type Mutable<T> = { -readonly [K in keyof T]: T[K] };
export type RotationSpec = NonNullable<TeamFile['rotations']>[string];
export type EscalationSpec = NonNullable<TeamFile['escalations']>[string];
export type ServiceSpec = NonNullable<TeamFile['services']>[string];
export type RoutingRule = NonNullable<TeamFile['routing']>[number];
export type Person = OrgFile['people'][string];
export type NotifyEntry = NonNullable<NonNullable<Person['notify']>['high']>[number];

export const MANAGED = /^Managed by oncall-as-code: squad ([a-z][a-z0-9]*(?:-[a-z0-9]+)*), rotation ([a-z][a-z0-9]*(?:-[a-z0-9]+)*)\.$/;
export const METHOD: Record<string, 'call' | 'sms' | 'push' | 'email'> = {
  phone_contact_method: 'call',
  sms_contact_method: 'sms',
  push_notification_contact_method: 'push',
  email_contact_method: 'email',
};

export interface Squad {
  readonly id: string;
  readonly teamName: string;
  readonly file: Mutable<TeamFile>;
  readonly rotationIds: IdScope;
  readonly policyIds: IdScope;
  /** Rotations by id, with their zone, for routing. */
  readonly zones: Map<string, string>;
  /** Rotations by id: the weekly intervals they cover (local minutes), for routing. */
  readonly covers: Map<string, ReadonlyArray<readonly [number, number]>>;
  /** Rotations split from one schedule, lowest precedence first, by each of their ids. */
  readonly groups: Map<string, readonly string[]>;
}

export const str = (v: Value | undefined): string => (typeof v === 'string' ? v : '');
export const refName = (v: Value | undefined): string | undefined => (isRef(v) ? v.$ref : undefined);
export const emailOf = (v: Value | undefined): string | undefined => (isInvoke(v) ? String(Object.values(v.args)[0]) : undefined);
export const minutes = (n: number) => (n % 60 === 0 && n > 0 ? `${n / 60}h` : `${n}m`);
export const hhmm = (t: string) => t.slice(0, 5);
