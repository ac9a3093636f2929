import * as fs from 'node:fs';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { calendarCommand } from '../../modules/cli/commands/calendar';
import { catalogCommand } from '../../modules/cli/commands/catalog';
import type { Io } from '../../modules/cli/io';
import { MARKER, recoverOutput, replaceDirectory } from '../../modules/cli/write-files';
import { FIXTURE_DIR, fixtureTree, withFiles, writeTree } from '../helpers';

/** The file system as the commands see it: a rename or a write can be made to fail, or the process to "die". */
const faults = vi.hoisted(() => ({ failAt: 0, dieAt: 0, calls: 0, dead: false }));
vi.mock('node:fs', async (original) => {
  const real = await original<typeof import('node:fs')>();
  const guarded =
    <A extends unknown[], R>(name: string, fn: (...args: A) => R) =>
    (...args: A): R => {
      if (faults.dead) throw new Error(`${name}: the process is dead`);
      faults.calls++;
      if (faults.calls === faults.failAt) throw Object.assign(new Error(`${name}: injected failure`), { code: 'EIO' });
      if (faults.calls === faults.dieAt) {
        faults.dead = true;
        throw new Error(`${name}: killed`);
      }
      return fn(...args);
    };
  const mutating = ['renameSync', 'rmSync', 'writeFileSync', 'mkdtempSync', 'openSync', 'unlinkSync', 'rmdirSync'] as const;
  const mocked: Record<string, unknown> = { ...real };
  for (const name of mutating) mocked[name] = guarded(name, real[name] as (...args: unknown[]) => unknown);
  // Opening for reading (the teams being loaded) is not a step of the writing.
  const openForWriting = mocked.openSync as typeof real.openSync;
  mocked.openSync = (path: fs.PathLike, flags: fs.OpenMode = 'r', mode?: fs.Mode) =>
    flags === 'r' ? real.openSync(path, flags, mode) : openForWriting(path, flags, mode);
  return { ...mocked, default: mocked };
});

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
afterEach(() => Object.assign(faults, { failAt: 0, dieAt: 0, calls: 0, dead: false }));

function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'oncall-out-'));
  dirs.push(d);
  return d;
}

function io(): Io & { errors: string[] } {
  const errors: string[] = [];
  return {
    out: () => undefined,
    err: (t) => errors.push(t),
    now: () => new Date('2026-11-22T12:00:00+01:00'),
    cwd: process.cwd(),
    env: {},
    errors,
  };
}

/** Every file of a directory with its contents. */
function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir)
      .sort()
      .map((f) => [f, readFileSync(join(dir, f), 'utf8')]),
  );
}

/** Puts a directory back as it was (between two steps of a test). */
function restore(dir: string, files: Record<string, string>): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir);
  for (const [f, text] of Object.entries(files)) writeFileSync(join(dir, f), text);
}

const calendar = (out: string, weeks: string) => calendarCommand(['--teams', FIXTURE_DIR, '--out', out, '--weeks', weeks], io());

describe('calendars are replaced all or nothing', () => {
  it('when any one step fails, the directory is exactly the old one', async () => {
    const out = join(tempDir(), 'calendars');
    expect(await calendar(out, '1')).toBe(0);
    const old = snapshot(out);
    expect(Object.keys(old).filter((f) => f.endsWith('.ics')).length).toBeGreaterThan(10);
    // Count the file-system steps of a successful run, then fail each of the last ones (the swap) in turn.
    const scratch = join(tempDir(), 'calendars');
    await calendar(scratch, '1');
    Object.assign(faults, { failAt: -1, calls: 0 });
    await calendar(scratch, '2');
    const steps = faults.calls;
    for (let step = Math.max(1, steps - 20); step <= steps; step++) {
      restore(out, old);
      Object.assign(faults, { failAt: step, calls: 0 });
      const code = await calendar(out, '2');
      faults.failAt = 0;
      const now = snapshot(out);
      if (code === 0) continue;
      expect(now, `step ${step}`).toEqual(old);
    }
  });

  it('a crash at any step leaves the old or the new directory, once the next run has looked', async () => {
    const parent = tempDir();
    const out = join(parent, 'calendars');
    expect(await calendar(out, '1')).toBe(0);
    const old = snapshot(out);
    const fresh = join(tempDir(), 'calendars');
    await calendar(fresh, '2');
    const expectedNew = snapshot(fresh);
    const files = Object.entries(expectedNew)
      .filter(([name]) => name !== MARKER)
      .map(([name, contents]) => ({ name, contents }));
    for (let step = 1; step < 200; step++) {
      restore(out, old);
      Object.assign(faults, { dieAt: step, calls: 0, dead: false });
      try {
        replaceDirectory(out, files, { command: 'oncall calendar', ownFiles: /\.ics$/ });
      } catch {
        // the process died here
      }
      const died = faults.dead;
      Object.assign(faults, { dieAt: 0, dead: false });
      // The next run (of either command) recovers first: the dead writer's pid is no longer alive.
      recoverOutput(out, () => false);
      expect([old, expectedNew], `crash at step ${step}`).toContainEqual(snapshot(out));
      expect(readdirSync(parent)).toEqual(['calendars']);
      if (!died) break;
    }
  });

  it('a directory holding files the command did not write is refused, not replaced', async () => {
    const out = tempDir();
    writeFileSync(join(out, 'notes.txt'), 'mine');
    const run = io();
    expect(await calendarCommand(['--teams', FIXTURE_DIR, '--out', out], run)).toBe(1);
    expect(run.errors.join('\n')).toMatch(/holds files oncall calendar did not write \(`notes\.txt`\)/);
    expect(snapshot(out)).toEqual({ 'notes.txt': 'mine' });
  });
});

describe('two outputs never share a path', () => {
  it('a squad named `index` cannot overwrite the catalog index', async () => {
    const tree = withFiles({ 'index/team.yaml': 'name: Index\nmembers: [alice]\n' }, fixtureTree());
    const teams = writeTree(tree);
    dirs.push(teams);
    const out = tempDir();
    const run = io();
    const code = await catalogCommand(['--teams', teams, '--out', out], run);
    expect(code).toBe(1);
    expect(run.errors.join('\n')).toMatch(/index/);
    expect(readdirSync(out)).toEqual([]);
  });

  it('names equal but for case collide too (case-insensitive file systems)', () => {
    const out = join(tempDir(), 'x');
    expect(() =>
      replaceDirectory(
        out,
        [
          { name: 'person-Alice.ics', contents: 'a', what: 'person `Alice`' },
          { name: 'person-alice.ics', contents: 'b', what: 'person `alice`' },
        ],
        { command: 'oncall calendar', ownFiles: /\.ics$/ },
      ),
    ).toThrow(/person `Alice` and person `alice` would both be written to `person-alice\.ics`/);
    expect(fs.existsSync(out)).toBe(false);
  });
});
