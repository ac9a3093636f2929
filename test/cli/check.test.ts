/**
 * `oncall check`: one run gives what `validate`, `readiness --base` and `plan --stack S --base` give separately
 * (compared with those commands' own outputs), the files unchanged since the base are parsed once, and the SARIF
 * log is valid against the official SARIF 2.1.0 schema (test/fixtures/sarif/, from oasis-tcs/sarif-spec).
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCount } from '../../modules/spec/parse-cache';
import { exampleRepo, type Repo } from '../git-repo';
import { ROOT, runCli } from '../helpers';

const NOW = { ONCALL_NOW: '2026-11-22T12:00:00+01:00' };
const repos: Repo[] = [];
afterAll(() => repos.forEach((r) => rmSync(r.dir, { recursive: true, force: true })));
function repo(): Repo {
  const r = exampleRepo();
  repos.push(r);
  return r;
}
const run = (r: Repo, ...args: string[]) => runCli([...args, '--teams', 'teams'], r.dir, NOW);
const stacksOf = (r: Repo) =>
  readdirSync(join(r.dir, 'stacks'))
    .map((f) => /^Pulumi\.(.+)\.yaml$/.exec(f)?.[1])
    .filter((s): s is string => s !== undefined)
    .sort();
const lines = (text: string) => text.split('\n').filter(Boolean).sort();

/** The official schema is draft-04; its keywords used here mean the same in draft-07 once `id` is `$id`. */
function sarifValidator() {
  const {
    $schema: _draft04,
    id,
    ...schema
  } = JSON.parse(readFileSync(join(ROOT, 'test', 'fixtures', 'sarif', 'sarif-schema-2.1.0.json'), 'utf8'));
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile({ $id: id, ...schema });
}

/** A pull request: a new alert without a runbook (a readiness finding) and a rotation handed to someone else. */
function changedRepo(): Repo {
  const r = repo();
  r.edit(
    'storefront/team.yaml',
    'alerts:\n',
    'alerts:\n  shop-search:\n    title: Search answers\n    kind: http-check\n    severity: P2\n    request: { url: "https://www.acme.example/search?q=test" }\n\n',
  );
  r.commit('search alert');
  return r;
}

