/**
 * Within one run that reads the same files twice (a pull request's check reads the teams at the head and at
 * the base), a file whose text did not change is parsed and schema-checked once and its result shared: the
 * answer depends only on its kind, its shown path and its text. Outside such a run nothing is kept.
 */
let shared: Map<string, unknown> | undefined;
let parses = 0;

/** Runs `fn` (synchronous) with the parses shared; the cache is dropped when it returns. */
export function withSharedParses<T>(fn: () => T): T {
  if (shared) return fn();
  shared = new Map();
  try {
    return fn();
  } finally {
    shared = undefined;
  }
}

/** The result of `parse` for this file, computed once per run of `withSharedParses`. */
export function parsedOnce<T>(kind: string, file: string, text: string, parse: () => T): T {
  const key = `${kind}\u0000${file}\u0000${text}`;
  if (shared?.has(key)) return shared.get(key) as T;
  parses++;
  const result = parse();
  shared?.set(key, result);
  return result;
}

/** How many files have been parsed since the process started (what the sharing saves is measured with it). */
export function parseCount(): number {
  return parses;
}
