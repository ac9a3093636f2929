/** A throwaway git repository holding the example organisation and stacks. */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXAMPLE_DIR, ROOT } from './helpers';

export interface Repo {
  readonly dir: string;
  readonly teams: string;
  git(...args: string[]): string;
  edit(rel: string, from: string | RegExp, to: string): void;
  commit(message: string): void;
}

export function exampleRepo(): Repo {
  const dir = mkdtempSync(join(tmpdir(), 'oncall-repo-'));
  cpSync(EXAMPLE_DIR, join(dir, 'teams'), { recursive: true });
  cpSync(join(ROOT, 'stacks'), join(dir, 'stacks'), { recursive: true });
  const env = { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' };
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'pipe', env }).toString();
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-qm', 'example');
  return {
    dir,
    teams: join(dir, 'teams'),
    git,
    edit(rel, from, to) {
      const file = join(dir, 'teams', rel);
      const text = readFileSync(file, 'utf8');
      const next = text.replace(from, to);
      if (next === text) throw new Error(`edit of ${rel} did not apply`);
      writeFileSync(file, next);
    },
    commit(message) {
      git('add', '-A');
      git('commit', '-qm', message);
    },
  };
}
