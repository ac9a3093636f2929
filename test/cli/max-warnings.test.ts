/** `--max-warnings N` fails a run with more than N warnings, as eslint's does; errors fail it whatever N. */
import { describe, expect, it } from 'vitest';
import { runCli, withEdit, writeTree } from '../helpers';

// One warning: the first escalation step of payments waits 5 minutes (`escalation/first-step-delayed`).
const dir = writeTree(
  withEdit(
    'payments/team.yaml',
    '      - notify: on-call\n      - after: 30m',
    '      - after: 5m\n        notify: on-call\n      - after: 30m',
  ),
);
const NOW = { ONCALL_NOW: '2026-11-22T12:00:00+01:00' };

describe('validate --max-warnings', () => {
  it('passes with the warnings allowed, without the option and up to N', async () => {
    const run = await runCli(['validate', '--teams', dir], undefined, NOW);
    expect(run.stdout).toContain('escalation/first-step-delayed');
    expect(run.code).toBe(0);
    expect((await runCli(['validate', '--teams', dir, '--max-warnings', '1'], undefined, NOW)).code).toBe(0);
  });

  it('fails above N and says why', async () => {
    const run = await runCli(['validate', '--teams', dir, '--max-warnings', '0'], undefined, NOW);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('oncall validate: 1 warning: more than --max-warnings 0 allows\n');
  });

  it('fails on an error whatever N', async () => {
    const broken = writeTree(withEdit('payments/team.yaml', 'manager: manon', 'manager: nobody'));
    const run = await runCli(['validate', '--teams', broken, '--max-warnings', '100'], undefined, NOW);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
  });
});

describe('readiness --max-warnings', () => {
  // The runbook of one alert is removed, and missing runbooks are a warning in this organisation.
  const tree = withEdit(
    'org.yaml',
    'pagingSeverities: [P1, P2, P3]',
    'pagingSeverities: [P1, P2, P3]\n  checks: { alert/runbook: warning }',
    withEdit('payments/team.yaml', '    runbook: runbooks/queue-depth.md\n', ''),
  );
  const warned = writeTree(tree);

  it('fails above N only', async () => {
    const run = await runCli(['readiness', '--teams', warned, '--format', 'json'], undefined, NOW);
    const findings = (JSON.parse(run.stdout) as { problems: { code: string; severity: string }[] }).problems;
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    const warnings = findings.filter((f) => f.severity === 'warning').length;
    expect(warnings).toBeGreaterThan(0);
    expect(run.code).toBe(0);
    expect((await runCli(['readiness', '--teams', warned, '--max-warnings', String(warnings)], undefined, NOW)).code).toBe(0);
    const over = await runCli(['readiness', '--teams', warned, '--max-warnings', String(warnings - 1)], undefined, NOW);
    expect(over.code).toBe(1);
    expect(over.stderr).toContain(`more than --max-warnings ${warnings - 1} allows`);
  });
});
