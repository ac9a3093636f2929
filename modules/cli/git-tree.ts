/** The teams directory as it was at a git ref, read with git (no checkout, nothing written). */
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

export function readTreeAtRef(teamsDir: string, ref: string, displayRoot: string): SourceTree {
  const dir = resolve(teamsDir);
  let top: string;
  try {
    top = execFileSync('git', ['rev-parse', '--show-toplevel'], { cwd: dir, stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
  } catch {
    throw new UsageError(`--base needs ${teamsDir} to be inside a git repository`);
  }
  const commit = spawnSync('git', ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], { cwd: top });
  if (commit.status !== 0) throw new UsageError(`--base: \`${ref}\` is not a commit of this repository`);
  const sha = commit.stdout.toString().trim();
  const rel = relative(top, dir).split('\\').join('/');
  const listed = git(top, ['ls-tree', '-r', '-z', '--long', sha, '--', rel === '' ? '.' : rel]).toString('utf8');
  const entries = listed
    .split('\0')
    .filter(Boolean)
    .map((line) => {
      const [meta, path] = line.split('\t');
      const fields = (meta ?? '').trim().split(/\s+/);
      return { path: path ?? '', size: Number(fields[3]), link: fields[0] === '120000' };
    })
    .filter((e) => /\.(ya?ml|md)$/i.test(e.path) || (e.link && !(rel === '' ? e.path : e.path.slice(rel.length + 1)).includes('/')));
  const files = new Map<string, string>();
  const oversized = new Map<string, number>();
  const faults = new Map<string, FileFault>();
  const inTree = (path: string): string => (rel === '' ? path : path.slice(rel.length + 1));
  const wanted = entries.filter((e) => {
    if (e.link) {
      const file = /\.(ya?ml|md)$/i.test(e.path);
      faults.set(file ? inTree(e.path) : `${inTree(e.path)}/`, { code: 'file/symlink', line: 0, column: 0, message: `this ${file ? 'file' : 'folder'} is a symbolic link; links are not followed: move or copy it here` });
      return false;
    }
    if (e.size > MAX_FILE_BYTES) oversized.set(rel === '' ? e.path : e.path.slice(rel.length + 1), e.size);
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
      if ('text' in decoded) files.set(inTree(e.path), decoded.text);
      else faults.set(inTree(e.path), decoded.fault);
    }
  }
  return { root: displayRoot, files, oversized, faults };
}
