/**
 * How a diagnostic code is described once: its default severity and a one-line summary for the
 * problems table (docs/problems.md); readiness checks add the why and the fix of their own page (docs/checks/).
 */
export type Severity = 'error' | 'warning';

export interface CodeDoc {
  /** The severity the code is reported with (a readiness check's default, which org.yaml can change). */
  readonly severity: Severity;
  /** When some occurrences have the other severity: `error for \`.yml\``. */
  readonly severityNote?: string;
  /** One line of markdown: what the user got wrong. */
  readonly summary: string;
}

/** A readiness check: documented on a page of its own. */
export interface CheckDoc extends CodeDoc {
  /** Markdown paragraph: why the check exists. */
  readonly why: string;
  /** Markdown paragraph: what to change. */
  readonly fix: string;
}

/** A section of docs/problems.md: its codes share a heading and, often, a prefix. */
export interface CodeGroup<C extends Readonly<Record<string, CodeDoc>> = Readonly<Record<string, CodeDoc>>> {
  readonly title: string;
  /** Markdown shown under the heading. */
  readonly intro?: string;
  readonly codes: C;
}

/** Keeps the codes' names as literal types, so `Code` is the union of every registered name. */
export function codeGroup<const C extends Readonly<Record<string, CodeDoc>>>(title: string, codes: C, intro?: string): CodeGroup<C> {
  return intro === undefined ? { title, codes } : { title, intro, codes };
}

export function checkGroup<const C extends Readonly<Record<string, CheckDoc>>>(title: string, codes: C, intro?: string): CodeGroup<C> {
  return codeGroup(title, codes, intro);
}
