/**
 * The override providers against local servers that play each vendor's API from its published description
 * (test/fixtures/openapi/: every request and every answer is checked against it): create, diff, update, read
 * (refresh) and delete; rate limits, timeouts and 5xx; where the site and the keys come from.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makePagerDutyOverrideProvider, pagerdutyOverrideProvider } from '../../modules/pulumi/overrides/pagerduty';
import type { HttpPolicy } from '../../modules/pulumi/overrides/http';
import { openApiServer, type Answer, type Call } from './openapi-server';

/** Short waits so the tests stay fast; the defaults are in http.ts. */
export const FAST: HttpPolicy = { attemptTimeoutMs: 1_000, deadlineMs: 10_000, baseDelayMs: 20, maxDelayMs: 200 };
const FUTURE = { start: '2099-12-24T18:00:00+01:00', end: '2099-12-26T09:00:00+01:00' };
const PAST = { start: '2020-12-24T18:00:00+01:00', end: '2020-12-26T09:00:00+01:00' };
const TOKEN = 'pd-secret-token-0123';
const saved = { ...process.env };
beforeEach(() => {
  process.env = { ...saved };
  delete process.env.PAGERDUTY_TOKEN;
});
afterEach(() => {
  process.env = { ...saved };
});

interface PdOverride {
  id: string;
  start: string;
  end: string;
  user: { id: string; type: 'user_reference' };
}

/** A PagerDuty schedule's overrides, served as api-schema describes them. */
function pagerdutyFake(
  script: { post?: (call: Call, n: number) => Answer | 'store'; list?: (call: Call, n: number) => Answer | 'serve' } = {},
) {
  const store: PdOverride[] = [];
  let posts = 0;
  let lists = 0;
  const save = (call: Call): PdOverride => {
    const o = (call.body as { overrides: { start: string; end: string; user: { id: string } }[] }).overrides[0]!;
    const saved: PdOverride = { id: `PO${store.length + 1}`, start: o.start, end: o.end, user: { id: o.user.id, type: 'user_reference' } };
    store.push(saved);
    return saved;
  };
  const handler = (call: Call): Answer => {
    if (call.operationId === 'createScheduleOverride') {
      const scripted = script.post?.(call, ++posts) ?? 'store';
      if (scripted !== 'store') return scripted;
      return { status: 201, body: [{ status: 201, override: save(call) }] };
    }
    if (call.operationId === 'listScheduleOverrides') {
      const scripted = script.list?.(call, ++lists) ?? 'serve';
      if (scripted !== 'serve') return scripted;
      // The overrides that overlap [since, until); the api-schema documents this GET's answer as 201.
      const since = Date.parse(call.query.get('since')!);
      const until = Date.parse(call.query.get('until')!);
      return { status: 201, body: { overrides: store.filter((o) => Date.parse(o.start) < until && Date.parse(o.end) > since) } };
    }
    const i = store.findIndex((o) => o.id === call.params.override_id);
    if (i < 0) return { status: 404, body: { error: { message: 'Not Found', code: 2100 } } };
    store.splice(i, 1);
    return { status: 204 };
  };
  return { store, handler, save };
}

/**
 * `time_zone` is in api-schema's own request example for createScheduleOverride but not in its Override schema.
 * A closed check would refuse it; it is allowed by name.
 */
const PD_OPTIONS = { undeclared: { time_zone: { type: 'string' } } };

const pdInputs = (url: string) => ({
  scheduleId: 'PSCHED',
  ...FUTURE,
  userId: 'PBRUNO',
  timeZone: 'Europe/Paris',
  connection: { token: TOKEN, apiUrlOverride: url },
});

