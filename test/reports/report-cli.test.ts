/**
 * `oncall report incidents` and `oncall report compensation` with a history, in-process, with a reader serving
 * records the test made: goldens for text, markdown and csv; json against the tests' own computation; the
 * compensation's intervention hours by a sweep of their own.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { reportCommandWith } from '../../modules/cli/commands/report';
import { UsageError } from '../../modules/cli/usage-error';
import { expectGolden } from '../golden';
import { writeTree } from '../helpers';
import { email, generateHistory } from './history';
import { sweepHours } from './oracle';
import { captureIo, servedReader, type Asked } from './cli-io';
import { reportTree } from './report-org';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const teams = writeTree(reportTree());
dirs.push(teams);
const NOW = Date.parse('2026-03-01T00:00:00Z');
const january = generateHistory({
  backend: 'pagerduty',
  since: Date.parse('2025-12-31T23:00:00Z'),
  until: Date.parse('2026-01-31T23:00:00Z'),
  count: 40,
  seed: 3,
});

async function run(args: string[], records = january, asked: Asked[] = []) {
  const c = captureIo(NOW);
  const code = await reportCommandWith(servedReader(records, asked))(args, c.io);
  return { code, out: c.out(), err: c.err() };
}

const incidents = (...more: string[]) =>
  run([
    'incidents',
    '--since',
    '2026-01-01',
    '--until',
    '2026-02-01',
    '--from-dir',
    'exports',
    '--backend',
    'pagerduty',
    '--teams',
    teams,
    ...more,
  ]);

describe('oncall report incidents', () => {
  it('reads the period in the organisation’s zone from the export directory of the backend named', async () => {
    const asked: Asked[] = [];
    await run(
      ['incidents', '--since', '2026-01-01', '--until', '2026-02-01', '--from-dir', 'exports', '--backend', 'opsgenie', '--teams', teams],
      january,
      asked,
    );
    expect(asked).toEqual([
      {
        backend: 'opsgenie',
        source: { kind: 'dir', dir: 'exports' },
        since: Date.parse('2025-12-31T23:00:00Z'),
        until: Date.parse('2026-01-31T23:00:00Z'),
      },
    ]);
  });

  it.each([
    ['text', 'txt'],
    ['markdown', 'md'],
    ['csv', 'csv'],
  ])('as %s (golden)', async (format, ext) => {
    const { code, out, err } = await incidents('--format', format);
    expect(code).toBe(0);
    expect(err).toContain('1 page(s) not mapped');
    expect(out).not.toMatch(/\+33\d{9}/);
    expectGolden(`report/incidents.${ext}`, out);
  });

  it('as json: the figures of the period, the unmapped page listed', async () => {
    const report = JSON.parse((await incidents('--format', 'json')).out);
    expect(report.pages + report.unmapped.length).toBe(january.length);
    expect(report.unmapped.map((u: any) => u.title)).toEqual(['Legacy cron failed']);
    expect(report.squads.map((s: any) => s.key)).toEqual(['payments', 'platform', 'storefront']);
    expect(report.squads.reduce((n: number, s: any) => n + s.pages, 0)).toBe(report.pages);
  });

  it('writes --output whole, and refuses a period that ends before it starts or a missing source', async () => {
    const out = mkdtempSync(join(tmpdir(), 'oncall-incidents-'));
    dirs.push(out);
    expect((await incidents('--format', 'csv', '--output', join(out, 'r.csv'))).out).toBe('');
    expect(readFileSync(join(out, 'r.csv'), 'utf8')).toMatch(/^section,key,label,/);
    await expect(
      run(['incidents', '--since', '2026-02-01', '--until', '2026-01-01', '--from-dir', 'x', '--backend', 'pagerduty', '--teams', teams]),
    ).rejects.toThrow(UsageError);
    await expect(run(['incidents', '--since', '2026-01-01', '--until', '2026-02-01', '--from-dir', 'x', '--teams', teams])).rejects.toThrow(
      /--backend/,
    );
    await expect(run(['incidents', '--since', '2026-01-01', '--until', '2026-02-01', '--teams', teams])).rejects.toThrow(
      /--stack NAME, or --from-dir/,
    );
  });
});

describe('oncall report compensation with a history', () => {
  // Pages of May and June for the storefront; one opened on 31 May and worked on into June.
  const m = 60_000;
  const worked = (id: string, person: string, created: string, ackAfter: number, resolveAfter: number) => {
    const createdAt = Date.parse(created);
    return {
      backend: 'pagerduty' as const,
      id,
      title: 'Checkout down',
      team: 'Storefront',
      service: 'Online shop',
      tags: ['alert-id:shop-checkout'],
      createdAt,
      acknowledgedAt: createdAt + ackAfter * m,
      acknowledgedBy: email(person),
      resolvedAt: createdAt + resolveAfter * m,
      resolvedBy: email(person),
      escalations: [{ level: 1, at: createdAt, to: [email(person)] }],
    };
  };
  const records = [
    worked('A', 'alice', '2026-05-31T21:00:00Z', 10, 250), // acknowledged 21:10 UTC, resolved 01:10 UTC on 1 June
    worked('B', 'alice', '2026-06-10T08:00:00Z', 5, 95),
    worked('C', 'alice', '2026-06-10T08:30:00Z', 2, 60), // inside B: counted once
    worked('D', 'hugo', '2026-06-20T22:00:00Z', 30, 150), // hugo is not on call for the storefront
    worked('E', 'bruno', '2026-07-01T08:00:00Z', 5, 65), // July
  ];

  it('adds intervention hours next to on-call days and hours', async () => {
    const { code, out } = await run(
      ['compensation', '--month', '2026-06', '--from-dir', 'x', '--backend', 'pagerduty', '--format', 'json', '--teams', teams],
      records,
    );
    expect(code).toBe(0);
    const rows = Object.fromEntries(JSON.parse(out).people.map((r: any) => [r.person, r]));
    const june = [Date.parse('2026-05-31T22:00:00Z'), Date.parse('2026-06-30T22:00:00Z')] as const;
    const spans = (person: string) =>
      records.filter((r) => r.acknowledgedBy === email(person)).map((r) => [r.acknowledgedAt, r.resolvedAt] as const);
    expect(rows.alice.interventionHours).toBe(sweepHours(spans('alice'), ...june));
    // From June's start (midnight in Paris, 22:00 UTC) to 01:10 UTC: 3 h 10; then 08:05–09:35 UTC: 1 h 30.
    expect(rows.alice.interventionHours).toBe(4.67);
    expect(rows.hugo.interventionHours).toBe(sweepHours(spans('hugo'), ...june));
    expect(rows.bruno.interventionHours).toBe(0);
    expect(rows.alice.days).toBeGreaterThan(0);
  });

  it('as text, with the column only when a history is given', async () => {
    const withHistory = (
      await run(['compensation', '--month', '2026-06', '--from-dir', 'x', '--backend', 'pagerduty', '--teams', teams], records)
    ).out;
    expect(withHistory.split('\n')[1]).toMatch(/holiday hours  intervention hours$/);
    const without = (await run(['compensation', '--month', '2026-06', '--teams', teams], records)).out;
    expect(without).not.toContain('intervention');
  });
});
