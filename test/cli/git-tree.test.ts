/**
 * A base read from git is read as strictly as the disk: UTF-8 only and no symbolic links, so `--base`
 * compares like with like. Issue 18, finding 5.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readTreeAtRef } from '../../modules/cli/git-tree';
import { readTeamsDir } from '../../modules/spec/read-dir';
import { FIXTURE_DIR } from '../helpers';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A repository holding the tests' organisation, with `change` applied before the one commit. */
function repoWith(change: (teams: string, dir: string) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'oncall-git-'));
  dirs.push(dir);
  const teams = join(dir, 'teams');
  cpSync(FIXTURE_DIR, teams, { recursive: true });
  change(teams, dir);
  const env = { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' };
  for (const args of [
    ['init', '-q', '-b', 'main'],
    ['add', '-A'],
    ['commit', '-qm', 'hostile'],
  ])
    execFileSync('git', args, { cwd: dir, stdio: 'pipe', env });
  return teams;
}

describe('the teams directory at a git ref', () => {
  it('reports a Latin-1 file and a symlinked squad folder, as the disk does', () => {
    const teams = repoWith((t, dir) => {
      writeFileSync(join(t, 'storefront', 'team.yaml'), Buffer.from('name: Boutique\ndescription: caf\xe9\n', 'latin1'));
      mkdirSync(join(dir, 'shared'));
      writeFileSync(join(dir, 'shared', 'team.yaml'), 'name: Shared\n');
      symlinkSync('../shared', join(t, 'shared'));
    });
    const atRef = readTreeAtRef(teams, 'HEAD', 'teams');
    const onDisk = readTeamsDir(teams);
    for (const tree of [atRef, onDisk]) {
      expect(tree.faults?.get('storefront/team.yaml')).toEqual(expect.objectContaining({ code: 'file/not-utf8', line: 2, column: 17 }));
      expect(tree.faults?.get('shared/')).toEqual(expect.objectContaining({ code: 'file/symlink' }));
      expect(tree.files.has('storefront/team.yaml')).toBe(false);
    }
  });
});
