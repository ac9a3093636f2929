/**
 * Fuzz: hostile inputs never escape as exceptions, every problem is positioned with a documented code, and
 * each input is answered quickly. Seeded, so a failure replays; bounded to a few seconds. A crash found
 * here or in `npm run bench` (its fuzz row runs 10,000 cases) is added to KNOWN below. Issue 18, finding 9.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { documentedCodes, hostileCase, runCase } from '../../modules/bench/hostile';
import { generateOrganisation } from '../../modules/bench/generate';
import { parseYaml } from '../../modules/spec/yaml-document';
import type { Problem } from '../../modules/core/problem';
import { ROOT } from '../helpers';

const NOW = Date.parse('2026-11-22T12:00:00Z');
const DOCUMENTED = documentedCodes(readFileSync(join(ROOT, 'docs', 'problems.md'), 'utf8'));
/** Generous: a case takes milliseconds; minutes (or a stack overflow) were the failures. */
const MAX_MS_PER_INPUT = 2000;
const base = generateOrganisation({ squads: 1, peoplePerSquad: 4, alertsPerSquad: 3 });

function expectPositioned(problems: readonly Problem[], file: string): void {
  for (const p of problems) {
    expect(p.file).toBe(file);
    expect(Number.isInteger(p.line) && p.line >= 0 && Number.isInteger(p.column) && p.column >= 0, JSON.stringify(p)).toBe(true);
    expect(DOCUMENTED.has(p.code), p.code).toBe(true);
  }
}

/** What YAML is made of, and what breaks parsers: indicators, nesting, quotes, odd characters. */
const piece = fc.oneof(
  fc.constantFrom(
    '? ',
    '- ',
    ': ',
    '[',
    ']',
    '{',
    '}',
    ', ',
    '"',
    "'",
    '#',
    '&a ',
    '*a',
    '!!str ',
    '|',
    '>',
    '---',
    '...',
    '<<: ',
    '%YAML 1.2',
  ),
  fc.constantFrom('\n', '\n  ', '\n    ', '\t', '\r\n', '\u0000', '\uFEFF', '\uD800', '\u2028', 'é', '💥', '__proto__', 'constructor'),
  fc.constantFrom('1e308', '-0', '.nan', '0x1F', '2026-12-24 18:00+24:00', '0026-01-05', 'EUROPE/PARIS', '9'.repeat(40)),
  fc.string({ maxLength: 8 }),
);
const repeated = fc
  .tuple(fc.constantFrom('? ', '- ', '[', '{a: ', '- [', '? - '), fc.integer({ min: 1, max: 4000 }))
  .map(([p, n]) => p.repeat(n));
const yamlText = fc
  .array(fc.oneof({ weight: 8, arbitrary: piece }, { weight: 1, arbitrary: repeated }), { maxLength: 60 })
  .map((parts) => parts.join(''));

describe('one file of hostile YAML', () => {
  it('is read or refused with positioned problems, never thrown, quickly', () => {
    fc.assert(
      fc.property(yamlText, (text) => {
        const start = performance.now();
        const { problems } = parseYaml('f.yaml', text);
        expect(performance.now() - start).toBeLessThan(MAX_MS_PER_INPUT);
        expectPositioned(problems, 'f.yaml');
      }),
      { seed: 18, numRuns: 2000 },
    );
  });
});

describe('a hostile organisation (one file replaced or mutated, or file-system faults)', () => {
  it('loads and analyses without an exception, every problem positioned and documented, each quickly', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), (seed) => {
        const outcome = runCase(hostileCase(base, seed), NOW, DOCUMENTED);
        expect(outcome.crash).toBeUndefined();
        expect(outcome.unpositioned).toEqual([]);
        expect(outcome.ms).toBeLessThan(MAX_MS_PER_INPUT);
      }),
      { seed: 18, numRuns: 250 },
    );
  });

  // Inputs that once crashed or hung (issue 18): they stay here.
  const KNOWN: Array<[string, string]> = [
    ['800 nested explicit keys (took minutes)', `${'? '.repeat(800)}a`],
    ['1,800 nested explicit keys (stack overflow)', `${'? '.repeat(1800)}a`],
    ['3,000 nested sequences (stack overflow)', `${'- '.repeat(3000)}a`],
  ];
  it.each(KNOWN)('%s', (_name, text) => {
    const tree = { ...base, files: new Map([...base.files, ['squad-0/team.yaml', text]]) };
    const outcome = runCase({ seed: 0, tree }, NOW, DOCUMENTED);
    expect(outcome.crash).toBeUndefined();
    expect(outcome.unpositioned).toEqual([]);
  });
});
