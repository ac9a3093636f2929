/**
 * What the PagerDuty contracts share: where their rules were read, and the checks the provider applies to
 * many fields (Go's RFC 3339 layout, IANA zones, integer ranges, value lists).
 *
 * `@pulumi/pagerduty` 3.4.0 is pulumi/pulumi-pagerduty@v3.4.0, whose provider/go.mod replaces the upstream
 * provider with github.com/pulumi/terraform-provider-pagerduty commit 6a97d42457b2 (2022-04-06): the fork
 * tracks PagerDuty/terraform-provider-pagerduty v2.4.0 (tagged 2022-04-01), which is what these rules read.
 */
import type { Value } from '../../../modules/render/desired';
import { isConcat, isInvoke, isRef } from '../../../modules/render/desired';
import { checkInputs, loadProviderSchema } from '../../render/provider-schema';
import type { SourceRef, Violation } from '../contract';

/** The Terraform provider the Pulumi fork tracks, file by file. */
export const TF = (file: string, fn?: string): SourceRef =>
  `PagerDuty/terraform-provider-pagerduty@v2.4.0:pagerduty/${file}${fn ? `#${fn}` : ''}`;
/** The Terraform provider's documentation at the same tag. */
export const TF_DOC = (page: string): SourceRef => `PagerDuty/terraform-provider-pagerduty@v2.4.0:website/docs/r/${page}.html.markdown`;
/** The REST API description, at the commit read (2026-08-14). */
export const API = (pointer: string): SourceRef => `PagerDuty/api-schema@91a06fb:reference/REST/openapiv3.json#${pointer}`;
/** The published Pulumi schema: input names and types (identical to test/fixtures/provider-schemas/pagerduty-3.4.0.schema.json). */
export const PULUMI_SCHEMA: SourceRef = 'pulumi/pulumi-pagerduty@v3.4.0:provider/cmd/pulumi-resource-pagerduty/schema.json';

const schema = loadProviderSchema('pagerduty-3.4.0.schema.json');

/** Names, required inputs and types against the published Pulumi schema. */
export function schemaViolations(type: string, inputs: Readonly<Record<string, Value>>): Violation[] {
  return checkInputs(schema, type, inputs, '').map((e) => {
    const at = e.indexOf(': ');
    return { path: e.slice(0, at).replace(/^\./, ''), message: e.slice(at + 2), source: PULUMI_SCHEMA };
  });
}

/** A value known only when the stack runs (another resource's id, a lookup): the provider checks it then. */
export const isSymbolic = (v: unknown): boolean => isRef(v) || isInvoke(v) || isConcat(v);

/**
 * Go's `time.Parse(time.RFC3339, v)`: `2006-01-02T15:04:05Z07:00`, fractional seconds accepted, `Z` or a
 * `±hh:mm` offset required, every field in range.
 */
export function parsesAsGoRfc3339(v: unknown): boolean {
  if (typeof v !== 'string') return false;
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-](\d{2}):(\d{2}))$/.exec(v);
  if (!m) return false;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth || hour > 23 || minute > 59 || second > 59) return false;
  return m[8] === 'Z' || (Number(m[9]) <= 23 && Number(m[10]) <= 59);
}

/** Go's `time.LoadLocation` for a named zone: the IANA database (read here through the runtime's ICU copy). */
export function isIanaZone(v: unknown): boolean {
  if (typeof v !== 'string' || v === '') return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: v });
    return true;
  } catch {
    return false;
  }
}

export const intBetween = (v: unknown, min: number, max: number): boolean =>
  Number.isInteger(v) && (v as number) >= min && (v as number) <= max;

/** Collects violations: `check(ok, path, message, source)` records one when `ok` is false. */
export function collector(): { out: Violation[]; check(ok: boolean, path: string, message: string, source: SourceRef): void } {
  const out: Violation[] = [];
  return { out, check: (ok, path, message, source) => void (ok || out.push({ path, message, source })) };
}

export const list = (v: Value | undefined): Value[] => (Array.isArray(v) ? v : []);
export const obj = (v: Value | undefined): Record<string, Value> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !isSymbolic(v) ? (v as Record<string, Value>) : {};

/**
 * The Terraform SDK (v2.10.1, the version PagerDuty/terraform-provider-pagerduty@v2.4.0:go.mod requires)
 * treats a primitive left unset and its zero value (`""`, `0`, `false`, an empty list) as the same: what
 * Read sets to a zero value where the inputs have nothing makes no diff. Drops those from a read-back object.
 */
export function withoutZeroWhereUnset(inputs: Record<string, Value>, state: Record<string, Value>): Record<string, Value> {
  const out: Record<string, Value> = {};
  for (const [k, v] of Object.entries(state)) {
    const zero = v === '' || v === 0 || v === false || v === null || (Array.isArray(v) && v.length === 0);
    if (!(k in inputs) && zero) continue;
    out[k] = v;
  }
  return out;
}

/**
 * A field with a schema `Default`: unset inputs plan the default, so what Read sets makes no diff when it is
 * the default. Returns the read value to compare with the inputs, or undefined when there is nothing to show.
 */
export function readDefaulted(input: Value | undefined, read: Value, fallback: Value): Value | undefined {
  if (input === undefined && JSON.stringify(read) === JSON.stringify(fallback)) return undefined;
  return read;
}

/** An object without its undefined members. */
export function defined(o: Record<string, Value | undefined>): Record<string, Value> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Record<string, Value>;
}
