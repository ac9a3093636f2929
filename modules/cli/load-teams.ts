import { dirname, join, resolve } from 'node:path';
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

/** Reads, resolves and checks a teams directory; a missing directory is a problem like any other. */
export function loadTeamsDir(dir: string, now: number, stacksDir?: string): CliLoad {
  let tree: SourceTree;
  try {
    tree = readTeamsDir(dir);
  } catch (err) {
    if (!(err instanceof TeamsDirError)) throw err;
    const problem: Problem = { file: dir, line: 0, column: 0, severity: 'error', code: 'file/missing-dir', message: err.message };
    return { problems: [problem] };
  }
  const stacks = stacksDir === undefined ? undefined : readStacksDir(stacksDir);
  return { ...analyse(tree, now, stacks), tree, stacks: stacks?.stacks ?? [] };
}

/** The stacks directory of a repository: `stacks/` beside its teams directory. */
export function stacksBeside(teamsDir: string): string {
  return join(dirname(resolve(teamsDir)), 'stacks');
}
