/**
 * The Opsgenie and Datadog On-Call override providers against local servers that check every request and answer
 * against the vendors' API descriptions (test/fixtures/openapi/).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeOpsgenieOverrideProvider } from '../../modules/pulumi/overrides/opsgenie';
import { makeDatadogOverrideProvider } from '../../modules/pulumi/overrides/datadog';
import type { HttpPolicy } from '../../modules/pulumi/overrides/http';
import { openApiServer, type Answer, type Call } from './openapi-server';

const FAST: HttpPolicy = { attemptTimeoutMs: 1_000, deadlineMs: 10_000, baseDelayMs: 20, maxDelayMs: 200 };
const saved = { ...process.env };
beforeEach(() => {
  process.env = { ...saved };
});
afterEach(() => {
  process.env = { ...saved };
});

const OG_KEY = 'og-secret-key-0123';
const base = { requestId: 'req-1', took: 0.01 };

interface OgOverride {
  alias: string;
  user: { type: 'user'; username: string };
  startDate: string;
  endDate: string;
}

/** One Opsgenie schedule's overrides by alias, answered as opsgenie-oas describes them. */
function opsgenieFake(script: { post?: (call: Call, n: number) => Answer | 'store' } = {}) {
  const store = new Map<string, OgOverride>();
  let posts = 0;
  const notFound: Answer = { status: 404, body: { ...base, message: 'Could not find schedule override', code: 40401 } };
  const save = (call: Call, alias: string): void => {
    const b = call.body as OgOverride;
    store.set(alias, { alias, user: { type: 'user', username: b.user.username }, startDate: b.startDate, endDate: b.endDate });
  };
  const handler = (call: Call): Answer => {
    const alias = call.params.alias ?? '';
    switch (call.operationId) {
      case 'getScheduleOverride':
        return store.has(alias) ? { status: 200, body: { ...base, data: store.get(alias) } } : notFound;
      case 'createScheduleOverride': {
        const scripted = script.post?.(call, ++posts) ?? 'store';
        if (scripted !== 'store') return scripted;
        save(call, (call.body as OgOverride).alias);
        return { status: 201, body: { ...base, data: { alias: (call.body as OgOverride).alias } } };
      }
      case 'updateScheduleOverride':
        if (!store.has(alias)) return notFound;
        save(call, alias);
        return { status: 200, body: { ...base, data: { alias } } };
      case 'deleteScheduleOverride':
        if (!store.delete(alias)) return notFound;
        return { status: 200, body: { ...base, result: 'Deleted' } };
      default:
        return { status: 500, outage: true };
    }
  };
  return { store, handler, save };
}

const ogInputs = (url: string) => ({
  scheduleId: 'sched-1',
  alias: 'storefront-oncall-override-20991224T1700Z',
  username: 'bruno@acme.example',
  startDate: '2099-12-24T17:00:00Z',
  endDate: '2099-12-26T08:00:00Z',
  connection: { apiKey: OG_KEY, apiUrl: url },
});

