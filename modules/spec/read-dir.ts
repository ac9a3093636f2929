import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { MAX_FILE_BYTES, type SourceTree } from './source';

export class TeamsDirError extends Error {}

/** Reads the YAML and markdown files under `dir` (skipping dot-files), without following symlinks out. */
export function readTeamsDir(dir: string): SourceTree {
  let stat;
  try {
    stat = statSync(dir);
  } catch {
    throw new TeamsDirError(`teams directory \`${dir}\` does not exist`);
  }
  if (!stat.isDirectory()) throw new TeamsDirError(`\`${dir}\` is not a directory`);
  const files = new Map<string, string>();
  const oversized = new Map<string, number>();
  const walk = (abs: string, rel: string, depth: number): void => {
    if (depth > 6) return;
    for (const entry of readdirSync(abs, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const childAbs = join(abs, entry.name);
      const childRel = rel === '' ? entry.name : `${rel}/${entry.name}`;
      if (entry.isDirectory()) walk(childAbs, childRel, depth + 1);
      else if (entry.isFile() && /\.(ya?ml|md)$/i.test(entry.name)) {
        const size = statSync(childAbs).size;
        if (size > MAX_FILE_BYTES) oversized.set(childRel, size);
        else files.set(childRel, readFileSync(childAbs, 'utf8'));
      }
    }
  };
  walk(dir, '', 0);
  return { root: dir.replace(/\/+$/, '') || '.', files, oversized };
}
