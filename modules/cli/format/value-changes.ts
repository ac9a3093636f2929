/**
 * What changed inside an input, path by path: the deepest values that differ, each shown whole. A schedule's
 * `layers` that differ by one member show `layers[1].users[2]: … → …`, not two long lists cut before the change.
 */
import type { Value } from '../../render/desired';

export interface ValueChange {
  readonly path: string;
  readonly before: Value | undefined;
  readonly after: Value | undefined;
}

const isRecord = (v: Value | undefined): v is { readonly [key: string]: Value } => typeof v === 'object' && v !== null && !Array.isArray(v);
const same = (a: Value | undefined, b: Value | undefined) => JSON.stringify(a) === JSON.stringify(b);

export function valueChanges(path: string, before: Value | undefined, after: Value | undefined): ValueChange[] {
  if (same(before, after)) return [];
  if (Array.isArray(before) && Array.isArray(after) && before.length === after.length) {
    return before.flatMap((b, i) => valueChanges(`${path}[${i}]`, b, after[i]));
  }
  if (isRecord(before) && isRecord(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((k) => valueChanges(`${path}.${k}`, before[k], after[k]));
  }
  return [{ path, before, after }];
}

/** A value as the plan prints it, whole: JSON, or `—` for an input that is absent on that side. */
export function shownValue(v: Value | undefined): string {
  return v === undefined ? '—' : JSON.stringify(v);
}
