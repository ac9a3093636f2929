/** Writes a command's output to a file whole: written aside, then renamed over it. */
import { renameSync, writeFileSync } from 'node:fs';

export function writeWhole(path: string, text: string): void {
  const aside = `${path}.${process.pid}.tmp`;
  writeFileSync(aside, text.endsWith('\n') ? text : `${text}\n`);
  renameSync(aside, path);
}
