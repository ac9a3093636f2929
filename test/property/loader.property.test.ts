/**
 * Property: whatever is done to valid files, the loader returns problems; it never throws,
 * and every problem is well formed (file, position, severity, stable code, message).
 */
import fc from 'fast-check';
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadOrganisation } from '../../modules/model/load';
import type { Problem } from '../../modules/core/problem';
import { fixtureTree, withFiles } from '../helpers';

/**
 * Each run loads a whole organisation (tens of milliseconds). The fuzz suite (test/fuzz) runs hundreds of
 * hostile organisations besides, so these properties take fewer, still random, runs of the real files.
 */
const RUNS = 120;

const yamlFiles = [...fixtureTree().files.keys()].filter((f) => f.endsWith('.yaml'));

function assertWellFormed(problems: readonly Problem[], files: Set<string>): void {
  for (const p of problems) {
    expect(files.has(p.file) || p.file === 'teams', p.file).toBe(true);
    expect(Number.isInteger(p.line) && p.line >= 0).toBe(true);
    expect(Number.isInteger(p.column) && p.column >= 0).toBe(true);
    expect(['error', 'warning']).toContain(p.severity);
    expect(p.code).toMatch(/^[a-z]+\/[a-z0-9-]+$/);
    expect(p.message.length).toBeGreaterThan(0);
  }
}

function displayFiles(): Set<string> {
  return new Set([...yamlFiles, ...[...fixtureTree().files.keys()]].map((f) => `teams/${f}`));
}

/** Characters that matter to YAML, plus arbitrary text. */
const yamlish = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom(
    '\t',
    ':',
    ': ',
    '- ',
    '&a ',
    '*a',
    '{',
    '}',
    '[',
    ']',
    '"',
    "'",
    '#',
    '\n',
    '  ',
    '|',
    '>',
    '!!str ',
    '%',
    '@',
    '~',
    '__proto__: 1\n',
    'constructor',
    '<<: *a',
  ),
);

describe('loader robustness (property)', () => {
  it('survives random edits of the text of any file', () => {
    let reported = 0;
    fc.assert(
      fc.property(fc.constantFrom(...yamlFiles), fc.nat(), fc.nat({ max: 40 }), yamlish, (rel, at, deleteCount, insert) => {
        const text = fixtureTree().files.get(rel)!;
        const pos = at % (text.length + 1);
        const mutated = text.slice(0, pos) + insert + text.slice(pos + deleteCount);
        const result = loadOrganisation(withFiles({ [rel]: mutated }));
        assertWellFormed(result.problems, displayFiles());
        if (result.problems.length > 0) reported++;
      }),
      { numRuns: RUNS },
    );
    // The property is not vacuous: many of these edits break the files and are reported.
    expect(reported).toBeGreaterThan(RUNS / 5);
  });

  it('survives random values at random places of any file', () => {
    let reported = 0;
    fc.assert(
      fc.property(
        fc.constantFrom(...yamlFiles),
        fc.array(fc.nat(), { minLength: 1, maxLength: 6 }),
        fc.oneof(
          fc.jsonValue({ maxDepth: 2 }),
          fc.constant(undefined),
          fc.string(),
          fc.constantFrom('25:00', '-1m', 'P0', 'Europe/Nowhere', '+33', 'http://', '2026-02-30', 'monday-funday'),
        ),
        fc.boolean(),
        (rel, choices, value, renameKey) => {
          const doc = parse(fixtureTree().files.get(rel)!) as Record<string, unknown>;
          let node: unknown = doc;
          let parent: Record<string, unknown> | unknown[] | undefined;
          let key: string | number | undefined;
          for (const choice of choices) {
            if (node === null || typeof node !== 'object') break;
            const keys = Array.isArray(node) ? node.map((_, i) => i) : Object.keys(node);
            if (keys.length === 0) break;
            parent = node as Record<string, unknown>;
            key = keys[choice % keys.length];
            node = (node as Record<string | number, unknown>)[key as string];
          }
          if (parent === undefined || key === undefined) return;
          if (renameKey && !Array.isArray(parent)) {
            const v = parent[key as string];
            delete parent[key as string];
            parent[typeof value === 'string' && value !== '' ? value : `${String(key)}x`] = v;
          } else if (value === undefined) {
            if (Array.isArray(parent)) parent.splice(key as number, 1);
            else delete parent[key as string];
          } else (parent as Record<string | number, unknown>)[key as string] = value;
          const result = loadOrganisation(withFiles({ [rel]: stringify(doc) }));
          assertWellFormed(result.problems, displayFiles());
          if (result.problems.length > 0) reported++;
        },
      ),
      { numRuns: RUNS },
    );
    expect(reported).toBeGreaterThan(RUNS / 3);
  });
});
