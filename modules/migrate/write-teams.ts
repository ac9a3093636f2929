/**
 * The teams directory of an import: `org.yaml`, `<squad>/team.yaml` and `<squad>/alerts/imported.yaml`, as
 * text (deterministic: the same import gives the same bytes), then written whole or not at all: every file is
 * written to a folder beside the teams directory, then moved into place. Nothing existing is ever replaced.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, posix } from 'node:path';
import type { FileKind } from '../spec/schema';
import { ORG_FILE, TEAM_FILE } from '../spec/load-tree';
import type { ImportedTeams } from './account';
import { documentText } from './yaml-text';

/** Where a squad's imported alerts go: the loader reads `<squad>/alerts/*.yaml`. */
export function alertsFileOf(squad: string): string {
  return `${squad}/alerts/imported.yaml`;
}

export interface TeamsText {
  /** Text by path from the teams directory. */
  readonly files: ReadonlyMap<string, string>;
  /** Comment keys that name no file or no key of their file. */
  readonly unplaced: readonly string[];
}

export interface TextOptions {
  /** The schemas folder, as a path from the teams directory (what `oncall init` writes in the schema line). */
  readonly schemas: string;
  /** Lines at the top of every file, under the schema line (where and when the account was read). */
  readonly header: readonly string[];
}

/** The comments of one file, by JSON pointer; `<squad>/alerts.yaml` keys name the squad's alerts file. */
function commentsByFile(comments: ReadonlyMap<string, string>): Map<string, Map<string, string>> {
  const out = new Map<string, Map<string, string>>();
  for (const [key, text] of comments) {
    const at = key.indexOf('#');
    let file = at < 0 ? key : key.slice(0, at);
    const pointer = at < 0 ? '' : key.slice(at + 1);
    const alerts = /^([^/]+)\/alerts\.yaml$/.exec(file);
    if (alerts) file = alertsFileOf(alerts[1] as string);
    if (!out.has(file)) out.set(file, new Map());
    out.get(file)?.set(pointer, text);
  }
  return out;
}

export function teamsText(teams: ImportedTeams, options: TextOptions): TeamsText {
  const documents: Array<{ file: string; kind: FileKind; value: unknown }> = [{ file: ORG_FILE, kind: 'org', value: teams.org }];
  for (const squad of [...teams.squads.keys()].sort()) {
    documents.push({ file: `${squad}/${TEAM_FILE}`, kind: 'team', value: teams.squads.get(squad) });
    const alerts = teams.alerts.get(squad);
    if (alerts) documents.push({ file: alertsFileOf(squad), kind: 'alerts', value: alerts });
  }
  for (const squad of [...teams.alerts.keys()].sort()) {
    if (!teams.squads.has(squad)) documents.push({ file: alertsFileOf(squad), kind: 'alerts', value: teams.alerts.get(squad) });
  }
  const comments = commentsByFile(teams.comments);
  const files = new Map<string, string>();
  const unplaced: string[] = [];
  for (const d of documents) {
    const up = d.file.split('/').length - 1;
    const schemaPath = posix.join(...Array<string>(up).fill('..'), options.schemas);
    const result = documentText({ ...d, schemaPath, header: options.header, comments: comments.get(d.file) ?? new Map() });
    files.set(d.file, result.text);
    unplaced.push(...result.unplaced);
  }
  for (const file of comments.keys()) {
    if (!files.has(file)) unplaced.push(...[...(comments.get(file)?.keys() ?? [])].map((p) => `${file}#${p}`));
  }
  return { files, unplaced: unplaced.sort() };
}

export class TeamsWriteError extends Error {
  constructor(
    message: string,
    /** The files that exist already (paths from the teams directory). */
    readonly taken: readonly string[],
  ) {
    super(message);
    this.name = 'TeamsWriteError';
  }
}

/** The files of `files` that exist in `dir` (or that a file of the same name stands in the way of). */
export function existingFiles(dir: string, files: Iterable<string>): string[] {
  const taken: string[] = [];
  for (const file of files) {
    const parts = file.split('/');
    for (let i = 1; i <= parts.length; i++) {
      const path = join(dir, ...parts.slice(0, i));
      if (!existsSync(path)) break;
      if (i === parts.length || !statSync(path).isDirectory()) {
        taken.push(parts.slice(0, i).join('/'));
        break;
      }
    }
  }
  return [...new Set(taken)].sort();
}

/** Moves what `from` holds into `to`, folder by folder; `to`'s own files are left as they are. */
function moveInto(from: string, to: string): void {
  if (!existsSync(to)) {
    renameSync(from, to);
    return;
  }
  for (const entry of readdirSync(from)) moveInto(join(from, entry), join(to, entry));
}

/**
 * Writes the files into `dir` (created if needed). Refuses, writing nothing, when any of them exists: an import
 * never replaces a file. Each file is complete before it appears.
 */
export function writeTeamsDir(dir: string, files: ReadonlyMap<string, string>): void {
  const taken = existingFiles(dir, files.keys());
  if (taken.length > 0) {
    throw new TeamsWriteError(
      `${taken.map((f) => join(dir, f)).join(', ')} already exist${taken.length === 1 ? 's' : ''}: nothing was written (import into a new folder with --teams, or move them away)`,
      taken,
    );
  }
  const parent = dirname(join(dir, '.'));
  mkdirSync(parent, { recursive: true });
  const staging = mkdtempSync(join(parent, `.${basename(join(dir, '.'))}-import-`));
  try {
    for (const [file, text] of files) {
      const path = join(staging, ...file.split('/'));
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, text);
    }
    moveInto(staging, dir);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}
