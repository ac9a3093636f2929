/** Writes the documentation of the problem codes (docs/problems.md, docs/checks/) and removes pages of checks that no longer exist. */
import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { renderCodeDocs } from '../core/codes/docs';

/** Returns the paths written or removed, relative to `root`. */
export function writeCodeDocs(root: string): string[] {
  const docs = join(root, 'docs');
  const pages = renderCodeDocs();
  const done: string[] = [];
  for (const [rel, text] of pages) {
    mkdirSync(dirname(join(docs, rel)), { recursive: true });
    writeFileSync(join(docs, rel), text);
    done.push(`wrote docs/${rel}`);
  }
  for (const file of markdownUnder(join(docs, 'checks'))) {
    const rel = relative(docs, file).split(sep).join('/');
    if (!pages.has(rel)) {
      rmSync(file);
      done.push(`removed docs/${rel}`);
    }
  }
  return done;
}

export function markdownUnder(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? markdownUnder(path) : name.endsWith('.md') ? [path] : [];
  });
}
