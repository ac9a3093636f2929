import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, withEdit, writeTree } from '../helpers';
import { expectGolden } from '../golden';

const NOW = { ONCALL_NOW: '2026-11-22T12:00:00+01:00' };
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'oncall-cli-'));
  dirs.push(d);
  return d;
}

describe('oncall who', () => {
  it("answers the issue's instants as json, with the shift bounds in the rotation's zone", async () => {
    const run = await runCli(['who', '--at', '2026-03-30T09:30+02:00', '--team', 'storefront', '--format', 'json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual([
      { team: 'storefront', rotation: 'oncall', person: 'alice', start: '2026-03-30T09:00:00+02:00', end: '2026-04-06T09:00:00+02:00' },
    ]);
    const night = JSON.parse((await runCli(['who', '--at', '2026-01-07T10:00+01:00', '--team', 'payments', '--format', 'json'])).stdout);
    expect(night).toEqual([
      { team: 'payments', rotation: 'run', person: 'jules', start: '2026-01-07T09:00:00+01:00', end: '2026-01-07T18:00:00+01:00' },
      { team: 'payments', rotation: 'oncall', person: null, start: null, end: null },
    ]);
  });

  it('defaults to now (ONCALL_NOW fixes it) and lists every squad', async () => {
    const run = await runCli(['who'], undefined, NOW);
    expect(run.code).toBe(0);
    expectGolden('who/now.txt', run.stdout);
  });

  it("reads an instant without offset in the organisation's zone", async () => {
    const run = await runCli(['who', '--at', '2026-10-26T08:59', '--team', 'storefront', '--format', 'json']);
    expect(JSON.parse(run.stdout)[0].person).toBe('bruno');
  });

  it('refuses an invalid organisation with its problems and exit 1', async () => {
    const dir = writeTree(withEdit('storefront/team.yaml', 'manager: manon', 'manager: manom'));
    dirs.push(dir);
    const run = await runCli(['who', '--teams', dir]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/error ref\/unknown-person: unknown person `manom`/);
  });
});

describe('oncall validate with the schedule', () => {
  it('fails naming chloe when the August swap is removed', async () => {
    const dir = writeTree(withEdit('storefront/team.yaml', /    swaps:\n(.*\n){3}/, ''));
    dirs.push(dir);
    const run = await runCli(['validate', '--teams', dir, '--format', 'json'], undefined, NOW);
    expect(run.code).toBe(1);
    const problems = JSON.parse(run.stdout).problems;
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: 'schedule/unavailable-on-call', file: `${dir}/storefront/team.yaml`, line: 20 });
    expect(problems[0].message).toMatch(
      /^chloe is on call in `storefront\/oncall` from 2026-08-03 09:00 to 2026-08-10 09:00 but unavailable/,
    );
  });
});

describe('oncall roster (golden)', () => {
  it.each([
    ['text', 'txt'],
    ['markdown', 'md'],
    ['csv', 'csv'],
    ['json', 'json'],
  ])('storefront around the August swap as %s', async (format, ext) => {
    const run = await runCli(['roster', '--team', 'storefront', '--from', '2026-07-27', '--weeks', '6', '--format', format]);
    expect(run.code).toBe(0);
    expectGolden(`roster/storefront-august.${ext}`, run.stdout);
  });

  it('every squad around Christmas, as text', async () => {
    const run = await runCli(['roster', '--from', '2026-12-21', '--weeks', '2']);
    expect(run.code).toBe(0);
    expectGolden('roster/all-christmas.txt', run.stdout);
  });

  it('defaults to 8 weeks from today', async () => {
    const rows = JSON.parse((await runCli(['roster', '--team', 'storefront', '--format', 'json'], undefined, NOW)).stdout);
    expect(rows[0]).toMatchObject({ person: 'bruno', start: '2026-11-16T09:00:00+01:00' });
    expect(rows[rows.length - 1]).toMatchObject({ start: '2027-01-11T09:00:00+01:00' });
  });
});

