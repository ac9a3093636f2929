/**
 * The registry of codes (modules/core/codes/) is the one list of what a user can be told: every code it holds
 * is documented by pages generated from it, every code the modules emit is in it, and each is still emitted.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers';
import { CODES, codeAnchor, docPath, isCode, type Code } from '../../modules/core/codes';
import { renderCodeDocs } from '../../modules/core/codes/docs';
import { READINESS_CHECKS } from '../../modules/core/readiness-checks';
import { markdownUnder } from '../../modules/cli/write-code-docs';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const REGISTRY = join(ROOT, 'modules', 'core', 'codes');
const registered = [...CODES.keys()];
/** The modules that emit problems: everything but the registry itself. */
const emitters = sources(join(ROOT, 'modules')).filter((f) => !f.startsWith(`${REGISTRY}${sep}`));
/** Quoted literals shaped like a code under one of the registry's own prefixes (`'ref/…'`, `"backend/…"`). */
const prefixes = [...new Set(registered.map((c) => c.split('/')[0]!))];
const literal = new RegExp(`['"\`]((?:${prefixes.join('|')})/[a-z0-9-]+)['"\`]`, 'g');
const emitted = new Set(emitters.flatMap((f) => [...readFileSync(f, 'utf8').matchAll(literal)].map((m) => m[1]!)));

describe('the registry of problem codes', () => {
  it('names codes as `area/what-went-wrong`, each once', () => {
    for (const code of registered) expect(code).toMatch(/^[a-z]+\/[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(new Set(registered).size).toBe(registered.length);
    expect(registered.length).toBeGreaterThan(100);
  });

  it('holds every readiness check, with its default severity', () => {
    for (const [check, severity] of Object.entries(READINESS_CHECKS)) expect(CODES.get(check as Code)?.severity).toBe(severity);
  });

  it('holds every code literal the modules emit (the type refuses others at build time; this also catches a cast)', () => {
    expect(emitted.size).toBeGreaterThan(100);
    expect([...emitted].filter((c) => !isCode(c))).toEqual([]);
  });

  it('holds no code that nothing emits any more', () => {
    expect(registered.filter((c) => !emitted.has(c))).toEqual([]);
  });

  it('does not compile a problem with an unregistered code', () => {
    const ok: Code = 'ref/unknown-person';
    // @ts-expect-error `ref/unknown-persn` is not registered (tsc checks the tests: npm run typecheck)
    const misspelt: Code = 'ref/unknown-persn';
    expect(isCode(ok) && !isCode(misspelt)).toBe(true);
  });
});

describe('the documentation of the codes', () => {
  const pages = renderCodeDocs();

  it('is committed as generated (run `npm run schemas` after editing the registry)', () => {
    for (const [rel, text] of pages)
      expect(existsSync(join(ROOT, 'docs', rel)) ? readFileSync(join(ROOT, 'docs', rel), 'utf8') : `missing docs/${rel}`, rel).toBe(text);
    const committed = markdownUnder(join(ROOT, 'docs', 'checks')).map((f) => relative(join(ROOT, 'docs'), f).split(sep).join('/'));
    expect(committed.filter((rel) => !pages.has(rel))).toEqual([]);
  });

  it('documents every code at the place its links point to', () => {
    const problems = readFileSync(join(ROOT, 'docs', 'problems.md'), 'utf8');
    for (const code of registered) {
      expect(problems, code).toContain(`<a id="${codeAnchor(code)}"></a>`);
      const [path, anchor] = docPath(code).split('#');
      const page = readFileSync(join(ROOT, path!), 'utf8');
      if (anchor === undefined) expect(page.startsWith(`# \`${code}\`\n`), code).toBe(true);
      else expect(page, code).toContain(`<a id="${anchor}"></a>\`${code}\``);
    }
  });

  it('gives every code its severity and summary in docs/problems.md', () => {
    const problems = readFileSync(join(ROOT, 'docs', 'problems.md'), 'utf8');
    const rows = new Map(
      [...problems.matchAll(/^\| <a id="[^"]+"><\/a>\[?`([^`]+)`(?:\]\([^)]+\))? \| ([^|]+) \| (.+) \|$/gm)].map((m) => [
        m[1]!,
        { severity: m[2]!, summary: m[3]! },
      ]),
    );
    expect([...rows.keys()].sort()).toEqual([...registered].sort());
    for (const [code, doc] of CODES) {
      expect(rows.get(code)?.severity.startsWith(doc.severity), code).toBe(true);
      expect(rows.get(code)?.summary, code).toBe(doc.summary);
    }
  });
});
