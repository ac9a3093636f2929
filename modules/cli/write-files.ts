/**
 * Output directories (calendars, the catalog) are replaced whole: every file is written to a fresh sibling
 * directory, which then takes the place of the old one. A failure or a crash at any instant leaves either
 * the old directory or the new one, never a mix:
 * - before the swap, the old directory is untouched (a crash leaves a `<out>.oncall-new-…` sibling, removed
 *   by the next run);
 * - the swap is two renames, the old directory aside, then the new one into place; a reader looking between
 *   the two (microseconds) finds no directory, never a mix; a failure of the second rename puts the old
 *   directory back; a crash between them leaves the old one as `<out>.oncall-old-…`, which the next run
 *   restores before anything else.
 * The directory belongs to the command: one it did not write (no marker, and files that are not its own)
 * is refused rather than replaced.
 */
import {
  closeSync,
  existsSync,
  fsyncSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

export interface OutputFile {
  readonly name: string;
  readonly contents: string;
  /** What the file is, for a collision message (`squad \`index\``). */
  readonly what?: string;
}

export class OutputError extends Error {}

/** Written in every output directory: the directory is the command's, replaced whole on each run. */
export const MARKER = '.oncall-output';

export interface OutputKind {
  /** `oncall calendar`: named in the marker and in messages. */
  readonly command: string;
  /** Files a directory written before the marker existed may hold (`*.ics`): it is still ours. */
  readonly ownFiles: RegExp;
}

/** Two outputs never share a path, on any file system (case-insensitive ones included); names are plain. */
function checkNames(files: readonly OutputFile[]): void {
  const seen = new Map<string, OutputFile>();
  for (const f of files) {
    if (!/^[^/\\]+$/.test(f.name) || f.name === '.' || f.name === '..' || f.name === MARKER || f.name.startsWith('.oncall-')) {
      throw new OutputError(`\`${f.name}\`${f.what ? ` (${f.what})` : ''} is not a file name this command can write`);
    }
    const key = f.name.normalize('NFC').toLowerCase();
    const other = seen.get(key);
    if (other)
      throw new OutputError(
        `${other.what ?? `\`${other.name}\``} and ${f.what ?? `\`${f.name}\``} would both be written to \`${f.name}\`: rename one of them`,
      );
    seen.set(key, f);
  }
}

function siblings(out: string, tag: 'new' | 'old'): string[] {
  const prefix = `${basename(out)}.oncall-${tag}-`;
  if (!existsSync(dirname(out))) return [];
  return readdirSync(dirname(out))
    .filter((e) => e.startsWith(prefix))
    .map((e) => join(dirname(out), e));
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const pidOf = (path: string): number => Number(/\.oncall-(?:new|old)-(\d+)-/.exec(basename(path))?.[1] ?? NaN);

/** After a crash: the old directory back in place if the swap was cut in two; unfinished new ones removed. */
export function recoverOutput(out: string, isAlive: (pid: number) => boolean = alive): void {
  const stale = (p: string) => !isAlive(pidOf(p));
  const olds = siblings(out, 'old').filter(stale);
  if (!existsSync(out) && olds.length > 0) renameSync(olds[0]!, out);
  for (const p of [...siblings(out, 'new'), ...olds].filter(stale)) if (existsSync(p)) rmSync(p, { recursive: true, force: true });
}

function checkOwnership(out: string, kind: OutputKind): void {
  if (!existsSync(out)) return;
  const stat = lstatSync(out);
  if (stat.isSymbolicLink())
    throw new OutputError(`${out} is a symbolic link, and the directory is replaced whole: give the directory itself`);
  if (!stat.isDirectory()) throw new OutputError(`${out} is not a directory`);
  const entries = readdirSync(out, { withFileTypes: true });
  if (entries.some((e) => e.name === MARKER && e.isFile())) return;
  const foreign = entries.filter((e) => !(e.isFile() && kind.ownFiles.test(e.name))).map((e) => e.name);
  if (foreign.length > 0) {
    const shown = foreign
      .slice(0, 3)
      .map((n) => `\`${n}\``)
      .join(', ');
    throw new OutputError(
      `${out} holds files ${kind.command} did not write (${shown}${foreign.length > 3 ? ', …' : ''}) and would be replaced whole: choose a new or empty directory`,
    );
  }
}

function writeDurably(path: string, contents: string): void {
  const fd = openSync(path, 'w');
  try {
    writeFileSync(fd, contents);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function syncDir(path: string): void {
  try {
    const fd = openSync(path, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Some systems cannot fsync a directory: the renames are still atomic, only less durable on power loss.
  }
}

/** Replaces `out` with a directory holding exactly `files` (and the marker), all or nothing. */
export function replaceDirectory(outPath: string, files: readonly OutputFile[], kind: OutputKind): void {
  checkNames(files);
  const out = resolve(outPath);
  mkdirSync(dirname(out), { recursive: true });
  recoverOutput(out);
  checkOwnership(out, kind);
  const fresh = mkdtempSync(`${out}.oncall-new-${process.pid}-`);
  try {
    for (const f of files) writeDurably(join(fresh, f.name), f.contents);
    writeDurably(join(fresh, MARKER), `Written by ${kind.command}: this directory is replaced whole on each run.\n`);
    syncDir(fresh);
  } catch (err) {
    rmSync(fresh, { recursive: true, force: true });
    throw err;
  }
  if (!existsSync(out)) {
    try {
      renameSync(fresh, out);
    } catch (err) {
      rmSync(fresh, { recursive: true, force: true });
      throw err;
    }
    syncDir(dirname(out));
    return;
  }
  const old = `${out}.oncall-old-${process.pid}-${basename(fresh).slice(-6)}`;
  try {
    renameSync(out, old);
  } catch (err) {
    rmSync(fresh, { recursive: true, force: true });
    throw err;
  }
  try {
    renameSync(fresh, out);
  } catch (err) {
    renameSync(old, out);
    rmSync(fresh, { recursive: true, force: true });
    throw err;
  }
  syncDir(dirname(out));
  try {
    rmSync(old, { recursive: true, force: true });
  } catch {
    // The new directory is in place; a leftover old one is removed by the next run.
  }
}
