/**
 * The package as users get it: `npm pack`, unpacked into a fresh program's node_modules (its dependencies linked
 * from ours: the registry is not reached), imported by name from TypeScript (type-checked against the package's
 * declarations, through its `exports`) and from JavaScript, registering two organisations under Pulumi mocks.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_DIR, ROOT } from '../helpers';

let app: string;
let files: string[];

beforeAll(() => {
  const out = mkdtempSync(join(tmpdir(), 'oncall-pack-'));
  // `npm test` builds first; --ignore-scripts keeps `prepare` from building again.
  const [packed] = JSON.parse(
    execFileSync('npm', ['pack', ROOT, '--ignore-scripts', '--json', '--pack-destination', out], { cwd: out, encoding: 'utf8' }),
  ) as { filename: string; files: { path: string }[] }[];
  files = packed!.files.map((f) => f.path);
  app = join(out, 'app');
  const installed = join(app, 'node_modules', 'oncall-as-code');
  mkdirSync(installed, { recursive: true });
  execFileSync('tar', ['xzf', join(out, packed!.filename), '-C', installed, '--strip-components=1']);
  for (const entry of readdirSync(join(ROOT, 'node_modules'))) {
    if (entry.startsWith('.')) continue;
    if (entry.startsWith('@')) {
      mkdirSync(join(app, 'node_modules', entry), { recursive: true });
      for (const scoped of readdirSync(join(ROOT, 'node_modules', entry))) {
        const source = join(ROOT, 'node_modules', entry, scoped);
        const target = join(app, 'node_modules', entry, scoped);
        // The SDK is copied, not linked: it looks packages up from where it sits (serializing a dynamic provider
        // needs this package to export the provider's module path), and a link would make it look from ours.
        if (`${entry}/${scoped}` === '@pulumi/pulumi') cpSync(source, target, { recursive: true, dereference: true });
        else symlinkSync(source, target);
      }
    } else symlinkSync(join(ROOT, 'node_modules', entry), join(app, 'node_modules', entry));
  }
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', version: '1.0.0', private: true }));
}, 120_000);

describe('the package', () => {
  it('holds the built library, its declarations, the CLI and the schemas, and nothing of the repository', () => {
    for (const file of [
      'dist/modules/index.js',
      'dist/modules/index.d.ts',
      'dist/modules/offline.d.ts',
      'dist/cli/main.js',
      'bin/oncall.js',
    ]) {
      expect(files).toContain(file);
    }
    expect(files).toContain('schemas/team.schema.json');
    // What `oncall init` copies into a new repository.
    expect(files).toContain('.github/workflows/oncall-pull-request.yml');
    expect(
      files.filter(
        (f) =>
          /^(test|teams|stacks|examples|modules)\//.test(f) ||
          f === '.github/workflows/ci.yml' ||
          (f.endsWith('.ts') && !f.endsWith('.d.ts')),
      ),
    ).toEqual([]);
  });

  it('type-checks a program that imports it by name', () => {
    writeFileSync(
      join(app, 'index.ts'),
      [
        "import { OnCallOrganisation, type OnCallOrganisationArgs } from 'oncall-as-code';",
        "import { loadTeams, whoIsOnCall, planStack, type Organisation } from 'oncall-as-code/offline';",
        `const args: OnCallOrganisationArgs = { backend: 'pagerduty', teamsDir: ${JSON.stringify(FIXTURE_DIR)} };`,
        'export const org = new OnCallOrganisation("org", args);',
        `const loaded = loadTeams(${JSON.stringify(FIXTURE_DIR)});`,
        'const o: Organisation | undefined = loaded.organisation;',
        'export const who: string[] = o ? whoIsOnCall(o, Date.now()).map((w) => w.rotation) : [];',
        "export const plan = o ? planStack(o, { name: 's', backend: 'opsgenie', now: 0 }).resources.length : 0;",
        '// @ts-expect-error the teams directory is required',
        "export const missing = new OnCallOrganisation('x', { backend: 'pagerduty' });",
      ].join('\n'),
    );
    writeFileSync(
      join(app, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { strict: true, module: 'nodenext', moduleResolution: 'nodenext', noEmit: true, types: ['node'] },
        files: ['index.ts'],
      }),
    );
    // Throws with tsc's messages when the package's types do not resolve or do not fit.
    execFileSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', app], { cwd: app, encoding: 'utf8' });
  }, 60_000);

  it('registers two organisations under mocks in one program, and answers `who` offline', () => {
    writeFileSync(
      join(app, 'program.js'),
      [
        "const pulumi = require('@pulumi/pulumi');",
        'const urns = [];',
        "pulumi.runtime.setMocks({ newResource: (a) => ({ id: `${a.name}_id`, state: a.inputs }), call: () => ({ id: 'u' }) }, 'app', 'dev', false);",
        "const { OnCallOrganisation } = require('oncall-as-code');",
        "const { loadTeams, whoIsOnCall } = require('oncall-as-code/offline');",
        `const dir = ${JSON.stringify(FIXTURE_DIR)};`,
        "const old = new OnCallOrganisation('old', { backend: 'opsgenie', teamsDir: dir });",
        "const next = new OnCallOrganisation('new', { backend: 'pagerduty', teamsDir: dir, pagerdutySubdomain: 'acme' });",
        'const all = [...old.resources.values(), ...next.resources.values()];',
        'Promise.all(all.map((r) => new Promise((ok) => r.urn.apply(ok)))).then((list) => {',
        "  const who = whoIsOnCall(loadTeams(dir).organisation, Date.parse('2026-03-30T07:30:00Z')).find((w) => w.team === 'storefront');",
        '  console.log(JSON.stringify({ resources: list.length, unique: new Set(list).size, storefront: who.person }));',
        '});',
      ].join('\n'),
    );
    const result = JSON.parse(execFileSync(process.execPath, ['program.js'], { cwd: app, encoding: 'utf8' })) as Record<string, unknown>;
    expect(result.resources).toBeGreaterThan(80);
    expect(result.unique).toBe(result.resources);
    expect(result.storefront).toBe('alice');
  }, 60_000);

  it('starts a repository with `oncall init` whose Pulumi program registers its organisation', () => {
    const bin = join(app, 'node_modules', 'oncall-as-code', 'bin', 'oncall.js');
    execFileSync(process.execPath, [bin, 'init', '--dir', 'proj', '--backend', 'opsgenie'], { cwd: app, encoding: 'utf8' });
    writeFileSync(
      join(app, 'run-program.js'),
      [
        "process.env.PULUMI_CONFIG = JSON.stringify({ 'oncall:backend': 'opsgenie' });",
        "const pulumi = require('@pulumi/pulumi');",
        "pulumi.runtime.setMocks({ newResource: (a) => ({ id: `${a.name}_id`, state: a.inputs }), call: () => ({ id: 'u' }) }, 'proj-oncall', 'proj-opsgenie', false);",
        "const program = require('./proj/program.js');",
        'console.log(JSON.stringify({ resources: program.resources }));',
      ].join('\n'),
    );
    const out = JSON.parse(execFileSync(process.execPath, ['run-program.js'], { cwd: app, encoding: 'utf8' })) as { resources: number };
    expect(out.resources).toBeGreaterThan(5);
  }, 60_000);

  it('installs the `oncall` command', () => {
    const out = execFileSync(
      process.execPath,
      [join(app, 'node_modules', 'oncall-as-code', 'bin', 'oncall.js'), 'validate', '--teams', FIXTURE_DIR],
      {
        cwd: app,
        encoding: 'utf8',
      },
    );
    expect(out).toMatch(/valid — 3 squads/);
  });
});
