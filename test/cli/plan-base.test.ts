import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { PD } from '../../modules/backends/pagerduty/resources';
import * as baseDeployments from '../../modules/cli/base-deployment';
import type { DesiredResource } from '../../modules/render/desired';
import { exampleRepo, type Repo } from '../git-repo';
import { runCli } from '../helpers';

const NOW = { ONCALL_NOW: '2026-11-22T12:00:00+01:00' };
const repos: Repo[] = [];
afterAll(() => repos.forEach((r) => rmSync(r.dir, { recursive: true, force: true })));
function repo(): Repo {
  const r = exampleRepo();
  repos.push(r);
  return r;
}
async function plan(r: Repo, ...args: string[]) {
  return await runCli(['plan', '--teams', r.teams, '--stack', 'acme-pagerduty', ...args], undefined, NOW);
}

describe('deletion guard: a squad folder deleted and committed', () => {
  it('exits 1 naming the deleted schedules, policies and monitors', async () => {
    const r = repo();
    rmSync(join(r.teams, 'platform'), { recursive: true });
    r.commit('remove platform');
    const run = await plan(r, '--base', 'HEAD~1', '--format', 'json');
    expect(run.code).toBe(1);
    const blocked = JSON.parse(run.stdout).blocked.map((b: any) => `${b.kind} ${b.name}`);
    expect(blocked).toEqual(
      expect.arrayContaining([
        'schedule platform-primary-schedule',
        'schedule platform-secondary-schedule',
        'escalation policy platform-double-1h-escalation',
        'monitor platform-disk-space-critical-monitor',
        'monitor platform-cpu-saturated-monitor',
        'monitor platform-tls-expiring-monitor',
      ]),
    );
    const text = await plan(r, '--base', 'HEAD~1');
    expect(text.code).toBe(1);
    expect(text.stdout).toContain('✗ deletes schedule `platform-primary-schedule` (removed from the YAML)');
    expect((await plan(r, '--base', 'HEAD~1', '--allow-delete')).code).toBe(0);
  });

  it('retire first, delete later: the retirement names the monitors it drops, the removal then passes', async () => {
    const r = repo();
    r.edit('platform/team.yaml', 'name: Platform\n', 'name: Platform\nretired: true\n');
    r.commit('retire platform');
    // Retiring unprotects schedules and policies without deleting them; the squad's monitors stop at once.
    const retiring = await plan(r, '--base', 'HEAD~1', '--format', 'json');
    expect(retiring.code).toBe(1);
    expect(JSON.parse(retiring.stdout).delete.filter((d: any) => d.type.endsWith('Schedule'))).toEqual([]);
    expect(blockedOf(retiring)).toEqual([
      'monitor platform-disk-space-critical-monitor',
      'monitor platform-cpu-saturated-monitor',
      'monitor platform-tls-expiring-monitor',
    ]);
    expect((await plan(r, '--base', 'HEAD~1', '--allow-delete')).code).toBe(0);
    rmSync(join(r.teams, 'platform'), { recursive: true });
    r.commit('remove platform');
    const removing = await plan(r, '--base', 'HEAD~1', '--format', 'json');
    expect(removing.code).toBe(0);
    expect(JSON.parse(removing.stdout).delete.map((d: any) => d.name)).toEqual(
      expect.arrayContaining(['platform-primary-schedule', 'platform-double-1h-escalation']),
    );
  });

  it('renaming a rotation id replaces its schedule, and says so', async () => {
    const r = repo();
    r.edit('platform/team.yaml', '  secondary:\n', '  backup:\n');
    r.edit('platform/team.yaml', '{ rotation: secondary }', '{ rotation: backup }');
    const run = await plan(r, '--base', 'HEAD', '--format', 'json');
    expect(run.code).toBe(1);
    const out = JSON.parse(run.stdout);
    expect(out.blocked.map((b: any) => [b.name, b.action])).toContainEqual(['platform-secondary-schedule', 'delete']);
    expect(out.create.map((c: any) => c.name)).toContain('platform-backup-schedule');
  });
});

