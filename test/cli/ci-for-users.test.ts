/** The CI shipped for users, the CODEOWNERS example and `oncall stacks`. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { FIXTURE_DIR, ROOT, runCli } from '../helpers';

const workflow = (name: string) => parse(readFileSync(join(ROOT, '.github', 'workflows', name), 'utf8'));
const runs = (job: any): string[] => job.steps.map((s: any) => s.run ?? '').filter(Boolean);

describe('workflows for users', () => {
  it('on pull request: one oncall check (annotations, readiness and every plan with --base) in one comment, pulumi preview per stack', () => {
    const wf = workflow('oncall-pull-request.yml');
    expect(Object.keys(wf.on)).toEqual(['pull_request']);
    expect(wf.jobs.review.steps.find((s: any) => s.id === 'stacks').run).toContain('npx oncall stacks --format json');
    const plan = wf.jobs.review.steps.find((s: any) => s.id === 'plan').run;
    expect(plan).toContain('npx oncall check --base "origin/${GITHUB_BASE_REF}" --annotations github --comment plan.md || status=$?');
    // The three commands it replaces are not run again beside it.
    expect(runs(wf.jobs.review).join('\n')).not.toMatch(/oncall (validate|readiness|plan)\b/);
    // A usage error stops the job; problems and blocked deletions fail the comment job, after the comment.
    expect(plan).toContain('if [ "${status}" -gt 1 ]; then exit "${status}"; fi');
    expect(plan).toContain('echo "status=${status}" >> "$GITHUB_OUTPUT"');
    expect(wf.jobs.comment.steps.find((s: any) => String(s.name).startsWith('Refuse')).if).toBe("needs.review.outputs.plan-status != '0'");
    const comment = runs(wf.jobs.comment).join('\n');
    expect(comment).toContain('select(.body | startswith("<!-- oncall-plan -->"))');
    expect(comment).toContain('gh api --method PATCH');
    expect(wf.jobs.comment.permissions).toEqual({ 'pull-requests': 'write' });
    expect(wf.jobs.preview.strategy.matrix).toBe('${{ fromJSON(needs.review.outputs.stacks) }}');
    const preview = wf.jobs.preview.steps.find((s: any) => String(s.uses).startsWith('pulumi/actions'));
    expect(preview.with).toMatchObject({
      command: 'preview',
      'stack-name': '${{ matrix.stack }}',
      'comment-on-pr': true,
      policyPacks: 'policy',
    });
    // `pulumi/actions` does not install dependencies itself.
    expect(runs(wf.jobs.preview)).toContain('npm ci');
  });

  it('says why a fork pull request gets no comment and no preview', () => {
    const wf = workflow('oncall-pull-request.yml');
    const fork = 'github.event.pull_request.head.repo.full_name != github.repository';
    for (const job of [wf.jobs.comment, wf.jobs.preview]) {
      const notice = job.steps.find((s: any) => s.if === fork);
      expect(notice.run).toContain('::notice::Pull request from a fork');
      // Every other step is for the repository's own branches only.
      for (const step of job.steps.filter((s: any) => s !== notice && !String(s.name).startsWith('Refuse'))) {
        expect(step.if).toBe(fork.replace('!=', '=='));
      }
    }
  });

  it('on push to main: pulumi up for each stack', () => {
    const wf = workflow('oncall-deploy.yml');
    expect(wf.on.push.branches).toEqual(['main']);
    const up = wf.jobs.up.steps.find((s: any) => String(s.uses).startsWith('pulumi/actions'));
    expect(up.with).toMatchObject({ command: 'up', 'stack-name': '${{ matrix.stack }}' });
    expect(runs(wf.jobs.up)).toContain('npm ci');
  });

  it('CODEOWNERS maps every squad folder to its squad', () => {
    const owners = readFileSync(join(ROOT, '.github', 'CODEOWNERS'), 'utf8');
    const squads = readdirSync(FIXTURE_DIR).filter((d) => statSync(join(FIXTURE_DIR, d)).isDirectory());
    expect(squads.length).toBe(3);
    for (const squad of squads) expect(owners).toMatch(new RegExp(`^/teams/${squad}/\\s+@\\S+/${squad}$`, 'm'));
  });
});

describe('oncall stacks', () => {
  it('lists the shards of a CI matrix', async () => {
    const run = await runCli(['stacks', '--format', 'json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      include: ['acme-datadog', 'acme-opsgenie', 'acme-pagerduty'].map((stack) => ({
        stack,
        backend: stack.slice(5),
        squads: stack === 'acme-datadog' ? ['storefront', 'payments'] : ['payments', 'platform', 'storefront'],
      })),
    });
  });
});
