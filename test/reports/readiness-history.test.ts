/**
 * `oncall readiness` fed by the paging history: a noisy alert gets `alert/noisy` with its counts, an alert never
 * acknowledged within its target gets `alert/late-acknowledgement`; a silence with a reason and a future end
 * hides the finding, an expired one no longer does; the threshold and window come from org.yaml.
 */
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { readinessCommandWith } from '../../modules/cli/commands/readiness';
import type { IncidentRecord } from '../../modules/reports/incident-record';
import { withEdit, writeTree } from '../helpers';
import { captureIo, servedReader, type Asked } from './cli-io';
import { email } from './history';
import { reportTree } from './report-org';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const NOW = Date.parse('2026-09-15T12:00:00Z');
const DAY = 86_400_000;
const MIN = 60_000;

/** `n` pages of an alert, one a day going back from yesterday, each acknowledged after `ackMinutes`. */
function pages(alert: string, team: string, service: string, n: number, ackMinutes: number, person: string): IncidentRecord[] {
  return Array.from({ length: n }, (_, i) => {
    const createdAt = NOW - (i + 1) * DAY;
    return {
      backend: 'opsgenie' as const,
      id: `${alert}-${i}`,
      title: alert,
      team,
      service,
      tags: [`alert-id:${alert}`, `service:${service}`],
      createdAt,
      acknowledgedAt: createdAt + ackMinutes * MIN,
      acknowledgedBy: email(person),
      escalations: [{ level: 1, at: createdAt, to: [email(person)] }],
    };
  });
}

// 12 queue alarms in the last 30 days (more than 10), quickly acknowledged; 3 TLS pages, each after 2 hours
// (its policy aims at 1 hour); the same queue alarms 40 to 60 days ago do not count.
const history = [
  ...pages('payments-queue-depth', 'Payments', 'payment-api', 12, 5, 'hugo'),
  ...pages('platform-tls-expiring', 'Platform', 'infrastructure', 3, 120, 'emma'),
  ...pages('payments-api-health', 'Payments', 'payment-api', 30, 3, 'ines').map((r) => ({ ...r, createdAt: r.createdAt - 40 * DAY })),
];

async function readiness(tree = reportTree(), asked: Asked[] = []) {
  const dir = writeTree(tree);
  dirs.push(dir);
  const c = captureIo(NOW);
  const code = await readinessCommandWith(servedReader(history, asked))(
    ['--teams', dir, '--format', 'json', '--from-dir', 'exports', '--backend', 'opsgenie'],
    c.io,
  );
  const findings = JSON.parse(c.out()).problems as Array<{ code: string; alert?: string; message: string; severity: string }>;
  return { code, err: c.err(), findings: findings.filter((f) => f.code === 'alert/noisy' || f.code === 'alert/late-acknowledgement') };
}

const silence = (check: string, until: string) =>
  `    runbook: runbooks/queue-depth.md\n    silence:\n      - { check: ${check}, reason: the consumer is being rewritten, until: ${until} }\n`;

describe('readiness fed by the paging history', () => {
  it('finds the noisy alert with its counts and the one never acknowledged within its target', async () => {
    const asked: Asked[] = [];
    const { findings, err } = await readiness(reportTree(), asked);
    expect(err).toBe('');
    // The last 30 days up to now.
    expect(asked.map((a) => [a.backend, a.since, a.until])).toEqual([['opsgenie', NOW - 30 * DAY, NOW]]);
    expect(findings.map((f) => [f.code, f.alert, f.severity])).toEqual([
      ['alert/noisy', 'payments-queue-depth', 'warning'],
      ['alert/late-acknowledgement', 'platform-tls-expiring', 'warning'],
    ]);
    expect(findings[0]!.message).toContain('paged 12 times in the last 30 days on opsgenie (more than 10; 12 acknowledged)');
    expect(findings[1]!.message).toContain('never acknowledged within its 60-minute response target');
  });

  it('does not run without a history', async () => {
    const dir = writeTree(reportTree());
    dirs.push(dir);
    const c = captureIo(NOW);
    await readinessCommandWith(servedReader(history))(['--teams', dir, '--format', 'json'], c.io);
    expect(c.out()).not.toMatch(/alert\/noisy|alert\/late-acknowledgement/);
  });

  it('takes the threshold and window from org.yaml', async () => {
    const { findings } = await readiness(reportTree('reports: { noisy: { pages: 12, days: 30 } }\n'));
    expect(findings.map((f) => f.code)).toEqual(['alert/late-acknowledgement']);
    const wide = await readiness(reportTree('reports: { noisy: { pages: 20, days: 90 } }\n'));
    expect(wide.findings.map((f) => [f.code, f.alert])).toContainEqual(['alert/noisy', 'payments-api-health']);
  });

  it('is silenced on the alert with a reason until a date, and comes back once the silence has expired', async () => {
    const silenced = withEdit(
      'payments/team.yaml',
      '    runbook: runbooks/queue-depth.md\n',
      silence('alert/noisy', '2026-10-31'),
      reportTree(),
    );
    expect((await readiness(silenced)).findings.map((f) => f.alert)).toEqual(['platform-tls-expiring']);
    const expired = withEdit(
      'payments/team.yaml',
      '    runbook: runbooks/queue-depth.md\n',
      silence('alert/noisy', '2026-09-14'),
      reportTree(),
    );
    const again = (await readiness(expired)).findings.find((f) => f.code === 'alert/noisy');
    expect(again?.message).toContain('(its silence expired on 2026-09-14)');
  });
});
