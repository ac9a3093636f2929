import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Problem } from '../core/problem';
import { parseStackFile, stackNameOf, type StackSpec } from './stacks';

/** Reads every `Pulumi.<stack>.yaml` of a directory; a missing directory simply has no stacks. */
export function readStacksDir(dir: string): { stacks: StackSpec[]; problems: Problem[] } {
  const stacks: StackSpec[] = [];
  const problems: Problem[] = [];
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return { stacks, problems };
  for (const entry of readdirSync(dir).sort()) {
    const name = stackNameOf(entry);
    if (name === undefined) continue;
    const file = `${dir.replace(/\/+$/, '')}/${entry}`;
    const result = parseStackFile(file, name, readFileSync(join(dir, entry), 'utf8'));
    problems.push(...result.problems);
    if (result.stack) stacks.push(result.stack);
  }
  return { stacks, problems };
}
