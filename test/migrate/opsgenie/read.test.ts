/**
 * Reading an account through its REST API, against a local server that plays Opsgenie's API description
 * (test/fixtures/openapi/opsgenie-import.json, extracted from opsgenie/opsgenie-oas swagger.json at 71c5534):
 * every request must be an operation of the description with declared query parameters and the `GenieKey`
 * credential, and every answer of modules/bench/api/opsgenie-account.ts is checked against the operation's
 * responses. The account read back is the account served, endpoint by endpoint.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { opsgenieAccountHandler, type OpsgenieAccountOptions } from '../../../modules/bench/api/opsgenie-account';
import { publishOpsgenie } from '../../../modules/bench/api/opsgenie-publish';
import { serveApi } from '../../../modules/bench/api/handler';
import type { AccountExport } from '../../../modules/migrate/account';
import { ApiError } from '../../../modules/migrate/http';
import { readExportDir } from '../../../modules/migrate/export-dir';
import { join } from 'node:path';
import { opsgenieAdapter } from '../../../modules/migrate/opsgenie';
import { readOpsgenie } from '../../../modules/migrate/opsgenie/read';
import { analyse } from '../../../modules/pipeline';
import { renderStack } from '../../../modules/render/stack';
import { openApiServer, type Answer, type Call } from '../../pulumi/openapi-server';
import { fixtureTree, NOW } from '../../helpers';

const KEY = 'read-only-key-0123456789';
// One server for the file (compiling the description's schemas takes a while); each test gives its handler.
let handler: (call: Call) => Answer = () => ({ status: 500 });
let server: Awaited<ReturnType<typeof openApiServer>>;
beforeAll(async () => {
  server = await openApiServer('opsgenie-import.json', (call) => handler(call));
}, 60_000);
afterAll(() => server.close());

function serve(account: AccountExport, options: Partial<OpsgenieAccountOptions> = {}) {
  const answer = opsgenieAccountHandler(account, { key: KEY, ...options });
  handler = (call) => answer({ method: call.method, path: call.path, query: call.query, headers: call.headers as Record<string, string> });
  server.calls.length = 0;
  server.violations.length = 0;
  return server;
}

const sorted = (a: AccountExport) => [...a.endpoints].sort(([x], [y]) => x.localeCompare(y));

/** An account of `schedules` schedules in `teams` teams, each with a rotation and an override, and `users` users. */
function generated(users: number, teams: number, schedules: number): AccountExport {
  const endpoints = new Map<string, unknown[]>();
  const user = (n: number) => ({ id: `u${n}`, username: `user${n}@gen.example`, fullName: `User ${n}`, timeZone: 'Europe/Paris' });
  endpoints.set(
    'users',
    Array.from({ length: users }, (_, n) => user(n)),
  );
  for (let n = 0; n < users; n++) {
    endpoints.set(`users/u${n}/contacts`, [
      { id: `c${n}`, method: 'email', to: `user${n}@gen.example`, status: { enabled: true }, applyOrder: 0 },
    ]);
    endpoints.set(`users/u${n}/notification-rules`, []);
  }
  endpoints.set(
    'teams',
    Array.from({ length: teams }, (_, t) => ({
      id: `t${t}`,
      name: `Team ${t}`,
      members: [{ user: { id: `u${t % users}`, username: `user${t % users}@gen.example` }, role: 'admin' }],
    })),
  );
  for (let t = 0; t < teams; t++) endpoints.set(`teams/t${t}/routing-rules`, []);
  endpoints.set(
    'schedules',
    Array.from({ length: schedules }, (_, s) => ({
      id: `s${s}`,
      name: `Schedule ${s}`,
      timezone: 'Europe/Paris',
      enabled: true,
      ownerTeam: { id: `t${s % teams}`, name: `Team ${s % teams}` },
    })),
  );
  for (let s = 0; s < schedules; s++) {
    const participants = [0, 1, 2].map((k) => ({
      type: 'user',
      id: `u${(s + k) % users}`,
      username: `user${(s + k) % users}@gen.example`,
    }));
    endpoints.set(`schedules/s${s}/rotations`, [
      { id: `r${s}`, name: 'Rota', startDate: '2026-01-05T08:00:00Z', type: 'weekly', length: 1, participants },
    ]);
    endpoints.set(`schedules/s${s}/overrides`, [
      { alias: `o${s}`, user: participants[1], startDate: '2026-02-02T08:00:00Z', endDate: '2026-02-03T08:00:00Z', rotations: [] },
    ]);
  }
  endpoints.set('escalations', []);
  endpoints.set('integrations', []);
  return { backend: 'opsgenie', endpoints };
}