describe('PagerDuty overrides (PagerDuty/api-schema: createScheduleOverride, listScheduleOverrides, deleteScheduleOverride)', () => {
  it('creates after looking for an identical one, replaces on change, deletes by id; every request as described', async () => {
    const fake = pagerdutyFake();
    const api = await openApiServer('pagerduty-overrides.json', fake.handler, PD_OPTIONS);
    try {
      const provider = makePagerDutyOverrideProvider(FAST);
      const inputs = pdInputs(api.url);
      const created = await provider.create(inputs);
      expect(created.id).toBe('PO1');
      expect(api.calls.map((c) => c.operationId)).toEqual(['listScheduleOverrides', 'createScheduleOverride']);
      // The offset survives the query string (an unencoded + would arrive as a space and fail the date-time format).
      expect(api.calls[0]!.query.get('since')).toBe(FUTURE.start);
      expect(api.calls[1]!.body).toEqual({
        overrides: [{ start: FUTURE.start, end: FUTURE.end, user: { id: 'PBRUNO', type: 'user_reference' }, time_zone: 'Europe/Paris' }],
      });
      expect(api.calls[1]!.headers.authorization).toBe(`Token token=${TOKEN}`);

      expect((await provider.diff!('PO1', created.outs, inputs)).changes).toBe(false);
      expect(await provider.diff!('PO1', created.outs, { ...inputs, userId: 'PCHLOE' })).toMatchObject({
        changes: true,
        replaces: ['userId'],
        deleteBeforeReplace: true,
      });
      // New credentials: stored without replacing the override, so delete uses them.
      expect(
        await provider.diff!('PO1', created.outs, { ...inputs, connection: { ...inputs.connection, token: 'rotated-token-4567' } }),
      ).toMatchObject({ changes: true, replaces: [] });

      await provider.delete!('PO1', created.outs);
      expect(api.calls.at(-1)).toMatchObject({ operationId: 'deleteScheduleOverride', params: { id: 'PSCHED', override_id: 'PO1' } });
      expect(fake.store).toEqual([]);
      expect(api.violations).toEqual([]);
    } finally {
      await api.close();
    }
  });

  it('adopts an identical override left by a run whose state was lost instead of creating a second one', async () => {
    const fake = pagerdutyFake();
    const api = await openApiServer('pagerduty-overrides.json', fake.handler, PD_OPTIONS);
    try {
      // PagerDuty answers in its own offset: the same instants, written differently.
      fake.store.push({
        id: 'POLD',
        start: '2099-12-24T17:00:00Z',
        end: '2099-12-26T08:00:00Z',
        user: { id: 'PBRUNO', type: 'user_reference' },
      });
      const created = await makePagerDutyOverrideProvider(FAST).create(pdInputs(api.url));
      expect(created.id).toBe('POLD');
      expect(api.calls.map((c) => c.operationId)).toEqual(['listScheduleOverrides']);
      expect(api.violations).toEqual([]);
    } finally {
      await api.close();
    }
  });

  it('a POST that times out after creating the override is not sent again: the override is found and adopted', async () => {
    const fake = pagerdutyFake({
      post: (call, n) => (n === 1 ? { status: 201, body: [{ status: 201, override: fake.save(call) }], delayMs: 2_500 } : 'store'),
    });
    const api = await openApiServer('pagerduty-overrides.json', fake.handler, PD_OPTIONS);
    try {
      const created = await makePagerDutyOverrideProvider(FAST).create(pdInputs(api.url));
      expect(fake.store).toHaveLength(1);
      expect(created.id).toBe(fake.store[0]!.id);
      expect(api.calls.map((c) => c.operationId)).toEqual(['listScheduleOverrides', 'createScheduleOverride', 'listScheduleOverrides']);
      expect(api.violations).toEqual([]);
    } finally {
      await api.close();
    }
  });

  it('a POST lost before it created anything (a gateway 502) is sent again, once', async () => {
    const fake = pagerdutyFake({ post: (_call, n) => (n === 1 ? { status: 502, outage: true } : 'store') });
    const api = await openApiServer('pagerduty-overrides.json', fake.handler, PD_OPTIONS);
    try {
      const created = await makePagerDutyOverrideProvider(FAST).create(pdInputs(api.url));
      expect(fake.store.map((o) => o.id)).toEqual([created.id]);
      expect(api.calls.filter((c) => c.operationId === 'createScheduleOverride')).toHaveLength(2);
      expect(api.violations).toEqual([]);
    } finally {
      await api.close();
    }
  });

  it('waits the Retry-After of a 429 before sending again, not less', async () => {
    const fake = pagerdutyFake({
      post: (_c, n) =>
        n === 1
          ? { status: 429, headers: { 'Retry-After': '1' }, body: { error: { message: 'Rate Limit Exceeded', code: 2020 } } }
          : 'store',
    });
    const api = await openApiServer('pagerduty-overrides.json', fake.handler, PD_OPTIONS);
    try {
      await makePagerDutyOverrideProvider(FAST).create(pdInputs(api.url));
      const posts = api.calls.filter((c) => c.operationId === 'createScheduleOverride');
      expect(posts).toHaveLength(2);
      expect(posts[1]!.at - posts[0]!.at).toBeGreaterThanOrEqual(995);
      expect(fake.store).toHaveLength(1);
      expect(api.violations).toEqual([]);
    } finally {
      await api.close();
    }
  });

  it('without Retry-After, waits the ratelimit-reset seconds PagerDuty sends (support.pagerduty.com/docs/rest-api-rate-limits)', async () => {
    const fake = pagerdutyFake({
      list: (_c, n) =>
        n === 1
          ? { status: 429, headers: { 'ratelimit-reset': '1' }, body: { error: { message: 'Rate Limit Exceeded', code: 2020 } } }
          : 'serve',
    });
    const api = await openApiServer('pagerduty-overrides.json', fake.handler, PD_OPTIONS);
    try {
      await makePagerDutyOverrideProvider(FAST).create(pdInputs(api.url));
      const lists = api.calls.filter((c) => c.operationId === 'listScheduleOverrides');
      expect(lists[1]!.at - lists[0]!.at).toBeGreaterThanOrEqual(995);
      expect(api.violations).toEqual([]);
    } finally {
      await api.close();
    }
  });

  it('gives up within its time limit when the wait asked for is longer, naming the override and the status', async () => {
    const fake = pagerdutyFake({
      list: () => ({ status: 429, headers: { 'Retry-After': '3600' }, body: { error: { message: 'Rate Limit Exceeded', code: 2020 } } }),
    });
    const api = await openApiServer('pagerduty-overrides.json', fake.handler, PD_OPTIONS);
    try {
      const started = Date.now();
      await expect(makePagerDutyOverrideProvider(FAST).create(pdInputs(api.url))).rejects.toThrow(
        /PagerDuty override of schedule PSCHED starting 2099-12-24T18:00:00\+01:00: GET http:\/\/127\.0\.0\.1:\d+\/schedules\/PSCHED\/overrides answered 429/,
      );
      expect(Date.now() - started).toBeLessThan(2_000);
    } finally {
      await api.close();
    }
  });

  it('retries a GET after a 503', async () => {
    const fake = pagerdutyFake({ list: (_c, n) => (n === 1 ? { status: 503, outage: true } : 'serve') });
    const api = await openApiServer('pagerduty-overrides.json', fake.handler, PD_OPTIONS);
    try {
      await makePagerDutyOverrideProvider(FAST).create(pdInputs(api.url));
      expect(api.calls.map((c) => c.operationId)).toEqual(['listScheduleOverrides', 'listScheduleOverrides', 'createScheduleOverride']);
      expect(fake.store).toHaveLength(1);
    } finally {
      await api.close();
    }
  });

  it('read (pulumi refresh) sees an override deleted or moved in the UI', async () => {
    const fake = pagerdutyFake();
    const api = await openApiServer('pagerduty-overrides.json', fake.handler, PD_OPTIONS);
    try {
      const provider = makePagerDutyOverrideProvider(FAST);
      const created = await provider.create(pdInputs(api.url));
      expect(await provider.read!(created.id, created.outs)).toEqual({ id: created.id, props: created.outs });
      fake.store[0]!.user.id = 'PCHLOE';
      const moved = await provider.read!(created.id, created.outs);
      expect(moved.props).toMatchObject({ userId: 'PCHLOE', start: FUTURE.start });
      expect(await provider.diff!(created.id, moved.props, pdInputs(api.url))).toMatchObject({ changes: true, replaces: ['userId'] });
      fake.store.length = 0;
      expect((await provider.read!(created.id, created.outs)).id).toBe('');
      expect(api.violations).toEqual([]);
    } finally {
      await api.close();
    }
  });

  it('sends nothing for an override already over, and never needs the token for it', async () => {
    const fake = pagerdutyFake();
    const api = await openApiServer('pagerduty-overrides.json', fake.handler, PD_OPTIONS);
    try {
      const inputs = { scheduleId: 'PSCHED', ...PAST, userId: 'PBRUNO', timeZone: 'Europe/Paris', connection: { apiUrlOverride: api.url } };
      const created = await pagerdutyOverrideProvider.create(inputs);
      expect(await pagerdutyOverrideProvider.read!(created.id, created.outs)).toEqual({ id: created.id, props: created.outs });
      await pagerdutyOverrideProvider.delete!(created.id, created.outs);
      expect(api.calls).toEqual([]);
    } finally {
      await api.close();
    }
  });

  it('reports a refusal with the override, the status and the reason, and never the token, even echoed back', async () => {
    const fake = pagerdutyFake({
      post: () => ({
        status: 400,
        body: {
          error: { message: `Invalid Input Provided for token ${TOKEN}`, code: 2001, errors: ['Override must end after its start'] },
        },
      }),
    });
    const api = await openApiServer('pagerduty-overrides.json', fake.handler, PD_OPTIONS);
    try {
      const error = (await makePagerDutyOverrideProvider(FAST)
        .create(pdInputs(api.url))
        .then(() => new Error('created'))
        .catch((e: unknown) => e)) as Error;
      expect(error.message).toMatch(
        /PagerDuty override of schedule PSCHED starting 2099-12-24T18:00:00\+01:00: POST .* answered 400: .*Invalid Input Provided/,
      );
      expect(error.message).not.toContain(TOKEN);
      expect(error.stack ?? '').not.toContain(TOKEN);
    } finally {
      await api.close();
    }
  });

  it('reports a per-override refusal inside a 201', async () => {
    const fake = pagerdutyFake({
      post: (call) => {
        const { start, end, user } = (call.body as { overrides: PdOverride[] }).overrides[0]!;
        return { status: 201, body: [{ status: 400, errors: ['Override must end after its start'], override: { start, end, user } }] };
      },
    });
    const api = await openApiServer('pagerduty-overrides.json', fake.handler, PD_OPTIONS);
    try {
      await expect(makePagerDutyOverrideProvider(FAST).create(pdInputs(api.url))).rejects.toThrow(
        /schedule PSCHED starting .*refused it \(400\): Override must end after its start/,
      );
      expect(api.violations).toEqual([]);
    } finally {
      await api.close();
    }
  });
});
