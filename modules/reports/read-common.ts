/**
 * What the three incident readers share: the value of a `key:value` tag, reading a time, and the error they
 * throw on an answer or export they cannot read (its message names the endpoint and the field, never a key).
 */
import type { AccountExport } from '../migrate/account';

export class IncidentReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IncidentReadError';
  }
}

/** The value of the first `key:value` tag, or undefined. */
export function tagValue(tags: readonly string[], key: string): string | undefined {
  const tag = tags.find((t) => t.startsWith(`${key}:`));
  return tag === undefined ? undefined : tag.slice(key.length + 1);
}

/** `P1`…`P5` from a priority as written (`P2`, `p2`), or undefined. */
export function priorityOf(value: unknown): string | undefined {
  return typeof value === 'string' && /^p[1-5]$/i.test(value) ? value.toUpperCase() : undefined;
}

/** Epoch ms of an ISO 8601 time with its offset; throws naming where it was read. */
export function instant(value: unknown, where: string): number {
  const ms = typeof value === 'string' ? Date.parse(value) : NaN;
  if (Number.isNaN(ms)) throw new IncidentReadError(`${where}: not a date-time: ${JSON.stringify(value)}`);
  return ms;
}

export const isRecord = (x: unknown): x is Record<string, unknown> => x !== null && typeof x === 'object' && !Array.isArray(x);

/** The objects of an export's endpoint (empty when absent). */
export function objectsOf(account: AccountExport, key: string): Record<string, unknown>[] {
  const list = account.endpoints.get(key) ?? [];
  return list.filter(isRecord);
}

/** Splits [since, until) into windows of at most `days` days. */
export function windows(since: number, until: number, days: number): [number, number][] {
  const out: [number, number][] = [];
  const step = days * 24 * 3600_000;
  for (let from = since; from < until; from += step) out.push([from, Math.min(until, from + step)]);
  return out;
}