describe('who is on call, week by week, before and after', () => {
  it('swapping two members of a rotation shows each week that changes hands', async () => {
    const r = repo();
    r.edit('payments/team.yaml', '    members: [hugo, ines, jules]', '    members: [ines, hugo, jules]');
    const run = await plan(r, '--base', 'HEAD', '--format', 'json');
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out.update.map((u: any) => [u.name, u.changes.map((c: any) => c.input)])).toEqual([['payments-oncall-schedule', ['layers']]]);
    const rotation = out.rotations.find((x: any) => x.rotation === 'oncall' && x.team === 'payments');
    expect(rotation.weeks.slice(0, 3)).toEqual([
      { week: '2026-11-16', before: ['hugo'], after: ['ines'] },
      { week: '2026-11-23', before: ['ines'], after: ['hugo'] },
      { week: '2026-11-30', before: ['jules'], after: ['jules'] },
    ]);
    expect(rotation.now).toEqual({ before: 'hugo', after: 'ines', nextHandoff: '2026-11-23' });
    const text = await plan(r, '--base', 'HEAD');
    expect(text.stdout).toContain('week of 2026-11-23: ines → hugo');
    expect(text.stdout).toContain('week of 2026-11-30: jules\n');
    expect(text.stdout).toContain('⚠ changes who is on call right now (hugo → ines)');
    const md = await plan(r, '--base', 'HEAD', '--format', 'markdown');
    expect(md.stdout).toMatch(/^### oncall plan: `acme-pagerduty` compared with `HEAD`/);
    expect(md.stdout).toContain('**payments/oncall** (changed): 6 of 8 weeks change hands');
    expect(md.stdout).toContain('<details><summary>Week by week</summary>');
  });

  it('a roster change from the next handoff leaves the current week alone', async () => {
    const r = repo();
    r.edit(
      'payments/team.yaml',
      '    members: [hugo, ines, jules]\n    start: 2026-01-05',
      '    members: [hugo, ines, jules]\n    start: 2026-01-05\n    changes:\n      - from: 2026-11-23\n        members: [ines, hugo, jules]',
    );
    const out = JSON.parse((await plan(r, '--base', 'HEAD', '--format', 'json')).stdout);
    const rotation = out.rotations.find((x: any) => x.rotation === 'oncall' && x.team === 'payments');
    expect(rotation.now.before).toBe(rotation.now.after);
    expect(rotation.weeks[0]).toEqual({ week: '2026-11-16', before: ['hugo'], after: ['hugo'] });
    expect(rotation.weeks[1]).toEqual({ week: '2026-11-23', before: ['ines'], after: ['ines'] });
    expect(rotation.weeks[2]).toEqual({ week: '2026-11-30', before: ['jules'], after: ['hugo'] });
  });

  it('--allow-delete needs --base, and a base that is not a commit is a usage error', async () => {
    const r = repo();
    expect(await plan(r, '--allow-delete')).toMatchObject({ code: 2, stderr: expect.stringMatching(/--allow-delete goes with --base/) });
    expect(await plan(r, '--base', 'nope')).toMatchObject({ code: 2, stderr: expect.stringMatching(/`nope` is not a commit/) });
  });
});

const PAGERDUTY_STACK = 'stacks/Pulumi.acme-pagerduty.yaml';
const stackFile = (...lines: string[]) =>
  ['config:', '  oncall:backend: pagerduty', '  oncall:pagerdutySubdomain: acme', ...lines, ''].join('\n');
const blockedOf = (run: { stdout: string }) => JSON.parse(run.stdout).blocked.map((b: any) => `${b.kind} ${b.name}`);

