import { statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { pathIn, type Io } from './io';
import { UsageError } from './usage-error';
import type { Problem } from '../core/problem';
import { analyse, type Analysis } from '../pipeline';
import { readTeamsDir, TeamsDirError } from '../spec/read-dir';
import type { SourceTree } from '../spec/source';
import { readStacksDir } from '../spec/read-stacks';
import type { StackSpec } from '../spec/stacks';

export interface CliLoad extends Analysis {
  readonly tree?: SourceTree;
  readonly stacks?: readonly StackSpec[];
}

/**
 * Reads, resolves and checks a teams directory; a missing directory is a problem like any other. Relative
 * paths are read from `io.cwd` (the process's directory by default) and shown as given. With `onlyStack`, the
 * backend checks are those of that stack alone.
 */
export function loadTeamsDir(dir: string, now: number, stacksDir?: string, io?: Pick<Io, 'cwd'>, onlyStack?: string): CliLoad {
  const open = io ? pathIn(io, dir) : dir;
  let tree: SourceTree;
  try {
    tree = { ...readTeamsDir(open), root: (io ? shownPath(dir, io.cwd) : dir).replace(/\/+$/, '') || '.' };
  } catch (err) {
    if (!(err instanceof TeamsDirError)) throw err;
    const problem: Problem = {
      file: dir,
      line: 0,
      column: 0,
      severity: 'error',
      code: 'file/missing-dir',
      message: err.message.split(open).join(dir),
    };
    return { problems: [problem] };
  }
  const stacks =
    stacksDir === undefined
      ? undefined
      : readStacksDir(io ? pathIn(io, stacksDir) : stacksDir, io ? shownPath(stacksDir, io.cwd) : stacksDir);
  return {
    ...analyse(tree, now, stacks && onlyStack !== undefined ? oneStack(stacks, onlyStack) : stacks),
    tree,
    stacks: stacks?.stacks ?? [],
  };
}

/**
 * The stacks as one command sees them when it works on a single stack (`plan --stack`): that stack alone, and
 * no problem of the other stack files, so that a backend limit or a broken file of one stack does not stop the
 * plan of another. Unchanged when no stack has that name (the command then says so).
 */
function oneStack(read: { stacks: StackSpec[]; problems: Problem[] }, name: string): { stacks: StackSpec[]; problems: Problem[] } {
  const chosen = read.stacks.find((s) => s.name === name);
  if (!chosen) return read;
  const folder = chosen.file.slice(0, chosen.file.lastIndexOf('/') + 1);
  return {
    stacks: [chosen],
    problems: read.problems.filter((p) => p.file === chosen.file || !p.file.startsWith(folder)),
  };
}

/**
 * A path as problems show it: relative to the working directory when it is inside it (annotations of a CI
 * workflow attach to the diff only with paths from the repository's root), as given otherwise.
 */
export function shownPath(path: string, cwd: string): string {
  if (!isAbsolute(path)) return path;
  const rel = relative(cwd, path);
  if (rel === '') return '.';
  return rel.startsWith('..') || isAbsolute(rel) ? path : rel;
}

/** The stacks directory of a repository: `stacks/` beside its teams directory. */
export function stacksBeside(teamsDir: string, cwd: string = process.cwd()): string {
  return join(dirname(resolve(cwd, teamsDir)), 'stacks');
}

/**
 * The stacks directory a command reads: the one `--stacks` names, which must be a directory (a mistyped path
 * would otherwise check no stack and pass), or `stacks/` beside the teams directory, which may be absent.
 */
export function stacksDirOption(given: string | undefined, teamsDir: string, io: Pick<Io, 'cwd'>): string {
  if (given === undefined) return stacksBeside(teamsDir, io.cwd);
  if (!isDirectory(pathIn(io, given)))
    throw new UsageError(`--stacks \`${given}\` is not a directory: give the folder of the Pulumi.<stack>.yaml files`);
  return given;
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
