import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The version of the installed package, read from its package.json: the nearest one of this package above this
 * file (the modules build, the CLI bundle and an installed copy sit at different depths below it).
 */
export function packageVersion(from: string = __dirname): string {
  const root = packageRoot(from);
  if (root === undefined) return 'unknown';
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version?: unknown };
  return typeof pkg.version === 'string' ? pkg.version : 'unknown';
}

/** The folder of this package's package.json (the repository, or its copy in node_modules). */
export function packageRoot(from: string = __dirname): string | undefined {
  for (let dir = from; ; dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (existsSync(file) && (JSON.parse(readFileSync(file, 'utf8')) as { name?: unknown }).name === 'oncall-as-code') return dir;
    if (dirname(dir) === dir) return undefined;
  }
}
