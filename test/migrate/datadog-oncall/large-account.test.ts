/**
 * A generated account of 20 teams and 200 schedules, served with pages of 7 objects (fewer than the 100 asked) and a
 * few 429 answers: the import reads all of it, every request valid against Datadog's API description, waits as
 * `Retry-After` says, and imports every schedule.
 */
import { describe, expect, it } from 'vitest';
import { DD } from '../../../modules/backends/datadog-oncall/resources';
import { datadogAccountHandler } from '../../../modules/bench/api/datadog-oncall-account';
import { publishDatadogAccount } from '../../../modules/bench/api/datadog-oncall-publish';
import { datadogOnCallAdapter } from '../../../modules/migrate/datadog-oncall/adapter';
import type { Organisation } from '../../../modules/model/types';
import { invoke, ref, type DesiredResource, type DesiredState } from '../../../modules/render/desired';
import { serveAccount } from './serve';

const KEYS = { 'DD-API-KEY': 'key', 'DD-APPLICATION-KEY': 'app' };
const user = (i: number) => invoke(DD.getUser, { filter: `person${i % 20}@large.example` });

/** 20 teams of 4 of 20 people, 10 schedules each (weekly, 2 layers for every other one), a policy and routing rules each. */
function largeState(teams = 20): { state: DesiredState; org: Organisation } {
  const resources: DesiredResource[] = [];
  const add = (type: string, name: string, squad: string, inputs: DesiredResource['inputs']) =>
    resources.push({ type, name, squad, inputs });
  for (let t = 0; t < teams; t++) {
    const team = `team${t}-team`;
    add(DD.team, team, `s${t}`, { name: `Team ${t}`, handle: `team${t}`, description: `Team ${t}` });
    for (let m = 0; m < 4; m++) add(DD.membership, `team${t}-p${m}`, `s${t}`, { teamId: ref(team), userId: user(t * 4 + m) });
    for (let s = 0; s < 10; s++) {
      const layer = (name: string, start: string, end?: string) => ({
        name,
        effectiveDate: start,
        rotationStart: start,
        ...(end ? { endDate: end } : {}),
        interval: { days: 7 },
        users: [user(t * 4 + (s % 4)), user(t * 4 + ((s + 1) % 4))],
      });
      const layers =
        s % 2 === 0
          ? [
              layer(`r${s} base`, '2026-01-05T09:00:00+01:00', '2026-03-02T09:00:00+01:00'),
              layer(`r${s} from-2026-03-02`, '2026-03-02T09:00:00+01:00'),
            ]
          : [layer(`r${s} base`, '2026-01-05T09:00:00+01:00')];
      add(DD.schedule, `team${t}-r${s}-schedule`, `s${t}`, {
        name: `Team ${t}: r${s}`,
        timeZone: 'Europe/Paris',
        teams: [ref(team)],
        layers,
      });
    }
    add(DD.escalation, `team${t}-main-escalation`, `s${t}`, {
      name: `Team ${t}: main`,
      teams: [ref(team)],
      retries: 1,
      steps: [{ escalateAfterSeconds: 1800, assignment: 'default', targets: [{ schedule: ref(`team${t}-r0-schedule`) }] }],
    });
    add(DD.routing, `team${t}-routing`, `s${t}`, {
      teamId: ref(team),
      rules: [{ escalationPolicy: ref(`team${t}-main-escalation`), urgency: 'high' }],
    });
  }
  const people = new Map(
    Array.from({ length: 20 }, (_, i) => [`p${i}`, { id: `p${i}`, name: `Person ${i}`, email: `person${i}@large.example` }]),
  );
  return { state: { stack: 'large', backend: 'datadog', resources }, org: { people } as unknown as Organisation };
}

describe('a large account served in small pages, with 429s', () => {
  const { state, org } = largeState();
  const account = publishDatadogAccount(state, org);

  it('is read completely and imported whole', async () => {
    const server = await serveAccount(
      datadogAccountHandler(account, { keys: KEYS, pageSizeCap: 7, throttle: [3, 40, 41, 500], retryAfter: 0 }),
    );
    try {
      const read = await datadogOnCallAdapter.read({ kind: 'api', baseUrl: server.url, headers: KEYS });
      expect(server.violations).toEqual([]);
      expect(read.endpoints.get('on-call/schedules')).toHaveLength(200);
      expect(Object.fromEntries(read.endpoints)).toEqual(Object.fromEntries(account.endpoints));
      // Each request answered 429 was asked again, the same, later.
      const asked = server.calls.map((c) => `${c.path}?${c.query.toString()}`);
      for (const n of [3, 40, 41, 500]) expect(asked.indexOf(asked[n]!, n + 1)).toBeGreaterThan(n);
      const result = datadogOnCallAdapter.importTeams(datadogOnCallAdapter.observe(read), {
        phones: false,
        now: Date.parse('2026-01-01T00:00:00Z'),
      });
      expect(result.teams.squads.size).toBe(20);
      expect([...result.teams.squads.values()].reduce((n, s) => n + Object.keys(s.rotations ?? {}).length, 0)).toBe(200);
      expect(result.findings).toEqual([]);
    } finally {
      await server.close();
    }
  }, 30_000);

  it('waits as long as Retry-After says before asking again', async () => {
    const small = largeState(1);
    const server = await serveAccount(
      datadogAccountHandler(publishDatadogAccount(small.state, small.org), { keys: KEYS, throttle: [0], retryAfter: 1 }),
    );
    try {
      await datadogOnCallAdapter.read({ kind: 'api', baseUrl: server.url, headers: KEYS });
      const [first, second] = server.calls;
      expect(second!.path).toBe(first!.path);
      expect(second!.at - first!.at).toBeGreaterThanOrEqual(1000);
    } finally {
      await server.close();
    }
  }, 30_000);

  it('is refused without the keys, and the error names no key', async () => {
    const server = await serveAccount(datadogAccountHandler(account, { keys: KEYS }));
    try {
      const wrong = { 'DD-API-KEY': 'secret-api-key-123', 'DD-APPLICATION-KEY': 'app' };
      const error = await datadogOnCallAdapter.read({ kind: 'api', baseUrl: server.url, headers: wrong }).catch((e: Error) => e);
      expect(String(error)).toMatch(/HTTP 403/);
      expect(String(error)).not.toContain('secret-api-key-123');
    } finally {
      await server.close();
    }
  });
});
