/**
 * The CLI as a process (`node bin/oncall.js`, built by `npm run build`): exit codes, the internal-error
 * path, output through a pipe and what a command loads. Everything else runs in-process (`runCli`).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURE_REPO, ROOT, runCli, spawnCli, withEdit, writeTree } from '../helpers';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('oncall, the process', () => {
  it('exits 0 on the valid organisation, 1 on problems, 2 on a usage error', () => {
    expect(spawnCli(['validate'])).toMatchObject({ code: 0, stdout: expect.stringMatching(/^teams: valid — 3 squads/), stderr: '' });
    const broken = writeTree(withEdit('storefront/team.yaml', 'manager: manon', 'manager: manom'));
    dirs.push(broken);
    expect(spawnCli(['validate', '--teams', broken])).toMatchObject({ code: 1, stdout: expect.stringContaining('manom') });
    expect(spawnCli(['who', '--format', 'xml'])).toMatchObject({ code: 2, stderr: expect.stringContaining('Usage: oncall who') });
  });

  it('prints the help with exit 0, and exits 2 without a command', () => {
    expect(spawnCli(['--help'])).toMatchObject({ code: 0, stdout: expect.stringContaining('Usage: oncall <command> [options]') });
    expect(spawnCli([])).toMatchObject({ code: 2, stdout: expect.stringContaining('Commands:') });
  });

  it('prints the version of package.json from the bundle', () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(spawnCli(['--version'])).toEqual({ code: 0, stdout: `oncall ${version}\n`, stderr: '' });
  });

  it('reports an unexpected failure as an internal error with exit 70', () => {
    const dir = mkdtempSync(join(tmpdir(), 'oncall-crash-'));
    dirs.push(dir);
    // A fault no user input can cause: serialising the output fails.
    const preload = join(dir, 'break-json.js');
    writeFileSync(preload, "JSON.stringify = () => { throw new Error('injected failure'); };\n");
    const run = spawnSync(process.execPath, ['--require', preload, join(ROOT, 'bin', 'oncall.js'), 'validate', '--format', 'json'], {
      cwd: FIXTURE_REPO,
      encoding: 'utf8',
    });
    expect(run.status).toBe(70);
    expect(run.stderr).toMatch(/^oncall: internal error: Error: injected failure\n\s+at /);
  });

  it('writes all of a long output through a pipe before exiting, as the in-process run does', async () => {
    const args = ['roster', '--from', '2026-01-05', '--weeks', '40', '--format', 'json'];
    const piped = spawnCli(args);
    expect(piped.code).toBe(0);
    expect(piped.stdout.length).toBeGreaterThan(65536);
    expect(JSON.parse(piped.stdout)).toEqual(JSON.parse((await runCli(args)).stdout));
  });

  it.each([
    ['the compiled modules', join(ROOT, 'dist', 'modules', 'cli', 'main.js')],
    ['the bundle bin/oncall.js runs', join(ROOT, 'dist', 'cli', 'main.js')],
  ])('loads only what the command needs: validate from %s loads neither Twilio, Pulumi, HTTP nor another command', (_, entry) => {
    const script = `
      const { main } = require(${JSON.stringify(entry)});
      main(['validate'], { out() {}, err() {}, now: () => new Date(), cwd: process.cwd(), env: {} }).then((code) => {
        const loaded = Object.keys(require.cache).filter((f) => /node_modules\\/(twilio|@pulumi)\\/|\\/cli\\/commands\\/(?!validate)|\\/dist\\/cli\\/(router|doctor|plan|calendar|roster|report|audit|catalog)\\.js$/.test(f));
        process.stdout.write(JSON.stringify({ code, loaded, http: process.moduleLoadList.some((m) => m === 'NativeModule http') }));
      });`;
    const run = spawnSync(process.execPath, ['-e', script], { cwd: FIXTURE_REPO, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({ code: 0, loaded: [], http: false });
  });
});