describe('deletion guard: what each stack deployed at the base, through its stack file', () => {
  it('narrowing `oncall:teams` deletes the squad left out, and the status page', async () => {
    const r = repo();
    r.write(PAGERDUTY_STACK, stackFile('  oncall:teams: [payments, platform]'));
    r.commit('narrow the stack');
    const run = await plan(r, '--base', 'HEAD~1', '--format', 'json');
    expect(run.code).toBe(1);
    expect(blockedOf(run)).toEqual(
      expect.arrayContaining([
        'schedule storefront-oncall-schedule',
        'escalation policy storefront-storefront-1h-escalation',
        'monitor shop-5xx-rate-monitor',
        'phone line storefront-phone-line',
        'status page status-page',
      ]),
    );
    expect((await plan(r, '--base', 'HEAD~1', '--allow-delete')).code).toBe(0);
  });

  it('listing every squad explicitly drops the status page: caught', async () => {
    const r = repo();
    r.write(PAGERDUTY_STACK, stackFile('  oncall:teams: [payments, platform, storefront]'));
    r.commit('list the squads');
    const run = await plan(r, '--base', 'HEAD~1', '--format', 'json');
    expect(run.code).toBe(1);
    expect(blockedOf(run)).toEqual(expect.arrayContaining(['status page status-page', 'status-page component shop-status-component']));
  });

  it('switching `oncall:backend` deletes every schedule and policy of the old backend', async () => {
    const r = repo();
    r.write(PAGERDUTY_STACK, 'config:\n  oncall:backend: opsgenie\n');
    r.commit('switch backend');
    const run = await plan(r, '--base', 'HEAD~1', '--format', 'json');
    expect(run.code).toBe(1);
    expect(blockedOf(run)).toEqual(
      expect.arrayContaining(['schedule payments-oncall-schedule', 'escalation policy platform-double-1h-escalation']),
    );
  });

  it('stack files kept outside git: the base is rendered with them as they are, and says so', async () => {
    const r = repo();
    const outside = mkdtempSync(join(tmpdir(), 'oncall-stacks-'));
    repos.push({ ...r, dir: outside });
    cpSync(join(r.dir, 'stacks'), outside, { recursive: true });
    rmSync(join(r.teams, 'platform'), { recursive: true });
    const run = await plan(r, '--base', 'HEAD', '--stacks', outside);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('is not in git: the base is rendered with the stack file as it is now');
    expect(run.stdout).toContain('✗ deletes schedule `platform-primary-schedule`');
  });

  it('a stack file that did not exist at the base deployed nothing: everything is created', async () => {
    const r = repo();
    r.write('stacks/Pulumi.acme-new.yaml', stackFile('  oncall:teams: [payments]'));
    const run = await runCli(['plan', '--teams', r.teams, '--stack', 'acme-new', '--base', 'HEAD', '--format', 'json'], undefined, NOW);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out.delete).toEqual([]);
    expect(out.create.map((c: any) => c.name)).toContain('payments-oncall-schedule');
  });
});

describe('deletion guard: retiring is a change of its own', () => {
  it('retiring an alert and losing its monitor in the same change is blocked', async () => {
    const r = repo();
    r.edit(
      'platform/team.yaml',
      '    title: Disk space below 5% on a host\n',
      '    title: Disk space below 5% on a host\n    retired: true\n',
    );
    r.commit('retire an alert');
    const run = await plan(r, '--base', 'HEAD~1', '--format', 'json');
    expect(run.code).toBe(1);
    const blocked = JSON.parse(run.stdout).blocked;
    expect(blocked.map((b: any) => b.name)).toEqual(['platform-disk-space-critical-monitor']);
    expect(blocked[0].reason).toMatch(/retired in this change/);
  });

  it('retiring a squad and deleting its rotations in one change is blocked', async () => {
    const r = repo();
    r.edit('platform/team.yaml', 'name: Platform\n', 'name: Platform\nretired: true\n');
    r.edit('platform/team.yaml', /\n {2}secondary:\n(?: {4}.*\n)+/, '\n');
    r.edit('platform/team.yaml', '      - after: 30m\n        notify: { rotation: secondary }\n', '');
    r.commit('retire platform and drop a rotation');
    const run = await plan(r, '--base', 'HEAD~1', '--format', 'json');
    expect(run.code).toBe(1);
    expect(blockedOf(run)).toContain('schedule platform-secondary-schedule');
  });

  it('a base whose organisation does not load is an error, not a pass', async () => {
    const r = repo();
    r.edit('org.yaml', /^name: .*$/m, 'name: [broken');
    r.commit('break the base');
    r.git('checkout', 'HEAD~1', '--', 'teams/org.yaml');
    r.write('teams/platform', undefined);
    const run = await plan(r, '--base', 'HEAD');
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/organisation at `HEAD` does not load/);
    expect(run.stderr).toMatch(/org\.yaml:\d+:\d+/);
  });

  it('a base whose stack file does not load is an error', async () => {
    const r = repo();
    r.write(PAGERDUTY_STACK, 'config:\n  oncall:backend: pagerdooty\n');
    r.commit('a broken stack file');
    r.write(PAGERDUTY_STACK, stackFile());
    const run = await plan(r, '--base', 'HEAD');
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/stack `acme-pagerduty` at `HEAD` does not load/);
  });
});

