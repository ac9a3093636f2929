/** The CI shipped for users, the CODEOWNERS example and `oncall stacks`. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { FIXTURE_DIR, ROOT, runCli } from '../helpers';

const workflow = (name: string) => parse(readFileSync(join(ROOT, '.github', 'workflows', name), 'utf8'));
const runs = (job: any): string[] => job.steps.map((s: any) => s.run ?? '').filter(Boolean);

describe('workflows for users', () => {
  it('on pull request: validate with annotations, readiness with --base, plan with --base as a comment, pulumi preview per stack', () => {
    const wf = workflow('oncall-pull-request.yml');
    expect(Object.keys(wf.on)).toEqual(['pull_request']);
    expect(runs(wf.jobs.review)).toEqual(
      expect.arrayContaining([
        'npx oncall validate --format github',
        'npx oncall readiness --base "origin/${{ github.base_ref }}" --format github',
      ]),
    );
    expect(wf.jobs.review.steps.find((s: any) => s.id === 'stacks').run).toContain('npx oncall stacks --format json');
    expect(wf.jobs.plan.strategy.matrix).toBe('${{ fromJSON(needs.review.outputs.stacks) }}');
    expect(runs(wf.jobs.plan).join('\n')).toMatch(
      /npx oncall plan --stack "\$\{\{ matrix.stack \}\}" --base "origin\/\$\{\{ github.base_ref \}\}" --format markdown > plan\.md/,
    );
    expect(runs(wf.jobs.plan).join('\n')).toContain('gh pr comment');
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
