/** A throwaway git repository holding the tests' organisation and stacks (test/fixtures/acme). */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURE_DIR } from './helpers';

export interface Repo {
  readonly dir: string;
  readonly teams: string;
  git(...args: string[]): string;
  edit(rel: string, from: string | RegExp, to: string): void;
  /** Writes (or, with undefined, removes) a file of the repository, relative to its top. */
  write(rel: string, text: string | undefined): void;
  commit(message: string): void;
}

export function exampleRepo(): Repo {
  const dir = mkdtempSync(join(tmpdir(), 'oncall-repo-'));
  cpSync(FIXTURE_DIR, join(dir, 'teams'), { recursive: true });
  cpSync(join(FIXTURE_DIR, '..', 'stacks'), join(dir, 'stacks'), { recursive: true });
  // The fixture's e-mail intake is refused on Datadog On-Call: the repository keeps the stacks that can express it.
  rmSync(join(dir, 'stacks', 'Pulumi.acme-datadog.yaml'));
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
    write(rel, text) {
      if (text === undefined) rmSync(join(dir, rel), { recursive: true });
      else writeFileSync(join(dir, rel), text);
    },
    commit(message) {
      git('add', '-A');
      git('commit', '-qm', message);
    },
  };
}
