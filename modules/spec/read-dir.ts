import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { decodeUtf8 } from './decode-text';
import { MAX_FILE_BYTES, type FileFault, type SourceTree } from './source';

export class TeamsDirError extends Error {}

/** An entry of a folder, as `readdirSync(…, { withFileTypes: true })` gives it. */
export interface FolderEntry {
  readonly name: string;
  isFile(): boolean;
  isDirectory(): boolean;
  isSymbolicLink(): boolean;
}

/** The file-system calls the reader makes; tests give one that fails where a real disk cannot be made to. */
export interface TreeReader {
  list(path: string): FolderEntry[];
  size(path: string): number;
  read(path: string): Uint8Array;
  /** Whether the path, links followed, is a folder (false when it does not resolve). */
  isFolder(path: string): boolean;
}

export const diskReader: TreeReader = {
  list: (path) => readdirSync(path, { withFileTypes: true }),
  size: (path) => statSync(path).size,
  read: (path) => readFileSync(path),
  isFolder: (path) => {
    try {
      return statSync(path).isDirectory();
    } catch {
      return false;
    }
  },
};

const READ = /\.(ya?ml|md)$/i;
/** Squad folder, alerts/ or runbooks/ and what they hold: deeper folders are not part of the layout. */
const MAX_FOLDER_DEPTH = 6;

export function unreadable(err: unknown, what: string): FileFault {
  const code = (err as { code?: unknown } | null)?.code;
  const why =
    code === 'EACCES' || code === 'EPERM'
      ? 'permission denied'
      : code === 'EISDIR'
        ? 'it is a folder'
        : code === 'ENOENT'
          ? 'it disappeared while being read'
          : err instanceof Error
            ? err.message
            : String(err);
  return { code: 'file/unreadable', line: 0, column: 0, message: `cannot read this ${what}: ${why}` };
}

/**
 * Reads the YAML and markdown files under `dir` (skipping dot-files). Symbolic links are not followed: a
 * link is reported (`file/symlink`) rather than silently skipped or read from outside the folder, so the
 * disk and a git checkout of it read the same. Anything that cannot be read is reported, never thrown.
 */
export function readTeamsDir(dir: string, reader: TreeReader = diskReader): SourceTree {
  let stat;
  try {
    stat = statSync(dir);
  } catch {
    throw new TeamsDirError(`teams directory \`${dir}\` does not exist`);
  }
  if (!stat.isDirectory()) throw new TeamsDirError(`\`${dir}\` is not a directory`);
  const files = new Map<string, string>();
  const oversized = new Map<string, number>();
  const faults = new Map<string, FileFault>();
  const walk = (abs: string, rel: string, depth: number): void => {
    if (depth > MAX_FOLDER_DEPTH) return;
    let entries: FolderEntry[];
    try {
      entries = reader.list(abs);
    } catch (err) {
      if (rel === '')
        throw new TeamsDirError(
          `cannot read the teams directory \`${dir}\`: ${unreadable(err, 'folder').message.replace(/^cannot read this folder: /, '')}`,
        );
      faults.set(`${rel}/`, unreadable(err, 'folder'));
      return;
    }
    for (const entry of [...entries].sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const childAbs = join(abs, entry.name);
      const childRel = rel === '' ? entry.name : `${rel}/${entry.name}`;
      if (entry.isSymbolicLink()) {
        const kind = READ.test(entry.name) ? 'file' : reader.isFolder(childAbs) ? 'folder' : undefined;
        if (kind === undefined) continue;
        faults.set(kind === 'folder' ? `${childRel}/` : childRel, {
          code: 'file/symlink',
          line: 0,
          column: 0,
          message: `this ${kind} is a symbolic link; links are not followed (a git checkout would not read them the same way): move or copy the ${kind} here`,
        });
      } else if (entry.isDirectory()) {
        if (READ.test(entry.name))
          faults.set(childRel, { code: 'file/unreadable', line: 0, column: 0, message: 'this is a folder; a file is expected here' });
        else walk(childAbs, childRel, depth + 1);
      } else if (READ.test(entry.name)) {
        if (!entry.isFile()) {
          faults.set(childRel, {
            code: 'file/unreadable',
            line: 0,
            column: 0,
            message: 'this is not a regular file (a device, a socket or a pipe); a file is expected here',
          });
          continue;
        }
        try {
          const size = reader.size(childAbs);
          if (size > MAX_FILE_BYTES) {
            oversized.set(childRel, size);
            continue;
          }
          const decoded = decodeUtf8(reader.read(childAbs));
          if ('text' in decoded) files.set(childRel, decoded.text);
          else faults.set(childRel, decoded.fault);
        } catch (err) {
          faults.set(childRel, unreadable(err, 'file'));
        }
      }
    }
  };
  walk(dir, '', 0);
  return { root: dir.replace(/\/+$/, '') || '.', files, oversized, faults };
}
