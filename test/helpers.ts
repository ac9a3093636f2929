import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { readTeamsDir } from '../modules/spec/read-dir';
import type { SourceTree } from '../modules/spec/source';
import { loadOrganisation } from '../modules/model/load';
import type { Problem } from '../modules/core/problem';

export const ROOT = join(__dirname, '..');
export const EXAMPLE_DIR = join(ROOT, 'teams');

let example: SourceTree | undefined;

/** The bundled example organisation, as shown with the `teams` prefix. */
export function exampleTree(): SourceTree {
  example ??= { ...readTeamsDir(EXAMPLE_DIR), root: 'teams' };
  return example;
}

/** The example with files replaced (text) or removed (undefined). */
export function withFiles(changes: Record<string, string | undefined>, base: SourceTree = exampleTree()): SourceTree {
  const files = new Map(base.files);
  for (const [rel, text] of Object.entries(changes)) {
    if (text === undefined) files.delete(rel);
    else files.set(rel, text);
  }
  return { ...base, files };
}

/** The example with one file edited by a text replacement that must apply. */
export function withEdit(rel: string, from: string | RegExp, to: string, base: SourceTree = exampleTree()): SourceTree {
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

/** 1-based line of the first occurrence of `needle` in a file of the example. */
export function lineOf(rel: string, needle: string, tree: SourceTree = exampleTree()): number {
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

/** Runs the built CLI as a user would (`node bin/oncall.js …`). */
export function runCli(args: string[], cwd: string = ROOT, env: Record<string, string> = {}): CliRun {
  const result = spawnSync(process.execPath, [join(ROOT, 'bin', 'oncall.js'), ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ONCALL_NOW: '', ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The instant stacks are rendered for in tests that do not choose their own: before any date of the fixtures. */
export const NOW = Date.parse('2026-01-01T00:00:00Z');

/** The tests' own organisation (test/fixtures/acme/teams), independent of the user's teams/. */
export const FIXTURE_DIR = join(ROOT, 'test', 'fixtures', 'acme', 'teams');
let fixture: SourceTree | undefined;
export function fixtureTree(): SourceTree {
  fixture ??= { ...readTeamsDir(FIXTURE_DIR), root: 'teams' };
  return fixture;
}
