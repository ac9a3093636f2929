/**
 * Every readiness check can fire through `oncall readiness` on an organisation that `oncall validate`
 * accepts: a check that validation always refuses first would be dead code with a documentation page.
 */
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../modules/cli/main';
import type { Io } from '../../modules/cli/io';
import { READINESS_CHECKS } from '../../modules/core/readiness-checks';
import type { SourceTree } from '../../modules/spec/source';
import { fixtureTree, NOW, withEdit, writeTree } from '../helpers';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: Io = {
    out: (t) => void (out += `${t}\n`),
    err: (t) => void (err += `${t}\n`),
    now: () => new Date(NOW),
    cwd: process.cwd(),
    env: process.env,
  };
  const code = await main(argv, io);
  return { code, out, err };
}

const SF = 'storefront/team.yaml';
const PAY = 'payments/team.yaml';
const base = () => fixtureTree();

/**
 * The checks fed by the paging history fire only with one (`--stack` or `--from-dir`): they are reached through
 * the CLI with a history in test/reports/readiness-history.test.ts.
 */
const HISTORY_CHECKS = ['alert/noisy', 'alert/late-acknowledgement'] as const;

/** One edit of the tests' organisation per check, each making that check (and only a few others) fire. */
const CASES: Record<Exclude<keyof typeof READINESS_CHECKS, (typeof HISTORY_CHECKS)[number]>, () => SourceTree> = {
  'alert/runbook': () => withEdit(SF, '    runbook: runbooks/checkout.md\n', '', base()),
  'alert/runbook-sections': () => withEdit('storefront/runbooks/checkout.md', /## Expected time[^\n]*\n/, '## Later\n', base()),
  'alert/runbook-https': () =>
    withEdit(
      PAY,
      'runbook: https://wiki.acme.example/runbooks/payments/p99-latency',
      'runbook: http://wiki.acme.example/runbooks/payments/p99-latency',
      base(),
    ),
  // Validate owns "the routed rotations have someone on call" (coverage/gap, on the actual shifts); the check
  // owns "a paging alert has somewhere to go": here a squad with alerts that page and no rotation at all.
  'alert/escalation-coverage': () => withEdit(PAY, /rotations:\n[\s\S]*?\nservices:/, 'services:', base()),
  'alert/paging-severity': () => withEdit(PAY, '    severity: P3\n', '    severity: P5\n    page: true\n', base()),
  'alert/thresholds': () =>
    withEdit(
      'platform/team.yaml',
      'thresholds: { critical: "< 14", warning: "< 30" }',
      'thresholds: { critical: "< 14", warning: "> 30" }',
      base(),
    ),
  'alert/duplicate-name': () =>
    withEdit(PAY, 'title: Payment API p99 latency above 1.5 s', 'title: Payment API error rate above 2%', base()),
  'service/paging-alert': () => {
    let tree = base();
    for (const id of ['shop-home-page', 'shop-checkout', 'shop-5xx-rate', 'shop-availability']) {
      tree = withEdit(SF, new RegExp(`(  ${id}:\\n(?:    .*\\n)*?)    severity: P[12]\\n`), '$1    severity: P3\n    page: false\n', tree);
    }
    return tree;
  },
  'service/synthetic-check': () => withEdit(PAY, /  payments-api-health:\n(    .*\n)+\n/, '', base()),
};

describe('every readiness check is reachable through the CLI', () => {
  it('has a case per check', () => {
    expect([...Object.keys(CASES), ...HISTORY_CHECKS].sort()).toEqual(Object.keys(READINESS_CHECKS).sort());
  });

  it.each(Object.keys(CASES) as Array<keyof typeof CASES>)('%s', async (check) => {
    const dir = writeTree(CASES[check]());
    dirs.push(dir);
    const validate = await run(['validate', '--teams', dir]);
    expect(validate.err + validate.out, 'validate accepts the organisation').not.toMatch(/ error /);
    expect(validate.code).toBe(0);
    const readiness = await run(['readiness', '--teams', dir, '--format', 'json']);
    expect(readiness.err).toBe('');
    expect(readiness.code).toBe(1);
    const checks = (JSON.parse(readiness.out) as { problems: Array<{ code: string }> }).problems.map((f) => f.code);
    expect(checks).toContain(check);
  });

  it('alert/escalation-coverage also finds a weekly hole in routing that the schedule has not reached yet', async () => {
    // Rotations starting after the horizon of validate's schedule checks: their gaps are only `coverage/not-started` warnings.
    let tree = withEdit(PAY, /start: 2026-01-05/g, 'start: 2027-06-07', base());
    tree = withEdit(PAY, 'coverage: business-hours', 'coverage: [{ days: monday-thursday, from: "09:00", to: "18:00" }]', tree);
    const dir = writeTree(tree);
    dirs.push(dir);
    expect((await run(['validate', '--teams', dir])).code).toBe(0);
    const readiness = await run(['readiness', '--teams', dir, '--format', 'json']);
    const findings = (JSON.parse(readiness.out) as { problems: Array<{ code: string; message: string }> }).problems;
    expect(findings.filter((f) => f.code === 'alert/escalation-coverage').map((f) => f.message)).toContain(
      '`payments-api-health` can fire when squad `payments` routes it to nobody on call: Fri 09:00–Fri 18:00',
    );
  });
});
