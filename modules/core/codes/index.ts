/**
 * The registry of diagnostic codes: every code a user can get, in the order of docs/problems.md.
 * `Code` is the union of their names, so a problem with an unregistered code does not compile;
 * the docs (docs/problems.md, docs/checks/) are generated from here by `npm run schemas`.
 */
import type { CheckDoc, CodeDoc, CodeGroup, Severity } from './define';
import { FILE_CODES, SCHEMA_CODES, YAML_CODES } from './load';
import { ALERT_CODES, ESCALATION_CODES, REF_CODES, ROTATION_CODES, SCHEDULE_CODES, VALUE_CODES } from './model';
import { READINESS_CHECK_CODES, READINESS_SETTING_CODES } from './readiness';
import { BACKEND_CODES, STACK_CODES } from './stacks';

export type { CheckDoc, CodeDoc, CodeGroup, Severity } from './define';

/** The sections of docs/problems.md, in order; the readiness checks come last, each with a page. */
export const CODE_GROUPS = [
  FILE_CODES,
  YAML_CODES,
  SCHEMA_CODES,
  REF_CODES,
  VALUE_CODES,
  ROTATION_CODES,
  SCHEDULE_CODES,
  ESCALATION_CODES,
  ALERT_CODES,
  STACK_CODES,
  BACKEND_CODES,
  READINESS_SETTING_CODES,
  READINESS_CHECK_CODES,
] as const;

type CodesOf<G> = G extends CodeGroup<infer C> ? keyof C & string : never;

/** Every registered code, e.g. `ref/unknown-person` or `alert/runbook`. */
export type Code = CodesOf<(typeof CODE_GROUPS)[number]>;

/** The readiness checks' names: the codes of their findings. */
export type ReadinessCheckName = keyof typeof READINESS_CHECK_CODES.codes;

/** Code → its documentation, in registry order. */
export const CODES: ReadonlyMap<Code, CodeDoc> = new Map(CODE_GROUPS.flatMap((g) => Object.entries(g.codes) as Array<[Code, CodeDoc]>));

export function isCode(name: string): name is Code {
  return CODES.has(name as Code);
}

export function isReadinessCheckCode(code: string): code is ReadinessCheckName {
  return Object.prototype.hasOwnProperty.call(READINESS_CHECK_CODES.codes, code);
}

/** Each readiness check's default severity. */
export const READINESS_CHECK_CODES_SEVERITIES = Object.fromEntries(
  Object.entries(READINESS_CHECK_CODES.codes).map(([name, doc]) => [name, doc.severity]),
) as Readonly<Record<ReadinessCheckName, Severity>>;

export function codeDoc(code: Code): CodeDoc {
  const doc = CODES.get(code);
  if (!doc) throw new Error(`unregistered code ${code}`);
  return doc;
}

export function checkDoc(check: ReadinessCheckName): CheckDoc {
  return READINESS_CHECK_CODES.codes[check];
}

/**
 * Where a code is documented, relative to the repository root: a readiness check on its page, any other
 * code at its row of docs/problems.md (the row carries an anchor of the code's name with `-` for `/`).
 */
export function docPath(code: Code): string {
  return isReadinessCheckCode(code) ? `docs/checks/${code}.md` : `docs/problems.md#${codeAnchor(code)}`;
}

export function codeAnchor(code: string): string {
  return code.replace(/\//g, '-');
}
