/** Small checks shared by the Datadog contracts: each returns violations naming their source. */
import type { Value } from '../../../modules/render/desired';
import type { SourceRef, Violation } from '../contract';

export type Obj = Readonly<Record<string, Value>>;

/** A reference, a lookup or a text with references: resolved at `pulumi up`, not checkable here. */
export function symbolic(v: unknown): boolean {
  return typeof v === 'object' && v !== null && ('$ref' in v || '$invoke' in v || '$concat' in v);
}

export function obj(v: Value | undefined): Obj | undefined {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !symbolic(v) ? (v as Obj) : undefined;
}

export function list(v: Value | undefined): readonly Value[] {
  return Array.isArray(v) ? v : [];
}

export class Checker {
  readonly out: Violation[] = [];

  fail(path: string, message: string, source: SourceRef): void {
    this.out.push({ path, message, source });
  }

  required(o: Obj, path: string, keys: readonly string[], source: SourceRef): void {
    for (const k of keys) if (o[k] === undefined || o[k] === null) this.fail(`${path}${k}`, `\`${k}\` is required`, source);
  }

  oneOf(v: Value | undefined, path: string, values: readonly string[], source: SourceRef): void {
    if (v === undefined || symbolic(v)) return;
    if (typeof v !== 'string' || !values.includes(v)) this.fail(path, `${JSON.stringify(v)} is not one of ${values.join(', ')}`, source);
  }

  between(v: Value | undefined, path: string, min: number, max: number, source: SourceRef): void {
    if (v === undefined || symbolic(v)) return;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max)
      this.fail(path, `${JSON.stringify(v)} is not an integer in ${min}–${max}`, source);
  }

  /** Go's `time.Parse(time.RFC3339, …)`: date, `T`, time with seconds, `Z` or an offset. */
  rfc3339(v: Value | undefined, path: string, source: SourceRef): void {
    if (v === undefined || symbolic(v)) return;
    if (
      typeof v !== 'string' ||
      !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(v) ||
      Number.isNaN(Date.parse(v))
    ) {
      this.fail(path, `${JSON.stringify(v)} is not an RFC 3339 date-time with seconds`, source);
    }
  }

  /** Keys the provider's schema does not have: the Pulumi program would fail to register them. */
  known(o: Obj, path: string, keys: readonly string[], source: SourceRef): void {
    for (const k of Object.keys(o))
      if (!keys.includes(k)) this.fail(`${path}${k}`, `unknown input \`${k}\` (the resource has ${keys.join(', ')})`, source);
  }
}
