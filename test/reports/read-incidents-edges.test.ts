/**
 * The readers on hand-written answers: a reassignment after an escalation lands at the level reached, an
 * unreadable time or a refused key gives a message that names where (and never the key).
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pagerDutyIncidents } from '../../modules/reports/pagerduty/read';
import { opsgenieIncidents } from '../../modules/reports/opsgenie/read';
import { readIncidents } from '../../modules/reports/read-incidents';
import { serveApi } from '../../modules/bench/api/handler';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const user = (id: string) => ({ id, type: 'user_reference', summary: id });
const service = { id: 'PS1', type: 'service_reference', summary: 'Payment API' };

describe('PagerDuty log entries', () => {
  const incident = { id: 'PI1', title: 'Queue backlog', created_at: '2026-03-08T01:50:00-05:00', service, urgency: 'high' };
  const entries = [
    {
      type: 'trigger_log_entry',
      created_at: '2026-03-08T01:50:00-05:00',
      channel: { type: 'api', details: { tags: ['service:payment-api', 'team:payments'] } },
    },
    { type: 'assign_log_entry', created_at: '2026-03-08T01:50:00-05:00', agent: service, assignees: [user('U1')] },
    { type: 'escalate_log_entry', created_at: '2026-03-08T03:20:00-04:00', agent: service, assignees: [user('U2')] },
    { type: 'assign_log_entry', created_at: '2026-03-08T03:25:00-04:00', agent: user('U2'), assignees: [user('U3')] },
    { type: 'acknowledge_log_entry', created_at: '2026-03-08T03:30:00-04:00', agent: user('U3') },
    { type: 'resolve_log_entry', created_at: '2026-03-08T04:00:00-04:00', agent: service },
  ];
  const users = [
    { id: 'U1', email: 'hugo@acme.example' },
    { id: 'U2', email: 'ines@acme.example' },
    { id: 'U3', email: 'jules@acme.example' },
  ];
  it('count levels from the policy assignment and escalations; a reassignment lands at the level reached', () => {
    const account = {
      backend: 'pagerduty' as const,
      endpoints: new Map<string, unknown[]>([
        ['users', users],
        ['incidents', [incident]],
        ['incidents/PI1/log_entries', entries],
      ]),
    };
    const [record] = pagerDutyIncidents(account, 0, Date.parse('2027-01-01T00:00:00Z'));
    // 01:50 EST is 06:50Z; 03:20 EDT (after the clock change at 02:00 EST) is 07:20Z: 30 minutes later.
    expect(record).toEqual({
      backend: 'pagerduty',
      id: 'PI1',
      title: 'Queue backlog',
      service: 'payment-api',
      team: 'payments',
      tags: ['service:payment-api', 'team:payments'],
      urgency: 'high',
      createdAt: Date.parse('2026-03-08T06:50:00Z'),
      acknowledgedAt: Date.parse('2026-03-08T07:30:00Z'),
      acknowledgedBy: 'jules@acme.example',
      resolvedAt: Date.parse('2026-03-08T08:00:00Z'),
      escalations: [
        { level: 1, at: Date.parse('2026-03-08T06:50:00Z'), to: ['hugo@acme.example'] },
        { level: 2, at: Date.parse('2026-03-08T07:20:00Z'), to: ['ines@acme.example'] },
        { level: 2, at: Date.parse('2026-03-08T07:25:00Z'), to: ['jules@acme.example'] },
      ],
    });
  });

  it('names the incident and field of a time it cannot read', () => {
    const account = {
      backend: 'pagerduty' as const,
      endpoints: new Map<string, unknown[]>([['incidents', [{ ...incident, created_at: 'yesterday' }]]]),
    };
    expect(() => pagerDutyIncidents(account, 0, Infinity)).toThrow('incident PI1, created_at: not a date-time: "yesterday"');
  });
});

describe('Opsgenie logs', () => {
  it('read levels and reassignments from the log texts, and the closure by an integration as nobody', () => {
    const alert = {
      id: 'A1',
      message: 'Disk space',
      createdAt: '2026-04-05T15:30:00.000Z',
      tags: ['service:infrastructure', 'team:platform'],
      priority: 'P1',
      report: { ackTime: 2_400_000, acknowledgedBy: 'farid@acme.example', closeTime: 3_600_000, closedBy: 'Datadog' },
    };
    const logs = [
      { log: 'Escalation [double-1h] rule 1 notified [emma@acme.example]', createdAt: '2026-04-05T15:30:00.000Z', offset: '1' },
      {
        log: 'Escalation [double-1h] rule 2 notified [farid@acme.example, gina@acme.example]',
        createdAt: '2026-04-05T16:00:00.000Z',
        offset: '2',
      },
      { log: 'Alert owner changed to [farid@acme.example]', createdAt: '2026-04-05T16:05:00.000Z', offset: '3' },
    ];
    const account = {
      backend: 'opsgenie' as const,
      endpoints: new Map<string, unknown[]>([
        ['alerts', [alert]],
        ['alerts/A1/logs', logs],
      ]),
    };
    const [record] = opsgenieIncidents(account, 0, Infinity);
    expect(record!.escalations).toEqual([
      { level: 1, at: Date.parse('2026-04-05T15:30:00Z'), to: ['emma@acme.example'] },
      { level: 2, at: Date.parse('2026-04-05T16:00:00Z'), to: ['farid@acme.example', 'gina@acme.example'] },
      { level: 2, at: Date.parse('2026-04-05T16:05:00Z'), to: ['farid@acme.example'] },
    ]);
    expect(record).toMatchObject({
      acknowledgedAt: Date.parse('2026-04-05T16:10:00Z'),
      resolvedAt: Date.parse('2026-04-05T16:30:00Z'),
      priority: 'P1',
    });
    expect(record!.resolvedBy).toBeUndefined();
  });
});

describe('reading errors', () => {
  it('a refused key: the path and status, never the key', async () => {
    const server = await serveApi(() => ({ status: 401, body: { error: { message: 'Unauthorized', code: 2006 } } }));
    try {
      const read = readIncidents(
        'pagerduty',
        { kind: 'api', baseUrl: server.url, headers: { Authorization: 'Token token=s3cr3t-k3y' } },
        0,
        1,
      );
      await expect(read).rejects.toThrow(/GET http:\/\/127\.0\.0\.1:\d+\/users: HTTP 401 \(is the key valid and allowed to read\?\)/);
      await read.catch((e: Error) => expect(e.message).not.toContain('s3cr3t'));
    } finally {
      await server.close();
    }
  });

  it('an export directory whose file is not a list', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'incidents-bad-'));
    dirs.push(dir);
    mkdirSync(join(dir, 'on-call'));
    writeFileSync(join(dir, 'on-call', 'pages.json'), '{"data": []}');
    await expect(readIncidents('datadog', { kind: 'dir', dir }, 0, 1)).rejects.toThrow(
      /pages\.json: expected an array of the endpoint's objects/,
    );
  });
});
