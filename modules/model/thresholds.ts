/** Alert thresholds: `> 5`, `<= 0.99` — a comparison and a number. */
import type { Threshold } from './alert-types';

/** Undefined when `text` is not a threshold (the schema reports it). */
export function parseThreshold(text: string): Threshold | undefined {
  const m = /^(>=|<=|>|<) ?(-?[0-9]+(?:\.[0-9]+)?)$/.exec(text.trim());
  if (!m) return undefined;
  return { op: m[1] as Threshold['op'], value: Number(m[2]), number: m[2] as string, text };
}

/** `above` for > and >=, `below` for < and <=. */
export function direction(t: Threshold): 'above' | 'below' {
  return t.op.startsWith('>') ? 'above' : 'below';
}
