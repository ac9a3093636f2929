import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Writes every file or none: all are written to a temporary folder inside `dir` first, then each is
 * renamed into place (an atomic replacement on one file system). A failure before the renames leaves
 * `dir` as it was.
 */
export function writeFilesAtomically(dir: string, files: ReadonlyArray<{ name: string; contents: string }>): void {
  mkdirSync(dir, { recursive: true });
  const staging = mkdtempSync(join(dir, '.oncall-writing-'));
  try {
    for (const f of files) writeFileSync(join(staging, f.name), f.contents);
    for (const f of files) renameSync(join(staging, f.name), join(dir, f.name));
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}