describe('oncall calendar', () => {
  it('writes all.ics, one per squad and one per person; alice has 2026-03-30 09:00 → 2026-04-06 09:00 Paris', async () => {
    const out = tempDir();
    const run = await runCli(['calendar', '--out', out, '--from', '2026-03-23', '--weeks', '4']);
    expect(run.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(
      // `.oncall-output` marks a directory the command wrote, so a later run may replace it whole.
      [
        '.oncall-output',
        'all.ics',
        'team-payments.ics',
        'team-platform.ics',
        'team-storefront.ics',
        ...['alice', 'bruno', 'chloe', 'david', 'emma', 'farid', 'gina', 'hugo', 'ines', 'jules'].map((p) => `person-${p}.ics`),
      ].sort(),
    );
    const cal = new ICAL.Component(ICAL.parse(readFileSync(join(out, 'person-alice.ics'), 'utf8')));
    const events = cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    const week = events.find((e) => e.startDate.toJSDate().toISOString() === '2026-03-30T07:00:00.000Z');
    expect(week).toBeDefined();
    expect(week!.endDate.toJSDate().toISOString()).toBe('2026-04-06T07:00:00.000Z');
    expect(week!.summary).toBe('On call: storefront (alice)');
    expect(events.every((e) => e.summary.endsWith('(alice)'))).toBe(true);
  });

  it('keeps event ids stable when published again, so subscribers update rather than duplicate', async () => {
    const a = tempDir();
    const b = tempDir();
    await runCli(['calendar', '--out', a, '--from', '2026-12-14', '--weeks', '3']);
    await runCli(['calendar', '--out', b, '--from', '2026-12-14', '--weeks', '3'], undefined, NOW);
    const uids = (dir: string) => [...readFileSync(join(dir, 'all.ics'), 'utf8').matchAll(/^UID:(.*)$/gm)].map((m) => m[1]);
    expect(uids(a).length).toBeGreaterThan(10);
    expect(uids(b)).toEqual(uids(a));
    expect(new Set(uids(a)).size).toBe(uids(a).length);
  });

  it('writes nothing when it cannot write everything', async () => {
    const parent = tempDir();
    const blocked = join(parent, 'file-not-dir');
    writeFileSync(blocked, 'x');
    const run = await runCli(['calendar', '--out', blocked]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/cannot write to .*nothing was written/);
    expect(readFileSync(blocked, 'utf8')).toBe('x');
    expect(readdirSync(parent)).toEqual(['file-not-dir']);
  });

  it('on an invalid organisation writes no file', async () => {
    const teams = writeTree(withEdit('payments/team.yaml', '  - rotation: oncall', '  - rotation: oncal'));
    dirs.push(teams);
    const out = join(tempDir(), 'cal');
    const run = await runCli(['calendar', '--teams', teams, '--out', out]);
    expect(run.code).toBe(1);
    expect(existsSync(out)).toBe(false);
  });
});

describe('oncall report compensation', () => {
  it.each([
    ['text', 'txt'],
    ['csv', 'csv'],
    ['json', 'json'],
  ])('December 2026 as %s', async (format, ext) => {
    const run = await runCli(['report', 'compensation', '--month', '2026-12', '--format', format]);
    expect(run.code).toBe(0);
    expectGolden(`report/compensation-2026-12.${ext}`, run.stdout);
  });
});

describe('npm start (oncall demo)', () => {
  it('validates, summarises, shows who is on call and the next weeks', async () => {
    const run = await runCli(['demo'], undefined, NOW);
    expect(run.code).toBe(0);
    expectGolden('demo/example.txt', run.stdout);
  });

  it('ends with next commands that each work as printed', async () => {
    const run = await runCli(['demo'], undefined, NOW);
    const next = run.stdout.slice(run.stdout.lastIndexOf('\nNext:\n') + 7).split('\n');
    const commands = next
      .filter((l) => l.startsWith('  npx oncall '))
      .map((l) =>
        l
          .trim()
          .split(/\s{2,}/)[0]!
          .split(' ')
          .slice(2),
      );
    expect(commands.map((c) => c[0])).toEqual(['who', 'validate', 'plan']);
    // Without --base (the fixture is no repository of its own): the rest of each command as printed.
    for (const args of commands) {
      const base = args.indexOf('--base');
      const result = await runCli(base < 0 ? args : [...args.slice(0, base), ...args.slice(base + 2)], undefined, NOW);
      expect({ args, code: result.code, stderr: result.stderr }).toEqual({ args, code: 0, stderr: '' });
    }
  });
});
