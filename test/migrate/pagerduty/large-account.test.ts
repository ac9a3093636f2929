/**
 * A generated account of hundreds of schedules, served in small pages with a few `429 Too Many Requests`: the
 * reader follows `offset`/`limit`/`more` to the end, waits as `Retry-After` says, and reads every object once.
 * Every request and answer is checked against PagerDuty's description (PagerDuty/api-schema 91a06fb).
 */
import { describe, expect, it } from 'vitest';
import type { AccountExport } from '../../../modules/migrate/account';
import { PD_KEYS } from '../../../modules/migrate/pagerduty/api-types';
import { observePagerDuty } from '../../../modules/migrate/pagerduty/observe';
import { importPagerDuty } from '../../../modules/migrate/pagerduty/import-teams';
import { pagerdutyAccountHandler } from '../../../modules/bench/api/pagerduty-account';
import { serveApi } from '../../../modules/bench/api/handler';
import { readPagerDuty } from '../../../modules/migrate/pagerduty/read';
import { serveAndRead, TOKEN } from './round-trip';

const NOW = Date.parse('2026-03-02T00:00:00Z');
const id = (kind: string, n: number) => `P${kind}${String(n).padStart(5, '0')}`;

function generated(schedules: number): AccountExport {
  const endpoints = new Map<string, unknown[]>();
  const users = Array.from({ length: 40 }, (_, i) => ({
    id: id('U', i),
    type: 'user',
    name: `Person ${i}`,
    email: `p${i}@example.com`,
    time_zone: i % 2 ? 'Europe/Paris' : 'America/New_York',
  }));
  endpoints.set(PD_KEYS.users, users);
  for (const u of users) {
    endpoints.set(PD_KEYS.contactMethods(u.id), [{ id: `${u.id}C`, type: 'email_contact_method', label: 'Default', address: u.email }]);
    endpoints.set(PD_KEYS.notificationRules(u.id), []);
  }
  const teams = Array.from({ length: 20 }, (_, i) => ({ id: id('T', i), type: 'team', name: `Team ${i}` }));
  endpoints.set(PD_KEYS.teams, teams);
  teams.forEach((t, i) =>
    endpoints.set(
      PD_KEYS.members(t.id),
      [0, 1].map((k) => ({ user: { id: users[(2 * i + k) % 40]!.id, type: 'user_reference' }, role: 'responder' })),
    ),
  );
  const list = Array.from({ length: schedules }, (_, i) => ({
    id: id('S', i),
    type: 'schedule',
    name: `Schedule ${i}`,
    time_zone: i % 2 ? 'Europe/Paris' : 'America/New_York',
    teams: [{ id: teams[i % 20]!.id, type: 'team_reference' }],
    schedule_layers: [
      {
        id: id('L', i),
        name: 'Layer 1',
        start: '2026-01-05T09:00:00Z',
        rotation_virtual_start: '2026-01-05T09:00:00Z',
        rotation_turn_length_seconds: 86_400 * (1 + (i % 7)),
        users: [0, 1, 2].map((k) => ({ user: { id: users[(i + k) % 40]!.id, type: 'user_reference' } })),
        restrictions: [],
      },
    ],
  }));
  endpoints.set(PD_KEYS.schedules, list);
  for (const s of list)
    endpoints.set(PD_KEYS.overrides(s.id), [
      { id: `${s.id}O`, start: '2026-04-01T09:00:00Z', end: '2026-04-02T09:00:00Z', user: { id: users[0]!.id, type: 'user_reference' } },
    ]);
  endpoints.set(PD_KEYS.escalationPolicies, []);
  endpoints.set(PD_KEYS.services, []);
  endpoints.set(PD_KEYS.vendors, []);
  return { backend: 'pagerduty', endpoints };
}

describe('a large account', () => {
  it('is read whole through small pages and 429s', async () => {
    const account = generated(300);
    const waits: number[] = [];
    // Every 53rd request is refused once, 2 s to wait; listServices declares no 429 and is left alone.
    const { read, violations, calls } = await serveAndRead(
      account,
      { since: NOW, until: NOW + 366 * 86_400_000 },
      {
        limit: 7,
        throttle: (n, path) => (n % 53 === 52 && path !== '/services' ? 2 : undefined),
        sleep: async (ms) => void waits.push(ms),
      },
    );
    expect(violations).toEqual([]);
    for (const [key, objects] of account.endpoints) expect(read.endpoints.get(key), key).toEqual(objects);
    const refused = calls.length - new Set(calls.map((c) => `${c.path}?${c.query.toString()}`)).size;
    expect(refused).toBeGreaterThan(5);
    expect(waits).toEqual(Array.from({ length: refused }, () => 2000));
    // 300 schedules in pages of 7: 43 pages, each asked with the layers included.
    const schedulePages = calls.filter((c) => c.path === '/schedules');
    expect(new Set(schedulePages.map((c) => c.query.get('offset'))).size).toBe(43);
    expect(schedulePages.every((c) => c.query.getAll('include[]').includes('schedule_layers') && c.query.get('limit') === '7')).toBe(true);
    const imported = importPagerDuty(observePagerDuty(read, { now: NOW }), { phones: false, now: NOW });
    expect([...imported.teams.squads.values()].reduce((n, s) => n + Object.keys(s.rotations ?? {}).length, 0)).toBe(300);
  }, 60_000);

  it('is read the same through the plain server of the benchmark', async () => {
    const account = generated(30);
    const served = await serveApi(pagerdutyAccountHandler(account, { token: TOKEN }));
    try {
      const read = await readPagerDuty(
        { kind: 'api', baseUrl: served.url, headers: { Authorization: `Token token=${TOKEN}` } },
        { window: { since: NOW, until: NOW + 366 * 86_400_000 }, limit: 4 },
      );
      for (const [key, objects] of account.endpoints) expect(read.endpoints.get(key), key).toEqual(objects);
    } finally {
      await served.close();
    }
  });

  it('fails on a wrong key with the status, never the key', async () => {
    const attempt = serveAndRead(generated(3), { since: NOW, until: NOW + 86_400_000 }, { token: 'wrong-secret-key' });
    await expect(attempt).rejects.toThrow(/HTTP 401/);
    await expect(attempt).rejects.not.toThrow(/wrong-secret-key|u\+read-only/);
    expect(TOKEN).not.toBe('wrong-secret-key');
  });
});
