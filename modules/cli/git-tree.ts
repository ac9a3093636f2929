/** Directories as they were at a git ref, read with git (no checkout, nothing written). */
import { execFileSync, spawnSync } from 'node:child_process';
import { relative, resolve } from 'node:path';
import { decodeUtf8 } from '../spec/decode-text';
import { MAX_FILE_BYTES, type FileFault, type SourceTree } from '../spec/source';
import { UsageError } from './usage-error';

function git(cwd: string, args: string[], input?: string): Buffer {
  const result = spawnSync('git', args, { cwd, input, maxBuffer: 1024 * 1024 * 1024 });
  if (result.error) throw new UsageError(`git is needed for --base: ${result.error.message}`);
  if (result.status !== 0) throw new UsageError(`git ${args[0]} failed: ${result.stderr.toString().trim()}`);
  return result.stdout;
}

/** The directory is not in a git repository: nothing can be read at a ref. */
export class NotInGit extends UsageError {}

const TEAM_FILES = /\.(ya?ml|md)$/i;

/** The teams directory at a ref: its YAML and Markdown files. */
export function readTreeAtRef(teamsDir: string, ref: string, displayRoot: string): SourceTree {
  return readDirAtRef(teamsDir, ref, displayRoot, TEAM_FILES);
}

/**
 * The files of a directory at a ref whose path (relative to the directory) matches `keep`; a directory
 * absent at that ref has no files. `dir` must exist now, inside a git repository.
 */
export function readDirAtRef(dirNow: string, ref: string, displayRoot: string, keep: RegExp): SourceTree {
  const dir = resolve(dirNow);
  let top: string;
  try {
    top = execFileSync('git', ['rev-parse', '--show-toplevel'], { cwd: dir, stdio: ['ignore', 'pipe', 'ignore'] })
      .toString()
      .trim();
  } catch {
    throw new NotInGit(`--base needs ${dirNow} to be inside a git repository`);
  }
  const commit = spawnSync('git', ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], { cwd: top });
  if (commit.status !== 0) throw new UsageError(`--base: \`${ref}\` is not a commit of this repository`);
  const sha = commit.stdout.toString().trim();
  const rel = relative(top, dir).split('\\').join('/');
  const inside = (path: string) => (rel === '' ? path : path.slice(rel.length + 1));
  const listed = git(top, ['ls-tree', '-r', '-z', '--long', sha, '--', rel === '' ? '.' : rel]).toString('utf8');
  const entries = listed
    .split('\0')
    .filter(Boolean)
    .map((line) => {
      const tab = line.indexOf('\t');
      const meta = line.slice(0, tab).trim().split(/\s+/);
      return { path: line.slice(tab + 1), type: meta[1], size: Number(meta[3]), link: meta[0] === '120000' };
    })
    // Blobs only (a submodule is a commit); a symbolic link is reported, as on disk: a file link by its name,
    // a link at the top of the directory as a folder link.
    .filter((e) => e.type === 'blob' && (keep.test(inside(e.path)) || (e.link && !inside(e.path).includes('/'))));
  const files = new Map<string, string>();
  const oversized = new Map<string, number>();
  const faults = new Map<string, FileFault>();
  const wanted = entries.filter((e) => {
    if (e.link) {
      const file = keep.test(inside(e.path));
      faults.set(file ? inside(e.path) : `${inside(e.path)}/`, {
        code: 'file/symlink',
        line: 0,
        column: 0,
        message: `this ${file ? 'file' : 'folder'} is a symbolic link; links are not followed: move or copy it here`,
      });
      return false;
    }
    if (e.size > MAX_FILE_BYTES) oversized.set(inside(e.path), e.size);
    return e.size <= MAX_FILE_BYTES;
  });
  if (wanted.length > 0) {
    const out = git(top, ['cat-file', '--batch'], wanted.map((e) => `${sha}:${e.path}\n`).join(''));
    let offset = 0;
    for (const e of wanted) {
      const header = out.indexOf(0x0a, offset);
      const size = Number(out.subarray(offset, header).toString().split(' ')[2]);
      const decoded = decodeUtf8(out.subarray(header + 1, header + 1 + size));
      offset = header + 1 + size + 1;
      if ('text' in decoded) files.set(inside(e.path), decoded.text);
      else faults.set(inside(e.path), decoded.fault);
    }
  }
  return { root: displayRoot, files, oversized, faults };
}