describe('Opsgenie overrides by alias (opsgenie-oas: create, get, update, delete ScheduleOverride)', () => {
  it('creates once the alias is known to be free, updates in place, deletes by alias', async () => {
    const fake = opsgenieFake();
    const api = await openApiServer('opsgenie-overrides.json', fake.handler);
    try {
      const provider = makeOpsgenieOverrideProvider(FAST);
      const inputs = ogInputs(api.url);
      const created = await provider.create(inputs);
      expect(created.id).toBe(inputs.alias);
      expect(api.calls.map((c) => c.operationId)).toEqual(['getScheduleOverride', 'createScheduleOverride']);
      expect(api.calls[1]!.query.get('scheduleIdentifierType')).toBe('id');
      expect(api.calls[1]!.headers.authorization).toBe(`GenieKey ${OG_KEY}`);

      const moved = { ...inputs, username: 'chloe@acme.example' };
      expect(await provider.diff!(created.id, created.outs, moved)).toMatchObject({ changes: true, replaces: [] });
      const updated = await provider.update!(created.id, created.outs, moved);
      expect(fake.store.get(inputs.alias)?.user.username).toBe('chloe@acme.example');

      await provider.delete!(created.id, updated.outs);
      expect(fake.store.size).toBe(0);
      expect(api.violations).toEqual([]);
    } finally {
      await api.close();
    }
  });

  it('a POST whose answer is lost is not sent again when the alias already holds the override', async () => {
    const fake = opsgenieFake({
      post: (call, n) => {
        if (n > 1) return 'store';
        fake.save(call, (call.body as OgOverride).alias);
        return { status: 201, body: { ...base, data: { alias: (call.body as OgOverride).alias } }, delayMs: 2_500 };
      },
    });
    const api = await openApiServer('opsgenie-overrides.json', fake.handler);
    try {
      await makeOpsgenieOverrideProvider(FAST).create(ogInputs(api.url));
      expect(api.calls.map((c) => c.operationId)).toEqual(['getScheduleOverride', 'createScheduleOverride', 'getScheduleOverride']);
      expect(fake.store.size).toBe(1);
      expect(api.violations).toEqual([]);
    } finally {
      await api.close();
    }
  });

  it('waits X-RateLimit-Period-In-Sec after a 429 without Retry-After', async () => {
    let first = true;
    const fake = opsgenieFake();
    const api = await openApiServer('opsgenie-overrides.json', (call) => {
      if (call.operationId === 'getScheduleOverride' && first) {
        first = false;
        return {
          status: 429,
          headers: { 'X-RateLimit-State': 'THROTTLED', 'X-RateLimit-Period-In-Sec': '1' },
          body: { ...base, message: 'Too many requests', code: 42900 },
        };
      }
      return fake.handler(call);
    });
    try {
      await makeOpsgenieOverrideProvider(FAST).create(ogInputs(api.url));
      const gets = api.calls.filter((c) => c.operationId === 'getScheduleOverride');
      expect(gets[1]!.at - gets[0]!.at).toBeGreaterThanOrEqual(995);
      expect(api.violations).toEqual([]);
    } finally {
      await api.close();
    }
  });

  it('read sees an override deleted in the UI; delete of one already gone succeeds', async () => {
    const fake = opsgenieFake();
    const api = await openApiServer('opsgenie-overrides.json', fake.handler);
    try {
      const provider = makeOpsgenieOverrideProvider(FAST);
      const created = await provider.create(ogInputs(api.url));
      expect((await provider.read!(created.id, created.outs)).props).toEqual(created.outs);
      fake.store.clear();
      expect((await provider.read!(created.id, created.outs)).id).toBe('');
      await provider.delete!(created.id, created.outs);
      expect(api.violations).toEqual([]);
    } finally {
      await api.close();
    }
  });

  it('keeps the key out of its errors', async () => {
    const api = await openApiServer('opsgenie-overrides.json', () => ({
      status: 403,
      body: { ...base, message: `key ${OG_KEY} has no access to schedule sched-1`, code: 40301 },
    }));
    try {
      const error = (await makeOpsgenieOverrideProvider(FAST)
        .create(ogInputs(api.url))
        .then(() => new Error('created'))
        .catch((e: unknown) => e)) as Error;
      expect(error.message).toMatch(
        /Opsgenie override storefront-oncall-override-20991224T1700Z of schedule sched-1 starting 2099-12-24T17:00:00Z: GET .* answered 403/,
      );
      expect(error.message).not.toContain(OG_KEY);
    } finally {
      await api.close();
    }
  });
});

const DD_API = 'dd-api-key-0123456789';
const DD_APP = 'dd-app-key-0123456789';

interface DdOverride {
  id: string;
  type: 'overrides';
  attributes: { start: string; end: string };
  relationships: { user: { data: { id: string; type: 'users' } } };
}

function datadogFake(script: { list?: (call: Call, n: number) => Answer | 'serve' } = {}) {
  const store: DdOverride[] = [];
  let lists = 0;
  const handler = (call: Call): Answer => {
    if (call.operationId === 'CreateScheduleOverrides') {
      const d = (call.body as { data: DdOverride[] }).data[0]!;
      const o: DdOverride = {
        id: `ovr-${store.length + 1}`,
        type: 'overrides',
        attributes: d.attributes,
        relationships: { user: { data: { id: d.relationships.user.data.id, type: 'users' } } },
      };
      store.push(o);
      return { status: 201, body: { data: [o] } };
    }
    if (call.operationId === 'ListScheduleOverrides') {
      const scripted = script.list?.(call, ++lists) ?? 'serve';
      return scripted === 'serve' ? { status: 200, body: { data: store } } : scripted;
    }
    const i = store.findIndex((o) => o.id === call.params.override_id);
    if (i < 0) return { status: 404, body: { errors: ['Not found'] } };
    store.splice(i, 1);
    return { status: 204 };
  };
  return { store, handler };
}

