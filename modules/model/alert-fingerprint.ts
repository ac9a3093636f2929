/**
 * An alert as data, without where it is written: two trees' alerts with equal fingerprints mean the same
 * (defaults applied, so writing a default out does not change an alert; moving it in its file does not either).
 */
import type { Alert } from './alert-types';

/** JSON with object keys sorted, so equal data gives equal text whatever the order it was built in. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => [k, canonical(v)]),
  );
}

export function alertFingerprint(alert: Alert): string {
  const { source: _source, ...meaning } = alert;
  return JSON.stringify(canonical(meaning));
}
