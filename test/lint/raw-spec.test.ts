/**
 * The model is the only reader of the YAML as written (the spec): later layers read the typed model. And the
 * type generator, a development dependency, stays out of what the CLI runs.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers';

const MODULES = join(ROOT, 'modules');
const sources = (readdirSync(MODULES, { recursive: true }) as string[])
  .filter((f) => f.endsWith('.ts'))
  .map((f) => relative(ROOT, join(MODULES, f)).split('\\').join('/'))
  .sort();
const text = (file: string) => readFileSync(join(ROOT, file), 'utf8');
// The account import writes the YAML documents (modules/migrate/account.ts ImportedTeams): it builds the spec's types.
const readersOfTheSpec = (file: string) =>
  file.startsWith('modules/spec/') || file.startsWith('modules/model/') || file.startsWith('modules/migrate/');

/** Lines of `file` matching `re`, as `file:line: text`. */
function matches(file: string, re: RegExp): string[] {
  return text(file)
    .split('\n')
    .flatMap((line, i) => (re.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : []));
}

describe('the raw spec stays in the spec and model layers', () => {
  it('finds the modules it scans', () => {
    expect(sources).toContain('modules/render/alerts/monitors.ts');
    expect(sources.filter((f) => !readersOfTheSpec(f)).length).toBeGreaterThan(50);
  });

  it('no module outside modules/spec and modules/model reads a `.spec`', () => {
    expect(sources.filter((f) => !readersOfTheSpec(f)).flatMap((f) => matches(f, /\.spec\b/))).toEqual([]);
  });

  it('no module outside modules/spec and modules/model imports the spec types', () => {
    expect(
      sources.filter((f) => !readersOfTheSpec(f)).flatMap((f) => matches(f, /from '[^']*spec\/(types|spec-types\.generated)'/)),
    ).toEqual([]);
  });
});

describe('the spec type generator is a development tool', () => {
  const pkg = JSON.parse(text('package.json')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };

  it('json-schema-to-typescript and Prettier are development dependencies', () => {
    for (const name of ['json-schema-to-typescript', 'prettier']) {
      expect(pkg.devDependencies[name], name).toBeDefined();
      expect(pkg.dependencies[name], name).toBeUndefined();
    }
  });

  it('only the generator imports json-schema-to-typescript, and only `npm run schemas` imports the generator', () => {
    expect(sources.flatMap((f) => matches(f, /from 'json-schema-to-typescript'/)).map((m) => m.split(':')[0])).toEqual([
      'modules/spec/generate-spec-types.ts',
    ]);
    expect(sources.flatMap((f) => matches(f, /from '[^']*generate-spec-types'/)).map((m) => m.split(':')[0])).toEqual([
      'modules/cli/write-generated.ts',
    ]);
  });
});