describe('oncall check', () => {
  it('gives the problems of validate and readiness, and the plan of every stack, as the separate commands do', async () => {
    const r = changedRepo();
    const check = await run(r, 'check', '--base', 'HEAD~1', '--annotations', 'github', '--sarif', 'out.sarif', '--comment', 'plan.md');
    // The new alert has no runbook: an error-level readiness finding.
    expect(check.code).toBe(1);
    const validate = await run(r, 'validate', '--format', 'github');
    const readiness = await run(r, 'readiness', '--base', 'HEAD~1', '--format', 'github');
    expect(readiness.stdout).toContain('alert/runbook');
    expect(lines(check.stdout)).toEqual(lines(validate.stdout + readiness.stdout));

    const comment = readFileSync(join(r.dir, 'plan.md'), 'utf8');
    expect(comment.split('\n')[0]).toBe('<!-- oncall-plan -->');
    expect(comment).toContain((await run(r, 'validate', '--format', 'markdown')).stdout.trim());
    expect(comment).toContain((await run(r, 'readiness', '--base', 'HEAD~1', '--format', 'markdown')).stdout.trim());
    expect(stacksOf(r).length).toBeGreaterThan(1);
    for (const stack of stacksOf(r)) {
      const plan = await run(r, 'plan', '--stack', stack, '--base', 'HEAD~1', '--format', 'markdown');
      expect(plan.code).toBe(0);
      expect(plan.stdout).toContain('shop-search');
      expect(comment).toContain(plan.stdout.trim());
    }

    const sarif = JSON.parse(readFileSync(join(r.dir, 'out.sarif'), 'utf8'));
    const valid = sarifValidator();
    expect(valid(sarif), JSON.stringify(valid.errors)).toBe(true);
    const separate = [
      ...JSON.parse((await run(r, 'validate', '--format', 'sarif')).stdout).runs[0].results,
      ...JSON.parse((await run(r, 'readiness', '--base', 'HEAD~1', '--format', 'sarif')).stdout).runs[0].results,
    ];
    const key = (x: any) => JSON.stringify([x.ruleId, x.level, x.message.text, x.locations]);
    expect(sarif.runs[0].results.map(key).sort()).toEqual(separate.map(key).sort());
  });

  it('without --annotations, prints the problems and the plans as text, like the three commands', async () => {
    const r = changedRepo();
    const check = await run(r, 'check', '--base', 'HEAD~1');
    expect(check.code).toBe(1);
    const plan = await run(r, 'plan', '--stack', 'acme-pagerduty', '--base', 'HEAD~1');
    expect(check.stdout).toContain(plan.stdout.trim());
    expect(check.stdout).toContain((await run(r, 'readiness', '--base', 'HEAD~1')).stdout.trim());
    expect(check.stdout).toContain((await run(r, 'validate')).stdout.trim());
  });

  it('a deletion the YAML did not retire exits 1 and is named in the comment, as plan --base does', async () => {
    const r = repo();
    rmSync(join(r.teams, 'platform'), { recursive: true });
    r.commit('remove platform');
    const plan = await run(r, 'plan', '--stack', 'acme-pagerduty', '--base', 'HEAD~1', '--format', 'markdown');
    expect(plan.code).toBe(1);
    const check = await run(r, 'check', '--base', 'HEAD~1', '--comment', 'plan.md');
    expect(check.code).toBe(1);
    const comment = readFileSync(join(r.dir, 'plan.md'), 'utf8');
    expect(comment).toContain('**Blocked**');
    expect(comment).toContain(plan.stdout.trim());
    expect(comment).toContain('`platform-primary-schedule`');
  });

  it('a base that does not load exits 1, as plan --base does, with the errors of the base in the comment', async () => {
    const r = repo();
    const org = readFileSync(join(r.teams, 'org.yaml'), 'utf8');
    r.write('teams/org.yaml', `${org}\nnot: [closed\n`);
    r.commit('broken');
    r.write('teams/org.yaml', org);
    r.commit('fixed');
    const plan = await run(r, 'plan', '--stack', 'acme-pagerduty', '--base', 'HEAD~1');
    expect(plan.code).toBe(1);
    expect(plan.stderr).toContain('does not load');
    const check = await run(r, 'check', '--base', 'HEAD~1', '--comment', 'plan.md');
    expect(check.code).toBe(1);
    const comment = readFileSync(join(r.dir, 'plan.md'), 'utf8');
    expect(comment).toContain('the organisation at `HEAD~1` does not load, so what the stack deployed there is unknown');
    expect(comment).toContain('teams/org.yaml');
  });

  it('passes when nothing fails, and fails on more warnings than --max-warnings', async () => {
    const r = repo();
    const clean = await run(r, 'check', '--base', 'HEAD', '--comment', 'plan.md');
    expect(clean.code).toBe(0);
    expect(readFileSync(join(r.dir, 'plan.md'), 'utf8')).toContain('0 alerts added or changed since HEAD');
    // A stray file at the top of the teams directory is a warning.
    r.write('teams/notes.yaml', 'a: 1\n');
    const warnings = JSON.parse((await run(r, 'validate', '--format', 'json')).stdout).problems.length;
    expect(warnings).toBeGreaterThan(0);
    expect((await run(r, 'check', '--base', 'HEAD', '--max-warnings', String(warnings))).code).toBe(0);
    const over = await run(r, 'check', '--base', 'HEAD', '--max-warnings', String(warnings - 1));
    expect(over.code).toBe(1);
    expect(over.stderr).toContain('more than --max-warnings');
  });

  it('usage errors exit 2: no --base, an unknown ref, an unknown annotation format', async () => {
    const r = repo();
    expect((await run(r, 'check')).code).toBe(2);
    expect((await run(r, 'check', '--base', 'no-such-ref')).code).toBe(2);
    expect((await run(r, 'check', '--base', 'HEAD', '--annotations', 'gitlab')).code).toBe(2);
    const unwritable = await run(r, 'check', '--base', 'HEAD', '--comment', 'no-such-folder/plan.md');
    expect(unwritable.code).toBe(2);
    expect(unwritable.stderr).toContain('--comment: cannot write `no-such-folder/plan.md`');
  });

  it('parses a file unchanged since the base once, where the separate commands parse it once each', async () => {
    const r = repo();
    let before = parseCount();
    await run(r, 'validate');
    const files = parseCount() - before;
    expect(files).toBeGreaterThan(3);
    before = parseCount();
    await run(r, 'readiness', '--base', 'HEAD');
    expect(parseCount() - before).toBe(2 * files);
    before = parseCount();
    expect((await run(r, 'check', '--base', 'HEAD')).code).toBe(0);
    expect(parseCount() - before).toBe(files);
    // One file changed since the base: that file alone is parsed twice (its two texts).
    r.edit('storefront/team.yaml', 'name: Storefront', 'name: Store front');
    before = parseCount();
    await run(r, 'check', '--base', 'HEAD');
    expect(parseCount() - before).toBe(files + 1);
  });
});
