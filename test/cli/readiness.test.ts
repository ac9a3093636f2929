import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURE_DIR, lineOf, runCli, withEdit, writeTree } from '../helpers';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('oncall readiness', () => {
  it('exits 0 on the example organisation', async () => {
    const run = await runCli(['readiness']);
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toBe('11 alerts: 0 errors, 0 warnings');
  });

  it("deleting an alert's runbook: exit 1 and a finding at the alert", async () => {
    const dir = writeTree(withEdit('payments/team.yaml', '    runbook: runbooks/queue-depth.md\n', ''));
    dirs.push(dir);
    const run = await runCli(['readiness', '--teams', dir, '--format', 'json']);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout).problems).toEqual([
      {
        file: `${dir}/payments/team.yaml`,
        line: lineOf('payments/team.yaml', '  payments-queue-depth:'),
        column: 3,
        severity: 'error',
        code: 'alert/runbook',
        message: '`payments-queue-depth` has no runbook',
        suggestion: 'add `runbook: runbooks/payments-queue-depth.md` with its trigger, resolution and expected time',
        squad: 'payments',
        alert: 'payments-queue-depth',
        service: 'payment-api',
      },
    ]);
  });

  it('deleting a required section of a markdown runbook: exit 1 and a finding at the runbook, in every format', async () => {
    const dir = writeTree(withEdit('platform/runbooks/disk-space.md', '## Resolution\n', '## What to do\n'));
    dirs.push(dir);
    const text = await runCli(['readiness', '--teams', dir]);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain(
      `${dir}/platform/runbooks/disk-space.md:1:1 error alert/runbook-sections: runbook of \`platform-disk-space-critical\` lacks the section "Resolution"`,
    );
    const gh = await runCli(['readiness', '--teams', dir, '--format', 'github']);
    expect(gh.stdout).toMatch(/^::error file=.*disk-space\.md,line=1,col=1,title=alert\/runbook-sections::runbook of/);
    const md = await runCli(['readiness', '--teams', dir, '--format', 'markdown']);
    expect(md.stdout).toContain(
      '| ❌ | `platform-disk-space-critical` | [alert/runbook-sections](docs/checks/alert/runbook-sections.md) |',
    );
  });

  it('with --base, reviews only the alerts a commit adds or changes', async () => {
    const repo = mkdtempSync(join(tmpdir(), 'oncall-repo-'));
    dirs.push(repo);
    cpSync(FIXTURE_DIR, join(repo, 'teams'), { recursive: true });
    const git = (...args: string[]) =>
      execFileSync('git', args, {
        cwd: repo,
        stdio: 'pipe',
        env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' },
      });
    git('init', '-q', '-b', 'main');
    // The base already has a flaw on another alert: the review of the change must not report it.
    const team = join(repo, 'teams', 'platform', 'team.yaml');
    writeFileSync(team, readFileSync(team, 'utf8').replace('    runbook: https://wiki.acme.example/runbooks/platform/cpu-saturated\n', ''));
    git('add', '-A');
    git('commit', '-qm', 'base');
    const sf = join(repo, 'teams', 'storefront', 'team.yaml');
    writeFileSync(
      sf,
      readFileSync(sf, 'utf8').replace(
        'alerts:\n',
        'alerts:\n  shop-search:\n    title: Search answers\n    kind: http-check\n    severity: P2\n    request: { url: "https://www.acme.example/search?q=test" }\n\n',
      ),
    );
    const changed = await runCli(['readiness', '--teams', join(repo, 'teams'), '--base', 'HEAD', '--format', 'json']);
    expect(changed.code).toBe(1);
    const findings = JSON.parse(changed.stdout).problems;
    expect(findings.map((f: any) => [f.alert, f.code])).toEqual([['shop-search', 'alert/runbook']]);
    const all = await runCli(['readiness', '--teams', join(repo, 'teams'), '--format', 'json']);
    expect(
      JSON.parse(all.stdout)
        .problems.map((f: any) => f.alert)
        .sort(),
    ).toEqual(['platform-cpu-saturated', 'shop-search']);
    expect(await runCli(['readiness', '--teams', join(repo, 'teams'), '--base', 'no-such-ref'])).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/`no-such-ref` is not a commit/),
    });
  });
});

describe('oncall catalog', () => {
  it('writes an index and a page per squad with trigger, procedure and expected time', async () => {
    const out = mkdtempSync(join(tmpdir(), 'oncall-catalog-'));
    dirs.push(out);
    const run = await runCli(['catalog', '--out', out]);
    expect(run.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['.oncall-output', 'index.md', 'payments.md', 'platform.md', 'storefront.md']);
    const storefront = readFileSync(join(out, 'storefront.md'), 'utf8');
    expect(storefront).toContain('## P1 · [shop][storefront] Home page answers and offers "Ajouter au panier"');
    expect(storefront).toMatch(/\*\*Expected time\*\*\n\n15 minutes to restore the page/);
    expect(
      readFileSync(join(out, 'index.md'), 'utf8')
        .split('\n')
        .filter((l) => l.startsWith('| P')).length,
    ).toBe(11);
  });
});