const ddInputs = (url: string) => ({
  scheduleId: 'sch-1',
  start: '2099-12-24T18:00:00+01:00',
  end: '2099-12-26T09:00:00+01:00',
  userId: 'usr-bruno',
  connection: { apiKey: DD_API, appKey: DD_APP, apiUrl: `${url}/` },
});

describe('Datadog On-Call overrides (/api/v2/on-call/schedules/{schedule_id}/overrides)', () => {
  it('creates with a JSON:API body at the configured site, lists the period first, deletes by id', async () => {
    const fake = datadogFake();
    const api = await openApiServer('datadog-overrides.json', fake.handler);
    try {
      const provider = makeDatadogOverrideProvider(FAST);
      const created = await provider.create(ddInputs(api.url));
      expect(created.id).toBe('ovr-1');
      expect(api.calls.map((c) => c.operationId)).toEqual(['ListScheduleOverrides', 'CreateScheduleOverrides']);
      expect(api.calls[0]!.query.get('filter[start]')).toBe('2099-12-24T18:00:00+01:00');
      expect(api.calls[1]!.headers['dd-api-key']).toBe(DD_API);
      expect(api.calls[1]!.headers['dd-application-key']).toBe(DD_APP);
      await provider.delete!('ovr-1', created.outs);
      expect(fake.store).toEqual([]);
      expect(api.violations).toEqual([]);
    } finally {
      await api.close();
    }
  });

  it('waits X-RateLimit-Reset after a 429 without Retry-After (docs.datadoghq.com/api/latest/rate-limits), and retries a 500 on a GET', async () => {
    const fake = datadogFake({
      list: (_c, n) =>
        n === 1
          ? { status: 429, headers: { 'X-RateLimit-Reset': '1', 'X-RateLimit-Period': '60' }, body: { errors: ['Too many requests'] } }
          : n === 2
            ? { status: 500, outage: true }
            : 'serve',
    });
    const api = await openApiServer('datadog-overrides.json', fake.handler);
    try {
      await makeDatadogOverrideProvider(FAST).create(ddInputs(api.url));
      const lists = api.calls.filter((c) => c.operationId === 'ListScheduleOverrides');
      expect(lists).toHaveLength(3);
      expect(lists[1]!.at - lists[0]!.at).toBeGreaterThanOrEqual(995);
      expect(fake.store).toHaveLength(1);
      expect(api.violations).toEqual([]);
    } finally {
      await api.close();
    }
  });

  it('read (refresh) sees an override deleted in the UI', async () => {
    const fake = datadogFake();
    const api = await openApiServer('datadog-overrides.json', fake.handler);
    try {
      const provider = makeDatadogOverrideProvider(FAST);
      const created = await provider.create(ddInputs(api.url));
      expect((await provider.read!(created.id, created.outs)).id).toBe(created.id);
      fake.store.length = 0;
      expect((await provider.read!(created.id, created.outs)).id).toBe('');
      expect(api.violations).toEqual([]);
    } finally {
      await api.close();
    }
  });

  it('keeps both keys out of its errors', async () => {
    const api = await openApiServer('datadog-overrides.json', () => ({
      status: 403,
      body: { errors: [`Forbidden: ${DD_API} / ${DD_APP}`] },
    }));
    try {
      const error = (await makeDatadogOverrideProvider(FAST)
        .create(ddInputs(api.url))
        .then(() => new Error('created'))
        .catch((e: unknown) => e)) as Error;
      expect(error.message).toMatch(/Datadog On-Call override of schedule sch-1 starting 2099-12-24T18:00:00\+01:00: GET .* answered 403/);
      expect(error.message).not.toContain(DD_API);
      expect(error.message).not.toContain(DD_APP);
    } finally {
      await api.close();
    }
  });
});
