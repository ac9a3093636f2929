/**
 * Every error path ends in a readable message with exit 1 (problems) or 2 (usage), never a stack trace
 * (exit 70). The CLI runs in-process (`runCli`); test/cli/process.test.ts covers the exit codes of the real process.
 */
import { chmodSync, cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadOrganisation } from '../../modules/model/load';
import { diskReader, readTeamsDir, type TreeReader } from '../../modules/spec/read-dir';
import { FIXTURE_DIR, fixtureTree, runCli, withFiles, writeTree } from '../helpers';

const NOW = { ONCALL_NOW: '2026-11-22T12:00:00+01:00' };
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A repository with teams/ (the tests' organisation) and stacks/. */
function repo(): { root: string; teams: string } {
  const root = mkdtempSync(join(tmpdir(), 'oncall-errors-'));
  dirs.push(root);
  cpSync(FIXTURE_DIR, join(root, 'teams'), { recursive: true });
  mkdirSync(join(root, 'stacks'));
  return { root, teams: join(root, 'teams') };
}

function expectReadable(run: { code: number | null; stdout: string; stderr: string }, code: 1 | 2): void {
  expect(run.code).toBe(code);
  expect(`${run.stdout}${run.stderr}`).not.toMatch(/internal error|\n\s+at /);
}

const isRoot = process.getuid?.() === 0;
/** A file system that refuses to read one path, as permissions do (root reads everything, so tests simulate it). */
function refusing(path: string, what: 'list' | 'read'): TreeReader {
  const denied = (): never => {
    throw Object.assign(new Error(`EACCES: permission denied, open '${path}'`), { code: 'EACCES' });
  };
  return {
    ...diskReader,
    list: (p) => (what === 'list' && p === path ? denied() : diskReader.list(p)),
    read: (p) => (what === 'read' && p === path ? denied() : diskReader.read(p)),
  };
}

describe('files that cannot be read are problems', () => {
  it('a folder named like a stack file', async () => {
    const { root, teams } = repo();
    mkdirSync(join(root, 'stacks', 'Pulumi.x.yaml'));
    const run = await runCli(['validate', '--teams', teams]);
    expectReadable(run, 1);
    expect(run.stdout).toMatch(/stacks\/Pulumi\.x\.yaml error file\/unreadable: this is a folder; a stack file is expected here/);
  });

  it('a folder where team.yaml is expected', async () => {
    const { teams } = repo();
    rmSync(join(teams, 'storefront', 'team.yaml'));
    mkdirSync(join(teams, 'storefront', 'team.yaml'));
    const run = await runCli(['validate', '--teams', teams]);
    expectReadable(run, 1);
    expect(run.stdout).toMatch(/storefront\/team\.yaml error file\/unreadable: this is a folder; a file is expected here/);
  });

  it('an unreadable team file, squad folder or runbook (permission denied)', () => {
    const { teams } = repo();
    const cases: Array<[string, 'list' | 'read', string]> = [
      [join(teams, 'storefront', 'team.yaml'), 'read', 'teams/storefront/team.yaml'],
      [join(teams, 'payments'), 'list', 'teams/payments/'],
      [join(teams, 'storefront', 'runbooks', 'home-page.md'), 'read', 'teams/storefront/runbooks/home-page.md'],
    ];
    for (const [path, what, shown] of cases) {
      const problems = loadOrganisation({ ...readTeamsDir(teams, refusing(path, what)), root: 'teams' }).problems;
      expect(
        problems.filter((p) => p.file === shown),
        shown,
      ).toEqual([
        expect.objectContaining({ code: 'file/unreadable', severity: 'error', message: expect.stringMatching(/permission denied/) }),
      ]);
    }
  });

  it.skipIf(isRoot)('chmod 000 on a team file (skipped as root: root reads it anyway; the case above simulates it)', async () => {
    const { teams } = repo();
    chmodSync(join(teams, 'storefront', 'team.yaml'), 0o000);
    const run = await runCli(['validate', '--teams', teams]);
    chmodSync(join(teams, 'storefront', 'team.yaml'), 0o644);
    expectReadable(run, 1);
    expect(run.stdout).toMatch(/storefront\/team\.yaml error file\/unreadable: cannot read this file: permission denied/);
  });
});

describe('options are bounded to what can be computed quickly', () => {
  /** The tests' organisation with a squad whose rotation hands over every hour. */
  const hourly = (): string => {
    const night =
      'name: Night\nmanager: manon\nmembers: [alice, bruno]\nrotations:\n  oncall:\n    members: [alice, bruno]\n    start: 2026-01-05\n    every: 1h\n    handoff: "09:00"\nescalations:\n  night:\n    steps:\n      - notify: on-call\n';
    const dir = writeTree(withFiles({ 'night/team.yaml': night }, fixtureTree()));
    dirs.push(dir);
    return dir;
  };

  it('roster --weeks 800 with an hourly rotation: a usage error saying the limit', async () => {
    const run = await runCli(['roster', '--weeks', '800', '--teams', hourly()], undefined, NOW);
    expectReadable(run, 2);
    expect(run.stderr).toMatch(
      /--weeks 800 covers about [0-9,]+ shifts \(most in night\/oncall\); the limit is 100,000: ask for at most [0-9]+ weeks/,
    );
  });

  it('calendar --weeks 1000 with an hourly rotation: the same', async () => {
    const out = mkdtempSync(join(tmpdir(), 'oncall-cal-'));
    dirs.push(out);
    const run = await runCli(['calendar', '--weeks', '1000', '--out', out, '--teams', hourly()], undefined, NOW);
    expectReadable(run, 2);
    expect(run.stderr).toMatch(/the limit is 100,000/);
  });

  it('a malformed ONCALL_NOW is a usage error, for every command', async () => {
    for (const command of ['who', 'validate', 'roster']) {
      const run = await runCli([command, '--teams', FIXTURE_DIR], undefined, { ONCALL_NOW: 'yesterday' });
      expectReadable(run, 2);
      expect(run.stderr).toMatch(/ONCALL_NOW must be an ISO 8601 instant .*\(got `yesterday`\)/);
    }
  });
});
