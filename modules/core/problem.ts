/**
 * Everything a user can get wrong or should review is reported as a Problem: positioned, coded, collected,
 * never thrown. Validation problems and readiness findings alike; one set of formatters prints them all.
 */
import type { Code, Severity } from './codes';

export type { Code, Severity } from './codes';

export interface Problem {
  /** Path of the file as the user named it (e.g. `teams/storefront/team.yaml`). */
  readonly file: string;
  /** 1-based line; 0 when the problem concerns a whole file or directory. */
  readonly line: number;
  /** 1-based column; 0 when the problem concerns a whole file or directory. */
  readonly column: number;
  readonly severity: Severity;
  /** Stable code such as `ref/unknown-person`, registered in modules/core/codes/ and documented from there. */
  readonly code: Code;
  readonly message: string;
  /** What to change, when the fix is known and not already said by the message. */
  readonly suggestion?: string;
  /**
   * What the problem concerns, when it is about one squad, alert or service (readiness findings): kept as
   * fields, not only in the message, so reports can group and link them and JSON readers need not parse text.
   */
  readonly squad?: string;
  readonly alert?: string;
  readonly service?: string;
}

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}

/** Sorts by file, then position, then code, so output is stable between runs. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      a.line - b.line ||
      a.column - b.column ||
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0) ||
      (a.message < b.message ? -1 : a.message > b.message ? 1 : 0),
  );
}

/** Removes exact duplicates (same file, position, code and message). */
export function uniqueProblems(problems: readonly Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.file}\0${p.line}\0${p.column}\0${p.code}\0${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
