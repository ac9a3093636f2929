/**
 * The example organisations under examples/, each modelled on a real on-call setup: every one validates without a
 * problem and plans on each of its stacks, as a new user copying it would see.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers';

const EXAMPLES = join(ROOT, 'examples');
const NOW = { ONCALL_NOW: '2026-12-01T12:00:00+01:00' };
/**
 * Warnings an example shows on purpose. The HNO contract pages nobody by day: PagerDuty has no urgency for that,
 * so it pages at low urgency there, and says so.
 */
const EXPECTED_WARNINGS: Record<string, string[]> = { 'managed-services': ['backend/pagerduty-outside-coverage'] };
const examples = readdirSync(EXAMPLES, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name);

describe.each(examples)('examples/%s', (example) => {
  const dir = join(EXAMPLES, example);
  const stacks = readdirSync(join(dir, 'stacks'))
    .filter((f) => /^Pulumi\..+\.yaml$/.test(f))
    .map((f) => f.slice('Pulumi.'.length, -'.yaml'.length));

  it('validates without errors, and without warnings but those it documents', async () => {
    const run = await runCli(['validate', '--format', 'json'], dir, NOW);
    const problems = (JSON.parse(run.stdout) as { problems: { code: string }[] }).problems;
    expect(problems.map((p) => p.code)).toEqual(EXPECTED_WARNINGS[example] ?? []);
    expect(run.code).toBe(0);
  });

  it('has a stack on each backend', () => {
    expect(stacks.map((s) => s.split('-').at(-1)).sort()).toEqual(['datadog', 'opsgenie', 'pagerduty']);
  });

  it.each(stacks)('plans %s', async (stack) => {
    const run = await runCli(['plan', '--stack', stack, '--format', 'json'], dir, NOW);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const plan = JSON.parse(run.stdout) as { resources: { type: string }[] };
    expect(plan.resources.some((r) => /schedule/i.test(r.type))).toBe(true);
  });
});
