/**
 * The `yaml` parser reads `process.env` once per token (a debugging switch). On Node, every read
 * of `process.env` is a call into the operating system's environment, which makes it a fifth of
 * the parse time for a large organisation. While YAML is parsed, synchronously, `process.env` is
 * replaced by a plain copy with the same values and restored right after; nothing else runs
 * in between, so no code can observe the difference.
 */
let depth = 0;

export function withEnvironmentSnapshot<T>(fn: () => T): T {
  if (depth > 0) return fn();
  const real = process.env;
  process.env = { ...real };
  depth++;
  try {
    return fn();
  } finally {
    depth--;
    process.env = real;
  }
}
