import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers';
import { READINESS_CHECKS } from '../../modules/core/readiness-checks';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('problem codes', () => {
  const doc = readFileSync(join(ROOT, 'docs', 'problems.md'), 'utf8');
  const documented = new Set([...doc.matchAll(/^\| `([a-z]+\/[a-z0-9-]+)` \|/gm)].map((m) => m[1]));
  const checkNames = new Set(Object.keys(READINESS_CHECKS));
  const used = new Set(
    sources(join(ROOT, 'modules')).flatMap((f) =>
      [...readFileSync(f, 'utf8').matchAll(/'((?:yaml|schema|file|ref|value|time|rotation|escalation|routing|override|swap|phone|alert|person|holiday|service|unavailable|schedule|coverage|fairness|stack|backend)\/[a-z0-9-]+)'/g)].map((m) => m[1]),
    ).filter((c) => !checkNames.has(c!)),
  );

  it('every code the loader can report is documented in docs/problems.md', () => {
    expect([...used].filter((c) => !documented.has(c))).toEqual([]);
  });

  // Backend and stack codes are documented backend by backend; each one documented must still be used.
  const usedByBackends = new Set(sources(join(ROOT, 'modules')).flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/'((?:backend|stack)\/[a-z0-9-]+)'/g)].map((m) => m[1])));

  it('every documented code is still used', () => {
    expect([...documented].filter((c) => !used.has(c!) && !usedByBackends.has(c!))).toEqual([]);
  });
});