describe('what the provider cannot change in place is a replacement', () => {
  afterEach(() => vi.restoreAllMocks());
  const isEmailIntegration = (r: { type: string; inputs: Record<string, unknown> }) =>
    r.type === PD.integration && r.inputs.type === 'generic_email_inbound_integration';

  /**
   * The YAML has no e-mail filter: the renderer always sends PagerDuty's default one. What the stack deployed at
   * the base is edited instead, as an earlier release (or a hand-made integration taken over) would have left it.
   */
  function deployedEmailIntegration(edit: (inputs: DesiredResource['inputs']) => DesiredResource['inputs']): void {
    const real = baseDeployments.baseDeployment;
    vi.spyOn(baseDeployments, 'baseDeployment').mockImplementation((req) => {
      const base = real(req);
      if (base.kind !== 'deployed') return base;
      const resources = base.state.resources.map((r) => (isEmailIntegration(r) ? { ...r, inputs: edit(r.inputs) } : r));
      expect(resources).not.toEqual(base.state.resources);
      return { ...base, state: { ...base.state, resources } };
    });
  }

  async function emailIntegrationName(r: Repo): Promise<string> {
    const resources = JSON.parse((await plan(r, '--format', 'json')).stdout).resources as Array<{
      type: string;
      name: string;
      inputs: Record<string, unknown>;
    }>;
    const email = resources.filter(isEmailIntegration);
    expect(email).toHaveLength(1);
    return email[0]!.name;
  }

  it('a changed e-mail filter of a PagerDuty e-mail integration replaces it (email_filter is ForceNew)', async () => {
    const r = repo();
    const name = await emailIntegrationName(r);
    deployedEmailIntegration((inputs) => ({
      ...inputs,
      emailFilters: [{ subjectMode: 'match', subjectRegex: '^\\[alert\\]', bodyMode: 'always', fromEmailMode: 'always' }],
    }));
    const run = await plan(r, '--base', 'HEAD', '--format', 'json');
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out.replace).toEqual([{ type: PD.integration, name, from: name, reason: '`emailFilters` cannot change in place' }]);
    expect(out.update).toEqual([]);
    const text = await plan(r, '--base', 'HEAD');
    expect(text.stdout).toContain('1 to replace');
    expect(text.stdout).toMatch(new RegExp(`± .*ServiceIntegration ${name}: \`emailFilters\` cannot change in place`));
  });

  it('a changed address of the same integration is an update (integration_email is not ForceNew)', async () => {
    const r = repo();
    const name = await emailIntegrationName(r);
    deployedEmailIntegration((inputs) => ({ ...inputs, integrationEmail: 'someone-else@acme.pagerduty.com' }));
    const out = JSON.parse((await plan(r, '--base', 'HEAD', '--format', 'json')).stdout);
    expect(out.replace).toEqual([]);
    expect(out.update.map((u: any) => [u.name, u.changes.map((c: any) => c.input)])).toEqual([[name, ['integrationEmail']]]);
  });
});
