/**
 * Small checks the Opsgenie contracts are made of. A value that is a reference or a lookup is unknown at
 * preview, so Terraform's validation functions do not see it: the checks skip it, as the provider does.
 */
import type { Value } from '../../../modules/render/desired';
import { isConcat, isInvoke, isRef } from '../../../modules/render/desired';
import type { SourceRef, Violation } from '../contract';

export type Obj = Readonly<Record<string, Value>>;

export const isKnown = (v: Value | undefined): boolean => v !== undefined && !isRef(v) && !isInvoke(v) && !isConcat(v);

export const asObj = (v: Value | undefined): Obj | undefined =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && isKnown(v) ? (v as Obj) : undefined;

export const list = (v: Value | undefined): readonly Value[] => (Array.isArray(v) ? v : []);

export const objs = (v: Value | undefined): Obj[] => list(v).flatMap((x) => (asObj(x) ? [x as Obj] : []));

/** Collects violations with a common source for one rule. */
export class Report {
  readonly out: Violation[] = [];
  add(path: string, message: string, source: SourceRef): void {
    this.out.push({ path, message, source });
  }
}

const join = (base: string, key: string): string => (base === '' ? key : `${base}.${key}`);

/** Inputs the Pulumi schema does not have: the engine refuses them, or the bridge drops them. */
export function knownKeys(r: Report, o: Obj, base: string, allowed: readonly string[], source: SourceRef): void {
  for (const key of Object.keys(o))
    if (!allowed.includes(key)) r.add(join(base, key), `\`${key}\` is not an input of this type (inputs: ${allowed.join(', ')})`, source);
}

export function required(r: Report, o: Obj, base: string, key: string, source: SourceRef): void {
  const v = o[key];
  if (v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0))
    r.add(join(base, key), `\`${key}\` is required`, source);
}

/** `strings.ToLower(v)` in a set of allowed values, as the provider's validate functions do. */
export function oneOf(
  r: Report,
  o: Obj,
  base: string,
  key: string,
  allowed: readonly string[],
  source: SourceRef,
  caseInsensitive = true,
): void {
  const v = o[key];
  if (!isKnown(v) || v === undefined) return;
  const s = typeof v === 'string' ? (caseInsensitive ? v.toLowerCase() : v) : undefined;
  if (s === undefined || !allowed.includes(s))
    r.add(join(base, key), `\`${JSON.stringify(v)}\` is not one of ${allowed.join(', ')}`, source);
}

export function intBetween(r: Report, o: Obj, base: string, key: string, min: number, max: number, source: SourceRef): void {
  const v = o[key];
  if (!isKnown(v) || v === undefined) return;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max)
    r.add(join(base, key), `\`${JSON.stringify(v)}\` is not an integer from ${min} to ${max}`, source);
}

/** `validation.StringLenBetween` and the like (Go counts bytes). */
export function lengthBetween(r: Report, o: Obj, base: string, key: string, min: number, max: number, source: SourceRef): void {
  const v = o[key];
  if (typeof v !== 'string') return;
  const bytes = Buffer.byteLength(v, 'utf8');
  if (bytes < min || bytes > max) r.add(join(base, key), `\`${key}\` has ${bytes} bytes; ${min} to ${max} allowed`, source);
}

export function maxItems(r: Report, o: Obj, base: string, key: string, max: number, source: SourceRef): void {
  const v = o[key];
  if (Array.isArray(v) && v.length > max) r.add(join(base, key), `\`${key}\` has ${v.length} items; at most ${max}`, source);
}

const GO_LAYOUT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?Z$/;

/**
 * Go's `time.Parse("2006-01-02T15:04:05Z", v)`: the `Z` is a literal, so an offset does not parse; a fraction
 * of a second after the seconds is accepted when parsing (Go's rule), and the fields must be a real date.
 */
export function parseGoZ(v: string): Date | undefined {
  const m = GO_LAYOUT.exec(v);
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  const same =
    date.getUTCFullYear() === y &&
    date.getUTCMonth() === mo - 1 &&
    date.getUTCDate() === d &&
    date.getUTCHours() === h &&
    date.getUTCMinutes() === mi &&
    date.getUTCSeconds() === s;
  return same && h < 24 && mi < 60 && s < 60 ? date : undefined;
}

/** Go's `t.Format("2006-01-02T15:04:05Z")` of an instant in UTC. */
export function formatGoZ(d: Date): string {
  return `${d.toISOString().slice(0, 19)}Z`;
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** OpenAPI `format: date-time` (RFC 3339 `date-time`). */
export function isRfc3339(v: string): boolean {
  return RFC3339.test(v) && !Number.isNaN(Date.parse(v));
}

/** Drops what Terraform treats as unset: zero values of primitives and empty lists, unless the inputs hold them. */
export function unsetLike(input: Value | undefined, read: Value | undefined): Value | undefined {
  if (input !== undefined) return read;
  if (read === false || read === 0 || read === '' || read === null || (Array.isArray(read) && read.length === 0)) return undefined;
  return read;
}

/** An object with its undefined members dropped. */
export function defined(o: Record<string, Value | undefined>): Record<string, Value> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Record<string, Value>;
}

/**
 * A Terraform set read back: the same members compare equal whatever the order the API returns them in, so
 * the read list is put in the planned order when it holds the same members.
 */
export function asSet(planned: readonly Value[] | undefined, read: readonly Value[]): Value[] {
  if (!planned) return [...read];
  const key = (v: Value): string => JSON.stringify(v);
  const a = planned.map(key).sort();
  const b = read.map(key).sort();
  return a.length === b.length && a.every((k, i) => k === b[i]) ? [...planned] : [...read];
}
