/** The benchmark's pieces on a tiny organisation: the figures are not judged here, only that it all runs. */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateOrganisation } from '../../modules/bench/generate';
import { analyse } from '../../modules/pipeline';
import { FIXTURE_DIR, ROOT } from '../helpers';

describe('synthetic organisations', () => {
  it('are deterministic from their seed and valid', () => {
    const a = generateOrganisation({ squads: 8, seed: 7 });
    const b = generateOrganisation({ squads: 8, seed: 7 });
    expect([...a.files]).toEqual([...b.files]);
    expect([...generateOrganisation({ squads: 8, seed: 8 }).files]).not.toEqual([...a.files]);
    const { organisation, problems } = analyse(a, Date.parse('2026-11-22T12:00:00+01:00'));
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(organisation!.squads.size).toBe(8);
    expect(organisation!.people.size).toBe(80);
    expect(organisation!.alerts.size).toBe(400);
    // Every shape of rotation is there: weekly, business/off-hours, primary/secondary, daily.
    const kinds = [...organisation!.rotations.values()].map((r) => `${r.every.unit}:${r.coverage.kind}:${r.follows ? 'follows' : ''}`);
    expect(new Set(kinds)).toEqual(
      new Set(['weeks:always:', 'weeks:business-hours:', 'weeks:off-hours:', 'weeks:always:follows', 'days:always:']),
    );
  });
});

describe('npm run bench (smoke run on a tiny organisation)', () => {
  it('prints the table of every measure and ends with one JSON line of figures', () => {
    const out = execFileSync(
      process.execPath,
      [
        join(ROOT, 'dist', 'modules', 'bench', 'run.js'),
        '--squads',
        '5',
        '--runs',
        '1',
        '--router-seconds',
        '0.25',
        '--sdk-resources',
        '30',
        '--fuzz',
        '20',
        '--hourly-members',
        '60',
        '--example',
        FIXTURE_DIR,
        '--starts',
        '2',
        '--import-squads',
        '2',
        '--import-weeks',
        '4',
      ],
      { encoding: 'utf8', timeout: 170_000 },
    );
    const lines = out.trim().split('\n');
    const figures = JSON.parse(lines[lines.length - 1]!);
    for (const key of [
      'parseMs',
      'validateMs',
      'validateRatio',
      'planMs',
      'resources',
      'sdkMsPerResource',
      'planRatio',
      'whoMs',
      'rosterMs',
      'calendarYearMs',
      'bareRps',
      'routerRps',
      'routerRatio',
      'routerP99Ms',
      'routerBoundedRps',
      'coldStartMs',
      'nodeStartMs',
      'coldStartRatio',
      'peakMemoryMb',
      'fuzzInputs',
      'fuzzCrashes',
      'largeFileRatio',
      'hourlyPerShiftRatio',
      'importMs',
      'importRatio',
      'monitorsMs',
      'rehearsalMs',
    ]) {
      expect(typeof figures[key], key).toBe('number');
    }
    expect(figures.routerErrors).toBe(0);
    expect(figures.routerSaturatedErrors).toBe(0);
    expect(figures.coldStartMs).toBeGreaterThan(figures.nodeStartMs);
    expect(figures.fuzzCrashes).toBe(0);
    expect(figures.rehearsalMismatchingMinutes).toBe(0);
    expect(figures.monitorsAlerts).toBe(figures.monitorsPublished);
    expect(figures.fuzzUnpositioned).toBe(0);
    expect(figures.routerMinimalErrors).toBe(0);
    expect(typeof figures.routerMinimalRatio).toBe('number');
    expect(figures.resources).toBeGreaterThan(100);
    expect(out).toContain('| measure | result | target | |');
    for (const measure of [
      'YAML parse alone',
      'validate (whole pipeline)',
      'plan (',
      'Pulumi SDK under mocks',
      'who (',
      'roster, 8 weeks',
      'calendars for a year',
      'bare node:http (constant answer), full voice webhook (26 fields)',
      'router, full voice webhook (26 fields), signed, 16 connections at 200 req/s',
      'router, full voice webhook (26 fields), signed, request logs off, as fast as it answers',
      'router, minimal webhook (3 fields), signed',
      'peak memory',
      'import an Opsgenie account from its API on 127.0.0.1 (2 teams',
      'rehearsal, 4 weeks',
      `cold start: \`oncall validate\` on ${FIXTURE_DIR} (a process, exit 0)`,
    ]) {
      expect(out).toContain(`| ${measure}`);
    }
  }, 180_000);
});
