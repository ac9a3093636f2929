/**
 * GIVEN the tests' organisation with one hostile file or value,
 * WHEN it is loaded,
 * THEN one positioned problem says what is wrong, at once, and nothing is thrown.
 * (Issue 18, findings 1 and 5.)
 */
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadOrganisation } from '../../modules/model/load';
import { readTeamsDir } from '../../modules/spec/read-dir';
import { parseYaml } from '../../modules/spec/yaml-document';
import { tooDeep } from '../../modules/spec/yaml-depth';
import type { Problem } from '../../modules/core/problem';
import { fixtureTree, lineOf, withEdit, withFiles, writeTree } from '../helpers';

const SF = 'storefront/team.yaml';
const errors = (problems: readonly Problem[]): Problem[] => problems.filter((p) => p.severity === 'error');
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('nesting is bounded before parsing (finding 1)', () => {
  // Each of these made `validate` take from 14 s to minutes, or overflow the parser's stack.
  it.each([
    ['800 nested explicit keys on one line', `${'? '.repeat(800)}a\n`, 1, 65],
    ['1,800 nested explicit keys', `${'? '.repeat(1800)}a\n`, 1, 65],
    ['3,000 nested sequences on one line', `${'- '.repeat(3000)}a\n`, 1, 65],
    ['5,000 open brackets', `x: ${'['.repeat(5000)}\n`, 1, 35],
    ['a staircase of 2,000 indented keys', Array.from({ length: 2000 }, (_, i) => `${' '.repeat(i)}k:`).join('\n'), 33, 33],
  ])('%s: yaml/too-deep at the first level too deep', (_name, text, line, column) => {
    const problems = errors(loadOrganisation(withFiles({ [SF]: text }, fixtureTree())).problems);
    expect(problems.filter((p) => p.file === `teams/${SF}`)).toEqual([
      expect.objectContaining({ code: 'yaml/too-deep', line, column, message: expect.stringMatching(/more than 32 levels/) }),
    ]);
  });

  it('measures nesting as the parser sees it: brackets in quotes, comments and block scalars do not count', () => {
    const quoted = `a: "${'['.repeat(100)}"\nb: '${'{'.repeat(100)}'\nc: x # ${'['.repeat(100)}\nd: |\n${Array.from({ length: 100 }, (_, i) => `  ${' '.repeat(i)}x`).join('\n')}\n`;
    expect(tooDeep(quoted)).toBeUndefined();
    expect(parse(quoted)).toMatchObject({ a: '['.repeat(100) });
  });

  it('never estimates less than the real depth of a file the parser reads', () => {
    const depthOf = (v: unknown): number => (v !== null && typeof v === 'object' ? 1 + Math.max(0, ...Object.values(v).map(depthOf)) : 0);
    for (const text of [...fixtureTree().files.entries()].filter(([f]) => f.endsWith('.yaml')).map(([, t]) => t)) {
      const real = depthOf(parse(text));
      expect(tooDeep(text, real - 1)).toBeDefined();
    }
    // The deepest legitimate file is far below the limit.
    expect(tooDeep(fixtureTree().files.get(SF) ?? '', 12)).toBeUndefined();
  });

  it('refuses a mapping or list as a key, where the parser would stringify it (yaml/complex-key)', () => {
    const { problems } = parseYaml('f.yaml', 'name: x\n? [a, b]\n: c\n');
    expect(problems).toEqual([expect.objectContaining({ code: 'yaml/complex-key', line: 2, column: 3 })]);
  });

  it('still lists every duplicate key, `1` and `"1"` being one key once read', () => {
    const { problems } = parseYaml('f.yaml', 'a: 1\nb: 2\na: 3\n1: x\n"1": y\n');
    expect(problems.map((p) => [p.code, p.line, p.column])).toEqual([
      ['yaml/duplicate-key', 3, 1],
      ['yaml/duplicate-key', 5, 1],
    ]);
  });
});