describe('reading an Opsgenie account', () => {
  it('reads back, endpoint by endpoint, an account the acme Opsgenie stack created', async () => {
    const org = analyse(fixtureTree(), NOW).organisation!;
    const account = publishOpsgenie(org, renderStack(org, { now: NOW, name: 'acme-opsgenie', backend: 'opsgenie' }));
    const server = serve(account);
    const headers = opsgenieAdapter.headersFromEnv({ OPSGENIE_API_KEY: KEY });
    const read = await opsgenieAdapter
      .read({ kind: 'api', baseUrl: server.url, headers: 'headers' in headers ? headers.headers : {} })
      .catch(() => undefined);
    expect(server.violations).toEqual([]);
    if (!read) throw new Error('not read');
    expect(sorted(read)).toEqual(sorted(account));
    expect(opsgenieAdapter.observe(read)).toEqual(opsgenieAdapter.observe(account));
  });

  it('reads an account of hundreds of schedules served in small pages, waiting out a few 429s', async () => {
    const account = generated(130, 30, 210);
    const throttled = new Set([3, 40, 41, 500]);
    const server = serve(account, { maxPage: 25, throttle: (n) => (throttled.has(n) ? 2 : undefined) });
    const waits: number[] = [];
    const read = await readOpsgenie({ kind: 'api', baseUrl: server.url, headers: { Authorization: `GenieKey ${KEY}` } }, async (ms) => {
      waits.push(ms);
    });
    expect(server.violations).toEqual([]);
    expect(sorted(read)).toEqual(sorted(account));
    expect(read.endpoints.get('users')).toHaveLength(130);
    // 130 users in pages of 25 (the server's largest): 6 pages, each asked at the previous one's `paging.next`.
    const pages = server.calls.filter((c) => c.operationId === 'listUsers');
    // The third request (the third page) is refused once with a 429, and asked again.
    expect(pages.map((c) => c.query.get('offset'))).toEqual(['0', '25', '50', '50', '75', '100', '125']);
    expect(waits).toEqual([2000, 2000, 2000, 2000]);
    const observed = opsgenieAdapter.observe(read);
    expect(observed.resources.filter((r) => r.type === 'opsgenie:index/schedule:Schedule')).toHaveLength(210);
    const imported = opsgenieAdapter.importTeams(observed, { phones: false, now: Date.parse('2026-01-01T00:00:00Z') });
    expect([...imported.teams.squads.values()].reduce((n, s) => n + Object.keys(s.rotations ?? {}).length, 0)).toBe(210);
  });

  it("serves the hand-written account (test/migrate/opsgenie/account/) as Opsgenie's description says, and reads it back whole", async () => {
    const account = readExportDir('opsgenie', join(__dirname, 'account'));
    const server = serve(account);
    const read = await readOpsgenie({ kind: 'api', baseUrl: server.url, headers: { Authorization: `GenieKey ${KEY}` } });
    expect(server.violations).toEqual([]);
    expect(sorted(read)).toEqual(sorted(account));
    // The Slack integration is read from its summary only: its settings have no YAML form.
    expect(server.calls.some((c) => c.path === '/v2/integrations/i-slack')).toBe(false);
  });

  it("is served the same by the bench's plain node:http wrapper", async () => {
    const account = generated(12, 2, 5);
    const bench = await serveApi(opsgenieAccountHandler(account, { key: KEY, maxPage: 5 }));
    try {
      const read = await readOpsgenie({ kind: 'api', baseUrl: bench.url, headers: { Authorization: `GenieKey ${KEY}` } });
      expect(sorted(read)).toEqual(sorted(account));
    } finally {
      await bench.close();
    }
  });

  it('refuses a wrong key with a message that names the path and never the key', async () => {
    const server = serve(generated(3, 1, 1));
    const error = await readOpsgenie({ kind: 'api', baseUrl: server.url, headers: { Authorization: 'GenieKey wrong-key-secret' } }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ApiError);
    expect((error as Error).message).toMatch(/\/v2\/users: HTTP 401/);
    expect((error as Error).message).not.toContain('wrong-key-secret');
  });

  it('takes the key from OPSGENIE_API_KEY, and names the variable when it is missing', () => {
    expect(opsgenieAdapter.headersFromEnv({ OPSGENIE_API_KEY: ' abc ' })).toEqual({ headers: { Authorization: 'GenieKey abc' } });
    expect(opsgenieAdapter.headersFromEnv({})).toEqual({ missing: ['OPSGENIE_API_KEY'] });
    expect(opsgenieAdapter.defaultBaseUrl).toBe('https://api.opsgenie.com');
  });
});
