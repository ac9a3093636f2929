import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Code, Problem } from '../core/problem';
import { decodeUtf8 } from './decode-text';
import { unreadable } from './read-dir';
import { MAX_FILE_BYTES } from './source';
import { parseStackFile, stackNameOf, type StackSpec } from './stacks';

/**
 * Reads every `Pulumi.<stack>.yaml` of a directory (files named from `shownAs`, the path users see); a missing
 * directory simply has no stacks. A stack
 * file that cannot be read is an error: the squads it provisions would otherwise go unchecked.
 */
export function readStacksDir(dir: string, shownAs: string = dir): { stacks: StackSpec[]; problems: Problem[] } {
  const stacks: StackSpec[] = [];
  const problems: Problem[] = [];
  const shown = shownAs.replace(/\/+$/, '');
  const fault = (file: string, f: { code: Code; line: number; column: number; message: string }): void => {
    problems.push({ file, line: f.line, column: f.column, severity: 'error', code: f.code, message: f.message });
  };
  let entries: string[];
  try {
    if (!statSync(dir).isDirectory()) return { stacks, problems };
    entries = readdirSync(dir).sort();
  } catch (err) {
    if ((err as { code?: unknown }).code === 'ENOENT') return { stacks, problems };
    fault(shown, unreadable(err, 'folder'));
    return { stacks, problems };
  }
  for (const entry of entries) {
    const name = stackNameOf(entry);
    if (name === undefined) continue;
    const file = `${shown}/${entry}`;
    let text: string;
    try {
      const stat = statSync(join(dir, entry));
      if (stat.isDirectory()) {
        fault(file, { code: 'file/unreadable', line: 0, column: 0, message: 'this is a folder; a stack file is expected here' });
        continue;
      }
      if (stat.size > MAX_FILE_BYTES) {
        fault(file, {
          code: 'file/too-large',
          line: 0,
          column: 0,
          message: `file is ${(stat.size / 1048576).toFixed(1)} MiB; the limit is ${MAX_FILE_BYTES / 1048576} MiB`,
        });
        continue;
      }
      const decoded = decodeUtf8(readFileSync(join(dir, entry)));
      if ('fault' in decoded) {
        fault(file, decoded.fault);
        continue;
      }
      text = decoded.text;
    } catch (err) {
      fault(file, unreadable(err, 'file'));
      continue;
    }
    const result = parseStackFile(file, name, text);
    problems.push(...result.problems);
    if (result.stack) stacks.push(result.stack);
  }
  return { stacks, problems };
}
