/** `> 5`, `<= 0.99`: comparison and number of a threshold. */
export interface Threshold {
  readonly op: '>' | '>=' | '<' | '<=';
  readonly value: number;
  readonly text: string;
}

export function parseThreshold(text: string): Threshold | undefined {
  const m = /^(>=|<=|>|<) ?(-?[0-9]+(?:\.[0-9]+)?)$/.exec(text.trim());
  if (!m) return undefined;
  return { op: m[1] as Threshold['op'], value: Number(m[2]), text: m[2] as string };
}

/** `above` for > and >=, `below` for < and <=. */
export function direction(t: Threshold): 'above' | 'below' {
  return t.op.startsWith('>') ? 'above' : 'below';
}
