import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { readTeamsDir } from '../modules/spec/read-dir';
import type { SourceTree } from '../modules/spec/source';
import { loadOrganisation } from '../modules/model/load';
import type { Problem } from '../modules/core/problem';
import { nowFromEnvironment, type Io } from '../modules/cli/io';
import { main } from '../modules/cli/main';

export const ROOT = join(__dirname, '..');

/**
 * The tests' own repository: test/fixtures/acme/{teams,stacks}, an organisation of their own (it started as a
 * copy of the bundled example). Tests never read the repository's teams/ or stacks/: those are the user's.
 */
export const FIXTURE_REPO = join(ROOT, 'test', 'fixtures', 'acme');
export const FIXTURE_DIR = join(FIXTURE_REPO, 'teams');
export const FIXTURE_STACKS = join(FIXTURE_REPO, 'stacks');

let fixture: SourceTree | undefined;

/** The tests' organisation, as shown with the `teams` prefix. */
export function fixtureTree(): SourceTree {
  fixture ??= { ...readTeamsDir(FIXTURE_DIR), root: 'teams' };
  return fixture;
}

/** A tree of its own (relative path → text) under `teams/`, not derived from the fixture. */
export function sourceTreeOf(files: Record<string, string>): SourceTree {
  return { root: 'teams', files: new Map(Object.entries(files)), oversized: new Map() };
}

/** The fixture with files replaced (text) or removed (undefined). */
export function withFiles(changes: Record<string, string | undefined>, base: SourceTree = fixtureTree()): SourceTree {
  const files = new Map(base.files);
  for (const [rel, text] of Object.entries(changes)) {
    if (text === undefined) files.delete(rel);
    else files.set(rel, text);
  }
  return { ...base, files };
}

/** The fixture with one file edited by a text replacement that must apply. */
export function withEdit(rel: string, from: string | RegExp, to: string, base: SourceTree = fixtureTree()): SourceTree {
  const text = base.files.get(rel);
  if (text === undefined) throw new Error(`no file ${rel}`);
  const edited = text.replace(from, to);
  if (edited === text) throw new Error(`edit of ${rel} did not apply: ${String(from)}`);
  return withFiles({ [rel]: edited }, base);
}

export function problemsOf(tree: SourceTree): readonly Problem[] {
  return loadOrganisation(tree).problems;
}

export function errorsOf(tree: SourceTree): Problem[] {
  return problemsOf(tree).filter((p) => p.severity === 'error');
}

/** 1-based line of the first occurrence of `needle` in a file of the fixture. */
export function lineOf(rel: string, needle: string, tree: SourceTree = fixtureTree()): number {
  const text = tree.files.get(rel) ?? '';
  const index = text.indexOf(needle);
  if (index < 0) throw new Error(`${needle} not in ${rel}`);
  return text.slice(0, index).split('\n').length;
}

/** Writes a tree to a fresh temporary directory and returns its path. */
export function writeTree(tree: SourceTree): string {
  const dir = mkdtempSync(join(tmpdir(), 'oncall-teams-'));
  for (const [rel, text] of tree.files) {
    mkdirSync(join(dir, dirname(rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
  return dir;
}

export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs the CLI in this process, as `oncall` would in `cwd` with only `env` set (`ONCALL_NOW` unset unless
 * given): `main(argv, io)` with an Io that captures what it writes. An exception is the internal error
 * bin/oncall.js reports (exit 70).
 */
export async function runCli(args: string[], cwd: string = FIXTURE_REPO, env: Record<string, string> = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const line = (text: string) => (text.endsWith('\n') ? text : `${text}\n`);
  const environment = { NO_COLOR: '1', ONCALL_NOW: '', ...env };
  const io: Io = {
    out: (t) => void (stdout += line(t)),
    err: (t) => void (stderr += line(t)),
    now: () => nowFromEnvironment(environment),
    cwd,
    env: environment,
  };
  try {
    return { code: await main(args, io), stdout, stderr };
  } catch (err) {
    return { code: 70, stdout, stderr: `${stderr}oncall: internal error: ${err instanceof Error ? err.stack : String(err)}\n` };
  }
}

/** Runs the built CLI as a user would (`node bin/oncall.js …`): for the few tests of the process itself. */
export function spawnCli(args: string[], cwd: string = FIXTURE_REPO, env: Record<string, string> = {}): CliRun {
  const result = spawnSync(process.execPath, [join(ROOT, 'bin', 'oncall.js'), ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ONCALL_NOW: '', ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The instant stacks are rendered for in tests that do not choose their own: before any date of the fixtures. */
export const NOW = Date.parse('2026-01-01T00:00:00Z');
