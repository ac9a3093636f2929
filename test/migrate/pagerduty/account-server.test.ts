/**
 * The served PagerDuty account (modules/bench/api/pagerduty-account.ts) answers as PagerDuty's pagination guide and
 * API description say (PagerDuty/api-schema 91a06fb, reference/REST/openapiv3.json: `Pagination` echoes `offset`
 * and `limit`, `more` says whether records remain, `total` is null unless `total=true`; listScheduleOverrides takes
 * required `since` and `until`), and the published account holds what the provider sends
 * (PagerDuty/terraform-provider-pagerduty@v2.4.0: expandScheduleLayers sends the layers in reverse order).
 */
import { describe, expect, it } from 'vitest';
import type { ApiRequest } from '../../../modules/bench/api/handler';
import { pagerdutyAccountHandler } from '../../../modules/bench/api/pagerduty-account';
import { publishPagerDuty } from '../../../modules/bench/api/pagerduty-publish';
import { PD } from '../../../modules/backends/pagerduty/resources';
import type { AccountExport } from '../../../modules/migrate/account';
import { PD_KEYS } from '../../../modules/migrate/pagerduty/api-types';
import { observePagerDuty } from '../../../modules/migrate/pagerduty/observe';
import { analyse } from '../../../modules/pipeline';
import { renderStack } from '../../../modules/render/stack';
import { NOW } from '../../helpers';
import { acmeWithChanges } from './round-trip-suite';

const account: AccountExport = {
  backend: 'pagerduty',
  endpoints: new Map<string, unknown[]>([
    ['teams', Array.from({ length: 5 }, (_, i) => ({ id: `T${i}`, type: 'team', name: `Team ${i}` }))],
    ['schedules', [{ id: 'S1', type: 'schedule', name: 'S', time_zone: 'UTC', schedule_layers: [] }]],
    [
      PD_KEYS.overrides('S1'),
      [
        { id: 'O1', start: '2026-01-01T00:00:00Z', end: '2026-01-02T00:00:00Z', user: { id: 'U', type: 'user_reference' } },
        { id: 'O2', start: '2026-03-01T00:00:00Z', end: '2026-03-02T00:00:00Z', user: { id: 'U', type: 'user_reference' } },
      ],
    ],
  ]),
};
const handler = pagerdutyAccountHandler(account, { token: 'k' });
const get = (path: string, query = '', authorization = 'Token token=k') =>
  handler({ method: 'GET', path, query: new URLSearchParams(query), headers: { authorization } } as ApiRequest);

describe('the served PagerDuty account', () => {
  it('pages lists with offset, limit and more, and total only when asked', () => {
    expect(get('/teams', 'offset=0&limit=2').body).toMatchObject({
      offset: 0,
      limit: 2,
      more: true,
      total: null,
      teams: [{ id: 'T0' }, { id: 'T1' }],
    });
    expect(get('/teams', 'offset=4&limit=2&total=true').body).toMatchObject({
      offset: 4,
      limit: 2,
      more: false,
      total: 5,
      teams: [{ id: 'T4' }],
    });
  });

  it('gives schedule layers only with include[]=schedule_layers', () => {
    expect((get('/schedules').body as { schedules: object[] }).schedules[0]).not.toHaveProperty('schedule_layers');
    expect((get('/schedules', 'include[]=schedule_layers').body as { schedules: object[] }).schedules[0]).toHaveProperty('schedule_layers');
  });

  it('gives the overrides that overlap since…until, and refuses without them', () => {
    const answer = get('/schedules/S1/overrides', 'since=2026-02-01T00:00:00Z&until=2026-04-01T00:00:00Z');
    expect(answer.status).toBe(201);
    expect((answer.body as { overrides: Array<{ id: string }> }).overrides.map((o) => o.id)).toEqual(['O2']);
    expect(get('/schedules/S1/overrides').status).toBe(400);
  });

  it('checks the key, and answers 429 with Retry-After when told', () => {
    expect(get('/teams', '', 'Token token=other').status).toBe(401);
    const throttled = pagerdutyAccountHandler(account, { token: 'k', throttle: (n) => (n === 0 ? 3 : undefined) });
    const req = { method: 'GET', path: '/teams', query: new URLSearchParams(), headers: { authorization: 'Token token=k' } };
    expect(throttled(req)).toMatchObject({ status: 429, headers: { 'Retry-After': '3' } });
    expect(throttled(req).status).toBe(200);
  });
});

describe('a published stack', () => {
  const org = analyse(acmeWithChanges(), NOW).organisation!;
  const state = renderStack(org, { now: NOW, name: 'acme', backend: 'pagerduty', pagerdutySubdomain: 'acme' });
  const published = publishPagerDuty(state, org);

  it('holds each schedule with its layers newest first, as the provider sends them', () => {
    const multi = state.resources.find((r) => r.type === PD.schedule && (r.inputs.layers as unknown[]).length > 1);
    expect(multi).toBeDefined();
    const sent = (multi!.inputs.layers as Array<{ name: string }>).map((l) => l.name);
    const held = (published.endpoints.get(PD_KEYS.schedules) as Array<{ name: string; schedule_layers: Array<{ name: string }> }>).find(
      (s) => s.name === multi!.inputs.name,
    )!;
    expect(held.schedule_layers.map((l) => l.name)).toEqual([...sent].reverse());
    // …and observing reads them back in the configured order (flattenScheduleLayers reverses again).
    const observed = observePagerDuty(published, { now: NOW }).resources.find(
      (r) => r.type === PD.schedule && r.inputs.name === multi!.inputs.name,
    )!;
    expect((observed.inputs.layers as Array<{ name: string }>).map((l) => l.name)).toEqual(sent);
  });

  it('gives every user the e-mail contact method PagerDuty creates, labelled Default', () => {
    const users = published.endpoints.get(PD_KEYS.users) as Array<{ id: string; email: string }>;
    expect(users.length).toBeGreaterThan(3);
    for (const u of users)
      expect(published.endpoints.get(PD_KEYS.contactMethods(u.id))).toContainEqual(
        expect.objectContaining({ type: 'email_contact_method', label: 'Default', address: u.email }),
      );
  });
});
