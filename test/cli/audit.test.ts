import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { browserIt, openInChromium, screenshotInChromium } from '../browser';
import { runCli, withEdit, writeTree } from '../helpers';

const NOW = { ONCALL_NOW: '2026-11-22T12:00:00+01:00' };
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const audit = async (...args: string[]) => await runCli(['audit', ...args], undefined, NOW);

describe('oncall audit', () => {
  it('reports the three example squads with the documented fields', async () => {
    const run = await audit('--format', 'json');
    expect(run.code).toBe(0);
    const teams = JSON.parse(run.stdout).teams;
    expect(teams.map((t: any) => t.team)).toEqual(['payments', 'platform', 'storefront']);
    for (const t of teams) {
      for (const field of [
        'team',
        'services',
        'alerts',
        'alertsWithRunbook',
        'coveragePercent',
        'escalationMinutes',
        'responseTargetMinutes',
        'unmanagedMonitors',
        'alertsBySeverity',
        'alertsPassingReadiness',
        'servicesWithoutPagingAlert',
        'servicesWithoutSyntheticCheck',
        'load',
      ]) {
        expect(t, `${t.team}.${field}`).toHaveProperty(field);
      }
      expect(t.coveragePercent).toBe(100);
      expect(t.alertsWithRunbook).toBe(t.alerts);
      expect(t.unmanagedMonitors).toBeNull();
    }
    const byTeam = Object.fromEntries(teams.map((t: any) => [t.team, t]));
    expect([byTeam.storefront.escalationMinutes, byTeam.storefront.responseTargetMinutes]).toEqual([40, 60]);
    expect([byTeam.payments.escalationMinutes, byTeam.payments.responseTargetMinutes]).toEqual([60, 240]);
    expect([byTeam.platform.escalationMinutes, byTeam.platform.responseTargetMinutes]).toEqual([60, 60]);
    expect(byTeam.storefront.alertsBySeverity).toEqual({ P1: 2, P2: 2, P3: 0, P4: 0, P5: 0 });
    // 8 weeks of a 4-person weekly rotation: two turns each, plus bruno's Christmas override from chloe.
    expect(byTeam.storefront.load.map((l: any) => [l.person, Math.round(l.hours)])).toEqual([
      ['bruno', 375],
      ['alice', 336],
      ['david', 336],
      ['chloe', 297],
    ]);
    expect(byTeam.payments.heat).toHaveLength(168);
    expect(byTeam.payments.heat.every((h: number | null) => h === 1)).toBe(true);
  });

  it('shows promised hours with nobody on call in the coverage share and the heat map', async () => {
    // Platform's rotations start on 2026-12-07: until then its promise has nobody (a warning, not an error).
    const dir = writeTree(withEdit('platform/team.yaml', 'start: 2026-01-05', 'start: 2026-12-07'));
    dirs.push(dir);
    const run = await runCli(['audit', '--teams', dir, '--format', 'json'], undefined, NOW);
    expect(run.code).toBe(0);
    const platform = JSON.parse(run.stdout).teams.find((t: any) => t.team === 'platform');
    // 14 days and 21 hours of 56 days are not covered (2026-11-22 12:00 → 2026-12-07 09:00).
    expect(platform.coveragePercent).toBeCloseTo(73.4, 1);
    expect(platform.heat[8]).toBe(0.63); // Monday 08:00–09:00: 3 of the 8 fall before the rotations start
    expect(platform.heat[9]).toBe(0.75); // from the 09:00 handoff: 2 of 8 weeks
    expect(Math.min(...platform.heat)).toBeGreaterThan(0.6);
    // Week by week, the gap shows when it happens: two whole weeks with nobody, then covered.
    const week = (monday: string) => platform.byWeek.find((w: any) => w.week === monday).heat as Array<number | null>;
    expect(week('2026-11-23').every((h) => h === 0)).toBe(true);
    expect(week('2026-11-30').every((h) => h === 0)).toBe(true);
    expect(week('2026-12-07').slice(0, 9)).toEqual(new Array(9).fill(0));
    expect(
      week('2026-12-07')
        .slice(9)
        .every((h) => h === 1),
    ).toBe(true);
    expect(week('2026-12-14').every((h) => h === 1)).toBe(true);
    expect(platform.gaps).toEqual([{ start: '2026-11-22 12:00', end: '2026-12-07 09:00', hours: 357, rotations: ['primary'] }]);
    const html = (await runCli(['audit', '--teams', dir, '--format', 'html'], undefined, NOW)).stdout;
    expect(html).toContain('fill="#dc2626"><title>platform, week of 2026-11-30, Wed 12:00: 0% covered</title>');
    expect(html).toContain('fill="#16a34a"><title>platform, week of 2026-12-07, Mon 10:00: 100% covered</title>');
    expect(html).toContain('<li>platform: 2026-11-22 12:00 → 2026-12-07 09:00 (357 h, primary)</li>');
    const text = (await runCli(['audit', '--teams', dir], undefined, NOW)).stdout;
    expect(text).toContain('    gap 2026-11-22 12:00 → 2026-12-07 09:00 (357 h, primary)');
  });

  it('measures each escalation policy against its own response target', async () => {
    // Storefront routes business hours to a quick policy with a tight target and the rest to a slow one with a
    // loose target: each reaches its last level within its own target, so the squad is not late.
    const quick = { key: 'quick', name: 'Quick', target: 15, steps: [5, 10] };
    const slow = { key: 'slow', name: 'Slow', target: 240, steps: [30, 120] };
    const policy = (p: typeof quick) =>
      [
        `  ${p.key}:`,
        `    name: ${p.name}`,
        `    responseTarget: ${p.target}m`,
        '    steps:',
        '      - notify: on-call',
        ...p.steps.map((m) => `      - after: ${m}m\n        notify: on-call`),
      ].join('\n');
    const tree = (policies: Array<typeof quick>) =>
      withEdit(
        'storefront/team.yaml',
        /escalations:[\s\S]*?\n\n/,
        [
          'escalations:',
          ...policies.map(policy),
          'routing:',
          '  - during: business-hours',
          '    rotation: oncall',
          `    escalation: ${policies[0]!.key}`,
          '  - rotation: oncall',
          `    escalation: ${policies[1]!.key}`,
          '',
          '',
        ].join('\n'),
      );
    const storefront = async (policies: Array<typeof quick>, format = 'json') => {
      const dir = writeTree(tree(policies));
      dirs.push(dir);
      const run = await runCli(['audit', '--teams', dir, '--format', format], undefined, NOW);
      expect(run.code, run.stderr).toBe(0);
      return format === 'json' ? JSON.parse(run.stdout).teams.find((t: any) => t.team === 'storefront') : run.stdout;
    };
    const last = (p: typeof quick) => p.steps[p.steps.length - 1]!;
    // Guard: the old comparison (slowest escalation against tightest target) would call this late.
    expect(Math.max(last(quick), last(slow))).toBeGreaterThan(Math.min(quick.target, slow.target));

    const within = await storefront([quick, slow]);
    expect(within.escalationWithinTarget).toBe(true);
    expect(within.escalations).toEqual(
      [quick, slow].map((p) => ({
        policy: p.key,
        name: p.name,
        escalationMinutes: last(p),
        responseTargetMinutes: p.target,
        withinTarget: true,
      })),
    );
    // The squad's line: the policy with the least time to spare, with its own target.
    const tighter = quick.target - last(quick) < slow.target - last(slow) ? quick : slow;
    expect([within.escalationPolicy, within.escalationMinutes, within.responseTargetMinutes, within.escalationWithinTarget]).toEqual([
      tighter.name,
      last(tighter),
      tighter.target,
      true,
    ]);
    const text = await storefront([quick, slow], 'text');
    expect(text).toContain(
      `  escalation: ${tighter.name}: ${last(tighter)} min to the last level, target ${tighter.target} min (all 2 policies within their targets)`,
    );
    expect(text).not.toMatch(/late/);

    // The slow policy now takes longer than its own target: late, and shown with that target.
    const tooSlow = { ...slow, steps: [30, slow.target + 60] };
    const late = await storefront([quick, tooSlow]);
    expect(late.escalations.map((e: any) => e.withinTarget)).toEqual([true, false]);
    expect([late.escalationPolicy, late.escalationMinutes, late.responseTargetMinutes, late.escalationWithinTarget]).toEqual([
      tooSlow.name,
      last(tooSlow),
      tooSlow.target,
      false,
    ]);
    expect(await storefront([quick, tooSlow], 'text')).toContain(
      `  escalation: ${tooSlow.name}: ${last(tooSlow)} min to the last level, target ${tooSlow.target} min (late; 1 of 2 policies late)`,
    );
  });

  it('refuses an organisation that validation refuses', async () => {
    const dir = writeTree(
      withEdit('payments/team.yaml', 'coverage: business-hours', 'coverage: [{ days: monday-thursday, from: "09:00", to: "18:00" }]'),
    );
    dirs.push(dir);
    const refused = await runCli(['audit', '--teams', dir], undefined, NOW);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('coverage/gap');
  });

  it('counts the monitors of a Datadog export that are not managed as code', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'oncall-audit-'));
    dirs.push(dir);
    const file = join(dir, 'monitors.json');
    writeFileSync(
      file,
      JSON.stringify([
        { id: 1, name: '[shop][storefront] Home page', tags: ['team:storefront', 'managed-by:oncall-as-code', 'alert-id:shop-home-page'] },
        { id: 2, name: 'Old cart latency', tags: ['team:storefront'] },
        { id: 3, name: 'Old checkout errors', tags: ['team:storefront', 'env:prod'] },
        { id: 4, name: 'Payment queue', tags: ['team:payments', 'managed-by:oncall-as-code'] },
        { id: 5, name: "Somebody's test", tags: [] },
      ]),
    );
    const out = JSON.parse((await audit('--format', 'json', '--datadog-monitors', file)).stdout);
    const storefront = out.teams.find((t: any) => t.team === 'storefront');
    expect([storefront.unmanagedMonitors, storefront.managedSharePercent, storefront.unmanagedMonitorNames]).toEqual([
      2,
      33.3,
      ['Old cart latency', 'Old checkout errors'],
    ]);
    expect(out.teams.find((t: any) => t.team === 'payments').managedSharePercent).toBe(100);
    expect(out.teams.find((t: any) => t.team === 'platform').unmanagedMonitors).toBe(0);
    expect(out.unassignedMonitors).toBe(1);
    writeFileSync(file, '{"nope": true}');
    expect(await audit('--datadog-monitors', file)).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/expected the JSON of the Datadog monitors API/),
    });
  });

  it('text and markdown summarise each squad', async () => {
    expect((await audit()).stdout).toContain('storefront — Storefront\n  services: shop (customer-facing: shop)');
    expect((await audit('--format', 'markdown')).stdout).toContain(
      '| storefront | 4 (P1 ×2, P2 ×2) | 100% | 100% | 100% | 40 min to the last level, target 60 min | — | — |',
    );
  });

  it('html is one self-contained page with a heat map (168 hours × week × squad) and a load chart', async () => {
    const html = (await audit('--format', 'html')).stdout;
    const weeks = (JSON.parse((await audit('--format', 'json')).stdout).teams as any[]).reduce((n, t) => n + t.byWeek.length, 0);
    expect(weeks).toBe(9 * 3); // from Sunday 2026-11-22 12:00, 8 weeks touch 9 Monday-weeks
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).not.toMatch(/(src|href)="https?:/);
    expect((html.match(/<rect class="hour"/g) ?? []).length).toBe(168 * weeks);
    expect((html.match(/<rect class="bar"/g) ?? []).length).toBe(10);
  });

  browserIt(
    'the html page opens in a browser (headless Chromium) with its heat map and chart',
    async () => {
      expect(existsSync('/usr/bin/chromium')).toBe(true);
      const opened = openInChromium((await audit('--format', 'html')).stdout, dirs);
      const dom = opened.dom;
      expect(dom).toContain('<svg id="heat-map"');
      expect(dom).toContain('<svg id="load-chart"');
      expect((dom.match(/class="hour"/g) ?? []).length).toBe(168 * 9 * 3);
      expect(existsSync(screenshotInChromium(opened, 'audit.png'))).toBe(true);
    },
    200_000,
  );
});
