/**
 * The override providers against local servers that follow each backend's documented endpoint: create,
 * diff, update (Opsgenie) and delete, with credentials from the environment and nothing sent for the past.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pagerdutyOverrideProvider } from '../../modules/pulumi/overrides/pagerduty';
import { opsgenieOverrideProvider } from '../../modules/pulumi/overrides/opsgenie';
import { datadogOverrideProvider } from '../../modules/pulumi/overrides/datadog';
import { fakeApi } from './fake-api';

const FUTURE = { start: '2099-12-24T18:00:00+01:00', end: '2099-12-26T09:00:00+01:00' };
const PAST = { start: '2020-12-24T18:00:00+01:00', end: '2020-12-26T09:00:00+01:00' };
const saved = { ...process.env };
beforeEach(() => {
  process.env = { ...saved };
});
afterEach(() => {
  process.env = { ...saved };
});

describe('PagerDuty overrides (POST/DELETE /schedules/{id}/overrides)', () => {
  it('creates, replaces on change and deletes by the override id', async () => {
    const api = await fakeApi((req) => {
      if (req.method === 'POST') return { status: 201, body: [{ status: 201, override: { id: 'PO1', ...(req.body as { overrides: object[] }).overrides[0] } }] };
      return { status: 204 };
    });
    process.env.PAGERDUTY_API_URL = api.url;
    process.env.PAGERDUTY_TOKEN = 'pd-secret';
    try {
      const inputs = { scheduleId: 'PSCHED', ...FUTURE, userId: 'PBRUNO', timeZone: 'Europe/Paris' };
      const created = await pagerdutyOverrideProvider.create!(inputs);
      expect(created.id).toBe('PO1');
      expect(api.requests[0]).toMatchObject({
        method: 'POST',
        path: '/schedules/PSCHED/overrides',
        body: { overrides: [{ start: FUTURE.start, end: FUTURE.end, user: { id: 'PBRUNO', type: 'user_reference' }, time_zone: 'Europe/Paris' }] },
      });
      expect(api.requests[0]!.headers.authorization).toBe('Token token=pd-secret');
      expect(api.requests[0]!.headers.accept).toBe('application/vnd.pagerduty+json;version=2');

      const same = await pagerdutyOverrideProvider.diff!('PO1', created.outs, inputs);
      expect(same.changes).toBe(false);
      const moved = await pagerdutyOverrideProvider.diff!('PO1', created.outs, { ...inputs, userId: 'PCHLOE' });
      expect(moved).toMatchObject({ changes: true, replaces: ['userId'], deleteBeforeReplace: true });

      await pagerdutyOverrideProvider.delete!('PO1', created.outs);
      expect(api.requests[1]).toMatchObject({ method: 'DELETE', path: '/schedules/PSCHED/overrides/PO1' });
    } finally {
      await api.close();
    }
  });

  it('sends nothing for an override already over, and never needs the token for it', async () => {
    const api = await fakeApi(() => ({ status: 500 }));
    process.env.PAGERDUTY_API_URL = api.url;
    delete process.env.PAGERDUTY_TOKEN;
    try {
      const created = await pagerdutyOverrideProvider.create!({ scheduleId: 'PSCHED', ...PAST, userId: 'PBRUNO', timeZone: 'Europe/Paris' });
      await pagerdutyOverrideProvider.delete!(created.id, created.outs);
      expect(api.requests).toEqual([]);
    } finally {
      await api.close();
    }
  });

  it('fails clearly without credentials, and reports the API\'s refusal', async () => {
    const api = await fakeApi(() => ({ status: 400, body: { error: { message: 'Invalid Input Provided' } } }));
    process.env.PAGERDUTY_API_URL = api.url;
    try {
      delete process.env.PAGERDUTY_TOKEN;
      await expect(pagerdutyOverrideProvider.create!({ scheduleId: 'S', ...FUTURE, userId: 'U', timeZone: 'UTC' })).rejects.toThrow(/PAGERDUTY_TOKEN is not set/);
      process.env.PAGERDUTY_TOKEN = 'pd-secret';
      await expect(pagerdutyOverrideProvider.create!({ scheduleId: 'S', ...FUTURE, userId: 'U', timeZone: 'UTC' })).rejects.toThrow(/answered 400: .*Invalid Input Provided/);
    } finally {
      await api.close();
    }
  });
});

describe('Opsgenie overrides (by alias under /v2/schedules/{id}/overrides)', () => {
  it('creates by alias, updates in place, deletes by alias', async () => {
    const api = await fakeApi((req) => (req.method === 'DELETE' ? { status: 200, body: { result: 'Deleted' } } : { status: req.method === 'POST' ? 201 : 200, body: { data: { alias: 'x' } } }));
    process.env.OPSGENIE_API_URL = api.url;
    process.env.OPSGENIE_API_KEY = 'og-secret';
    try {
      const inputs = { scheduleId: 'sched-1', alias: 'storefront-oncall-override-20991224T1700Z', username: 'bruno@acme.example', startDate: '2099-12-24T18:00:00+01:00', endDate: '2099-12-26T09:00:00+01:00' };
      const created = await opsgenieOverrideProvider.create!(inputs);
      expect(created.id).toBe(inputs.alias);
      expect(api.requests[0]).toMatchObject({
        method: 'POST',
        path: '/v2/schedules/sched-1/overrides?scheduleIdentifierType=id',
        body: { alias: inputs.alias, user: { type: 'user', username: 'bruno@acme.example' }, startDate: inputs.startDate, endDate: inputs.endDate },
      });
      expect(api.requests[0]!.headers.authorization).toBe('GenieKey og-secret');

      const diff = await opsgenieOverrideProvider.diff!(created.id, created.outs, { ...inputs, username: 'chloe@acme.example' });
      expect(diff).toMatchObject({ changes: true, replaces: [] });
      const updated = await opsgenieOverrideProvider.update!(created.id, created.outs, { ...inputs, username: 'chloe@acme.example' });
      expect(api.requests[1]).toMatchObject({ method: 'PUT', path: `/v2/schedules/sched-1/overrides/${inputs.alias}?scheduleIdentifierType=id`, body: { user: { username: 'chloe@acme.example' } } });

      await opsgenieOverrideProvider.delete!(created.id, updated.outs as never);
      expect(api.requests[2]).toMatchObject({ method: 'DELETE', path: `/v2/schedules/sched-1/overrides/${inputs.alias}?scheduleIdentifierType=id` });
    } finally {
      await api.close();
    }
  });
});

describe('Datadog On-Call overrides (POST/DELETE /api/v2/on-call/schedules/{id}/overrides)', () => {
  it('creates with a JSON:API body and deletes by id', async () => {
    const api = await fakeApi((req) => (req.method === 'POST' ? { status: 201, body: { data: [{ id: 'ovr-1', type: 'overrides' }] } } : { status: 204 }));
    process.env.DD_API_URL = api.url;
    process.env.DD_API_KEY = 'dd-api';
    process.env.DD_APP_KEY = 'dd-app';
    try {
      const inputs = { scheduleId: 'sch-1', ...FUTURE, userId: 'usr-bruno' };
      const created = await datadogOverrideProvider.create!(inputs);
      expect(created.id).toBe('ovr-1');
      expect(api.requests[0]).toMatchObject({
        method: 'POST',
        path: '/api/v2/on-call/schedules/sch-1/overrides',
        body: { data: [{ type: 'overrides', attributes: { start: FUTURE.start, end: FUTURE.end }, relationships: { user: { data: { type: 'users', id: 'usr-bruno' } } } }] },
      });
      expect(api.requests[0]!.headers['dd-api-key']).toBe('dd-api');
      expect(api.requests[0]!.headers['dd-application-key']).toBe('dd-app');
      await datadogOverrideProvider.delete!('ovr-1', created.outs);
      expect(api.requests[1]).toMatchObject({ method: 'DELETE', path: '/api/v2/on-call/schedules/sch-1/overrides/ovr-1' });
    } finally {
      await api.close();
    }
  });

  it('treats a 404 on delete as already gone', async () => {
    const api = await fakeApi(() => ({ status: 404, body: { errors: ['not found'] } }));
    process.env.DD_API_URL = api.url;
    process.env.DD_API_KEY = 'dd-api';
    process.env.DD_APP_KEY = 'dd-app';
    try {
      await datadogOverrideProvider.delete!('ovr-9', { scheduleId: 'sch-1', ...FUTURE, userId: 'u', overrideId: 'ovr-9' } as never);
      expect(api.requests).toHaveLength(1);
    } finally {
      await api.close();
    }
  });
});
