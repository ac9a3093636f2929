/**
 * Hostile organisations, deterministic from a seed: a small valid organisation with one file replaced or
 * mutated by what an adversary would write (deep nesting, odd bytes, huge numbers, odd keys, aliases,
 * out-of-range values) or with file-system faults (unreadable, not UTF-8, links, folders for files,
 * reserved and odd names). Used by the fuzz tests (test/fuzz) and the fuzz row of `npm run bench`.
 */
import type { Problem } from '../core/problem';
import { analyse } from '../pipeline';
import type { FileFault, SourceTree } from '../spec/source';
import { random } from './generate';

type Rnd = () => number;
const int = (rnd: Rnd, max: number): number => Math.floor(rnd() * max);
const pick = <T>(rnd: Rnd, list: readonly T[]): T => list[int(rnd, list.length)] as T;

const NESTERS: ReadonlyArray<(n: number) => string> = [
  (n) => `${'? '.repeat(n)}a`,
  (n) => `${'- '.repeat(n)}a`,
  (n) => `${'['.repeat(n)}${']'.repeat(n)}`,
  (n) => '['.repeat(n),
  (n) => `${'{a: '.repeat(n)}1${'}'.repeat(n)}`,
  (n) => Array.from({ length: n }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n'),
  (n) => `${'- ? '.repeat(n)}x`,
  (n) => `${'? ['.repeat(n)}a`,
  (n) => Array.from({ length: n }, (_, i) => `${' '.repeat(i)}- `).join('\n'),
];

const ODD_TEXT = [
  '\u0000',
  '\uFEFF',
  '\uFFFE',
  '\uD800',
  '\u2028',
  '\u202E',
  '\u0085',
  '\t',
  '\r',
  '\r\n',
  '\u000B',
  '\u001B[31m',
  'é',
  '💥',
  '\\',
  '"',
  "'",
  '#',
  '&a',
  '*a',
  '!!binary',
  '!!python/object',
  '%YAML 1.1',
  '---',
  '...',
  '|',
  '>',
  '<<: *a',
];
const HUGE = [
  '1e308',
  '-1e308',
  '1e400',
  '9007199254740993',
  '0x7fffffff',
  '-0',
  '.nan',
  '.inf',
  '999999999999999999999w',
  '1e6h',
  '0m',
  '-1h',
  '99999d',
];
const ODD_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  '',
  '"',
  'ü',
  '<<',
  '? x',
  '1',
  'null',
  'true',
  'a'.repeat(5000),
];
const ODD_VALUES = [
  '2026-12-24 18:00+24:00',
  '2026-12-24 18:00+99:99',
  '0026-01-05',
  '0000-01-01',
  '9999-12-31',
  '2026-02-30',
  'EUROPE/PARIS',
  'europe/paris',
  'Etc/GMT+14',
  '+33 6 39 98 01 01',
  '24:00',
  '25:61',
  'monday 24:00',
  'https://',
  'http://[::1',
  '../../../etc/passwd',
  '/etc/passwd',
  'runbooks/../../x.md',
];
const KEYS_OF_THE_MODEL = [
  'name',
  'members',
  'rotations',
  'start',
  'every',
  'handoff',
  'timezone',
  'overrides',
  'swaps',
  'escalations',
  'steps',
  'after',
  'notify',
  'alerts',
  'services',
  'phone',
  'people',
  'defaults',
  'coverage',
  'offset',
  'follows',
  'changes',
  'routing',
  'runbook',
  'severity',
  'kind',
  'holidays',
  'date',
];

function fragment(rnd: Rnd): string {
  switch (int(rnd, 7)) {
    case 0:
      return pick(rnd, NESTERS)(1 + int(rnd, rnd() < 0.7 ? 60 : 3000));
    case 1:
      return Array.from({ length: 1 + int(rnd, 12) }, () => pick(rnd, ODD_TEXT)).join(pick(rnd, ['', ' ', 'x', '\n']));
    case 2:
      return `${pick(rnd, KEYS_OF_THE_MODEL)}: ${pick(rnd, HUGE)}`;
    case 3:
      return `${JSON.stringify(pick(rnd, ODD_KEYS))}: ${pick(rnd, [...HUGE, ...ODD_VALUES, '{}', '[]', '~'])}`;
    case 4:
      return `${pick(rnd, KEYS_OF_THE_MODEL)}: ${JSON.stringify(pick(rnd, ODD_VALUES))}`;
    case 5: {
      // Aliases: each level refers to the previous one several times.
      const levels = 1 + int(rnd, 12);
      const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
      for (let i = 1; i < levels; i++) lines.push(`a${i}: &a${i} [${Array.from({ length: 10 }, () => `*a${i - 1}`).join(', ')}]`);
      return lines.join('\n');
    }
    default:
      return Array.from({ length: int(rnd, 400) }, () => String.fromCharCode(int(rnd, 0x3000))).join('');
  }
}

