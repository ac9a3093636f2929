/**
 * teams/ and stacks/ at the top of the repository are the user's: editing them must never break the tests.
 * Tests read the tests' own organisation (test/fixtures/acme) instead; this guards against a test that
 * points back at the user's folders.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers';

const USER = '(?:teams|stacks)';
/** Ways a test file could reach the repository's own teams/ or stacks/. */
const REFERENCES: ReadonlyArray<[RegExp, string]> = [
  [new RegExp(`\\bROOT\\s*,\\s*['"\`]${USER}['"\`/]`), 'a path joined from ROOT to teams/ or stacks/'],
  [
    new RegExp(`__dirname[^;\\n]*['"\`](?:\\.\\./)*\\.\\.['"\`][^;\\n]*['"\`]${USER}['"\`]`),
    'a path from __dirname up to teams/ or stacks/',
  ],
  [new RegExp(`['"\`](?:\\.\\./)+${USER}(?:/[^'"\`]*)?['"\`]`), 'a relative path up to teams/ or stacks/'],
  [
    /\b(?:spawn|spawnSync|exec|execSync|execFile|execFileSync|fork)\([^;]*\bcwd\s*:\s*ROOT\b/,
    "a command run at the top of the repository, where `teams` means the user's",
  ],
  [/\b(?:runCli|spawnCli)\([^;]*,\s*ROOT\s*[,)]/, 'the CLI run at the top of the repository'],
  [/\b(?:exampleTree|EXAMPLE_DIR)\b/, 'the bundled example (use fixtureTree / FIXTURE_DIR)'],
  [
    new RegExp(
      `\\b(?:readTeamsDir|readStacksDir|loadTeamsDir|readFileSync|readdirSync|statSync|existsSync|cpSync)\\(\\s*['"\`](?:\\./)?${USER}\\b`,
    ),
    'teams/ or stacks/ read relative to where the tests run',
  ],
];

export function userDataReferences(text: string): string[] {
  return REFERENCES.filter(([pattern]) => pattern.test(text)).map(([, what]) => what);
}

function testSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'fixtures' ? [] : testSources(path);
    return /\.(ts|mts|js)$/.test(e.name) ? [path] : [];
  });
}

describe("tests never read the user's teams/ or stacks/", () => {
  it('no test file points at the top-level teams/ or stacks/', () => {
    const self = join(__dirname, 'user-data.test.ts');
    const found = testSources(join(ROOT, 'test'))
      .filter((f) => f !== self)
      .flatMap((f) => userDataReferences(readFileSync(f, 'utf8')).map((what) => `${relative(ROOT, f)}: ${what}`));
    expect(found).toEqual([]);
  });

  it.each([
    "readTeamsDir(join(ROOT, 'teams'))",
    'readStacksDir(join(ROOT, "stacks"))',
    "readFileSync(join(__dirname, '..', '..', 'teams', 'org.yaml'))",
    "readFileSync(resolve(__dirname, '../../stacks/Pulumi.acme-pagerduty.yaml'))",
    "spawnSync('node', ['bin/oncall.js', 'validate'], { cwd: ROOT })",
    "runCli(['who'], ROOT)",
    "spawnCli(['validate'], ROOT, {})",
    'const tree = exampleTree();',
    "readTeamsDir('teams')",
    "readFileSync('./stacks/Pulumi.acme-datadog.yaml', 'utf8')",
  ])('catches %s', (line) => {
    expect(userDataReferences(line)).not.toEqual([]);
  });

  it.each([
    'readTeamsDir(FIXTURE_DIR)',
    "cpSync(FIXTURE_DIR, join(dir, 'teams'))",
    "runCli(['who'], repo)",
    'new ESLint({ cwd: ROOT })',
    "expect(p.file).toBe('teams/org.yaml')",
  ])('lets %s through', (line) => {
    expect(userDataReferences(line)).toEqual([]);
  });
});