describe('values the backends would misread are refused (finding 5)', () => {
  it.each(['+24:00', '+99:99', '-14:30', '+05:60'])('an override offset of %s (it vanished from who, roster and plans)', (offset) => {
    const tree = withEdit(SF, 'start: 2026-12-24 18:00', `start: 2026-12-24 18:00${offset}`, fixtureTree());
    expect(errors(loadOrganisation(tree).problems)).toEqual([
      expect.objectContaining({
        file: `teams/${SF}`,
        line: lineOf(SF, 'start: 2026-12-24 18:00', tree),
        code: 'value/invalid-datetime',
        message: expect.stringMatching(/from -14:00 to \+14:00/),
      }),
    ]);
  });

  it('accepts the real extremes of UTC offsets', () => {
    for (const offset of ['+14:00', '-12:00', 'Z', '+05:45']) {
      const tree = withEdit(SF, /end: 2026-12-26 09:00/, `end: 2026-12-26 09:00${offset}`, fixtureTree());
      expect(errors(loadOrganisation(tree).problems)).toEqual([]);
    }
  });

  it('refuses a zone in the wrong case and gives its spelling (it was sent to the backends as is)', () => {
    const tree = withEdit('org.yaml', 'timezone: Europe/Paris', 'timezone: EUROPE/PARIS', fixtureTree());
    expect(errors(loadOrganisation(tree).problems)).toEqual([
      expect.objectContaining({
        file: 'teams/org.yaml',
        code: 'value/invalid-zone',
        message: expect.stringContaining('case-sensitive'),
        suggestion: 'write `Europe/Paris`',
      }),
    ]);
  });

  it('accepts zone names as the tz database spells them, links included', () => {
    // Spellings from the tz database (backward file): links, capitals and lowercase words on purpose.
    for (const zone of [
      'Asia/Kolkata',
      'US/Eastern',
      'America/Port-au-Prince',
      'Etc/GMT+1',
      'UTC',
      'EST5EDT',
      'Antarctica/DumontDUrville',
    ]) {
      const tree = withEdit('org.yaml', 'timezone: Europe/Paris', `timezone: ${zone}`, fixtureTree());
      expect(
        errors(loadOrganisation(tree).problems).filter((p) => p.code === 'value/invalid-zone'),
        zone,
      ).toEqual([]);
    }
  });

  it.each([
    ['a holiday', 'org.yaml', /date: 2026-12-25/, 'date: 0026-12-25', 'value/invalid-date'],
    ['a rotation start', SF, /start: 2026-01-05/, 'start: 0099-01-05', 'value/invalid-date'],
    ['an override', SF, 'start: 2026-12-24 18:00', 'start: 0026-12-24 18:00', 'value/invalid-datetime'],
  ])('refuses a year before 1970 in %s (0000–0099 were read as 1900–1999)', (_what, file, from, to, code) => {
    const tree = withEdit(file, from, to, fixtureTree());
    const found = errors(loadOrganisation(tree).problems);
    expect(found).toContainEqual(
      expect.objectContaining({ file: `teams/${file}`, code, message: expect.stringMatching(/four-digit year from 1970 to 9999/) }),
    );
    expect(found.every((p) => p.code === code || p.code.startsWith('rotation/') || p.code.startsWith('swap/'))).toBe(true);
  });
});

describe('files on disk (finding 5)', () => {
  const onDisk = (): string => {
    const dir = writeTree(fixtureTree());
    dirs.push(dir);
    return dir;
  };

  it('refuses a Latin-1 file at its first byte that is not UTF-8 (names were read garbled)', () => {
    const dir = onDisk();
    const latin1 = Buffer.from('name: Storefront\ndescription: caf\xe9 en ligne\n', 'latin1');
    writeFileSync(join(dir, SF), latin1);
    const problems = loadOrganisation({ ...readTeamsDir(dir), root: 'teams' }).problems;
    expect(problems.filter((p) => p.file === `teams/${SF}`)).toEqual([
      expect.objectContaining({ code: 'file/not-utf8', line: 2, column: 17, severity: 'error' }),
    ]);
    // The same bytes read by Node as UTF-8 would have given a replacement character.
    expect(latin1.toString('utf8')).toContain('\uFFFD');
  });

  it('refuses a symlinked squad folder instead of skipping it', () => {
    const dir = onDisk();
    const elsewhere = join(dir, '..', `${dir.split('/').pop()}-shared`);
    dirs.push(elsewhere);
    mkdirSync(elsewhere);
    writeFileSync(join(elsewhere, 'team.yaml'), fixtureTree().files.get(SF) ?? '');
    symlinkSync(elsewhere, join(dir, 'checkout'));
    const problems = loadOrganisation({ ...readTeamsDir(dir), root: 'teams' }).problems;
    expect(problems).toContainEqual(expect.objectContaining({ file: 'teams/checkout/', code: 'file/symlink', severity: 'error' }));
  });

  it('refuses squad folders named as the outputs name themselves', () => {
    for (const reserved of ['index', 'organisation']) {
      const tree = withFiles({ [`${reserved}/team.yaml`]: fixtureTree().files.get(SF) }, fixtureTree());
      expect(errors(loadOrganisation(tree).problems)).toContainEqual(
        expect.objectContaining({ file: `teams/${reserved}/`, code: 'file/reserved-name' }),
      );
    }
  });
});