/** Inserts a fragment into a valid file: at a line, with the line's indentation or none. */
function mutate(rnd: Rnd, text: string): string {
  const lines = text.split('\n');
  const at = int(rnd, lines.length + 1);
  const indent = rnd() < 0.5 ? (/^ */.exec(lines[at] ?? '')?.[0] ?? '') : '';
  const inserted = fragment(rnd)
    .split('\n')
    .map((l) => indent + l);
  if (rnd() < 0.3) lines.splice(at, 1, ...inserted);
  else lines.splice(at, 0, ...inserted);
  return lines.join('\n');
}

const FAULTS: readonly FileFault[] = [
  { code: 'file/unreadable', line: 0, column: 0, message: 'cannot read this file: permission denied' },
  { code: 'file/not-utf8', line: 3, column: 7, message: 'this file is not UTF-8' },
  { code: 'file/symlink', line: 0, column: 0, message: 'this file is a symbolic link' },
];
const ODD_PATHS = [
  'index/team.yaml',
  'organisation/team.yaml',
  'Upper/team.yaml',
  'a b/team.yaml',
  'x/alerts/deep/more.yaml',
  'x/team.yml',
  'team.yaml',
  'x/alerts/a.yaml',
  '-x/team.yaml',
  'x/runbooks/r.md',
];

export interface HostileCase {
  readonly seed: number;
  readonly tree: SourceTree;
}

/** One hostile organisation, from `base` (a valid one) and a seed. */
export function hostileCase(base: SourceTree, seed: number): HostileCase {
  const rnd = random(seed);
  const files = new Map(base.files);
  const faults = new Map<string, FileFault>();
  const oversized = new Map<string, number>();
  const yamlFiles = [...files.keys()].filter((f) => f.endsWith('.yaml'));
  const target = pick(rnd, yamlFiles);
  const mode = int(rnd, 10);
  if (mode < 5) files.set(target, mutate(rnd, files.get(target) ?? ''));
  else if (mode < 7) files.set(target, fragment(rnd));
  else if (mode < 8) {
    // File-system faults on any file (a folder's when it ends with `/`).
    const path = rnd() < 0.3 ? `${target.split('/')[0] ?? ''}/` : pick(rnd, [...files.keys()]);
    files.delete(path);
    faults.set(path, pick(rnd, FAULTS));
    if (rnd() < 0.2) oversized.set(pick(rnd, [...files.keys()]), 5 * 1024 * 1024);
  } else {
    // Odd names: reserved, badly formed or misplaced files, holding a valid squad or a fragment.
    const squad = [...files.keys()].find((f) => f.endsWith('/team.yaml')) ?? '';
    files.set(pick(rnd, ODD_PATHS), rnd() < 0.5 ? (files.get(squad) ?? '') : fragment(rnd));
    if (rnd() < 0.5) files.delete(squad);
  }
  return { seed, tree: { ...base, files, oversized, faults } };
}

export interface CaseOutcome {
  /** The exception that escaped, if one did: must never happen. */
  readonly crash?: string;
  readonly ms: number;
  /** Problems without a file, a whole-number position ≥ 0 or a documented code. */
  readonly unpositioned: readonly Problem[];
}

/** Loads and analyses one case, as `validate` would, and checks every problem it reports. */
export function runCase(c: HostileCase, now: number, documented: ReadonlySet<string>): CaseOutcome {
  const start = process.hrtime.bigint();
  let problems: readonly Problem[] = [];
  let crash: string | undefined;
  try {
    problems = analyse(c.tree, now).problems;
  } catch (err) {
    crash = err instanceof Error ? `${err.name}: ${err.message}`.slice(0, 300) : String(err);
  }
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const unpositioned = problems.filter(
    (p) =>
      p.file === '' || !Number.isInteger(p.line) || p.line < 0 || !Number.isInteger(p.column) || p.column < 0 || !documented.has(p.code),
  );
  return { crash, ms, unpositioned };
}

/** The codes of docs/problems.md: the first cell of each row, after the row's anchor (a check's code is a link to its page). */
export function documentedCodes(markdown: string): Set<string> {
  return new Set([...markdown.matchAll(/^\| (?:<a id="[^"]+"><\/a>)?\[?`([a-z]+\/[a-z0-9-]+)`/gm)].map((m) => m[1] as string));
}
