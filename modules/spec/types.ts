/**
 * The YAML as written, after schema validation: names for the types generated from the JSON Schemas
 * (spec-types.generated.ts, `npm run schemas`), so a schema change the code does not follow fails the build.
 */
import type { AlertsFile, Coverage, Days, OrgFile, Person, Severity, SpecFiles, Target, TeamFile, Window } from './spec-types.generated';
import type { FileKind } from './schema';

export type { Days, Severity };
export type WindowSpec = Window;
export type CoverageSpec = Coverage;
export type PersonSpec = Person;

export type OrgSpec = OrgFile;
/** `holidays:` is a list of dated holidays or a country's calendar; a dated holiday has the same shape in both. */
export type HolidaySpec = Extract<NonNullable<OrgSpec['holidays']>, readonly unknown[]>[number];

export type TeamSpec = TeamFile;
export type RotationSpec = NonNullable<TeamSpec['rotations']>[string];
export type OverrideSpec = NonNullable<RotationSpec['overrides']>[number];
export type SwapSpec = NonNullable<RotationSpec['swaps']>[number];
export type RosterChangeSpec = NonNullable<RotationSpec['changes']>[number];
export type TargetSpec = Target;
export type EscalationSpec = NonNullable<TeamSpec['escalations']>[string];
export type RoutingRuleSpec = NonNullable<TeamSpec['routing']>[number];
export type ServiceSpec = NonNullable<TeamSpec['services']>[string];
export type PhoneSpec = NonNullable<TeamSpec['phone']>;
export type UnavailabilitySpec = NonNullable<TeamSpec['unavailable']>[number];

export type AlertsFileSpec = AlertsFile;
export type AlertSpec = AlertsFileSpec['alerts'][string];
export type AlertKind = AlertSpec['kind'];
export type RequestSpec = NonNullable<AlertSpec['request']>;
export type ExpectSpec = NonNullable<AlertSpec['expect']>;
export type StepSpec = NonNullable<AlertSpec['steps']>[number];
export type SloSpec = NonNullable<AlertSpec['slo']>;
export type SilenceSpec = NonNullable<AlertSpec['silence']>[number];

/** The contents of each file kind, once its schema accepts it. */
export type SpecOf<K extends FileKind> = SpecFiles[K];

/** Fails to compile when the schemas' file kinds and the generated roots differ. */
export const FILE_KINDS_MATCH: [FileKind] extends [keyof SpecFiles] ? ([keyof SpecFiles] extends [FileKind] ? true : never) : never = true;
