import type { Problem } from '../core/problem';
import { analyse, type Analysis } from '../pipeline';
import { readTeamsDir, TeamsDirError } from '../spec/read-dir';
import type { SourceTree } from '../spec/source';

export interface CliLoad extends Analysis {
  readonly tree?: SourceTree;
}

/** Reads, resolves and checks a teams directory; a missing directory is a problem like any other. */
export function loadTeamsDir(dir: string, now: number): CliLoad {
  let tree: SourceTree;
  try {
    tree = readTeamsDir(dir);
  } catch (err) {
    if (!(err instanceof TeamsDirError)) throw err;
    const problem: Problem = { file: dir, line: 0, column: 0, severity: 'error', code: 'file/missing-dir', message: err.message };
    return { problems: [problem] };
  }
  return { ...analyse(tree, now), tree };
}
