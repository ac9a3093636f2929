/**
 * The checking server bites: requests and answers the vendors' descriptions do not allow are recorded as
 * violations (otherwise every "no violations" assertion in the provider tests would prove nothing).
 */
import { describe, expect, it } from 'vitest';
import { openApiServer } from './openapi-server';

const PD_HEADERS = {
  Authorization: 'Token token=t',
  Accept: 'application/vnd.pagerduty+json;version=2',
  'Content-Type': 'application/json',
};

describe('the server that plays a vendor API from its description', () => {
  it('refuses a request without credentials, with a missing or undeclared query parameter, or an unencoded offset', async () => {
    const api = await openApiServer('pagerduty-overrides.json', () => ({ status: 201, body: { overrides: [] } }));
    try {
      const answer = await fetch(`${api.url}/schedules/P1/overrides?since=2099-01-01T00:00:00+01:00&until=2099-01-02T00:00:00Z&limit=5`, {
        headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
      });
      expect(answer.status).toBe(400);
      expect(api.violations.join('\n')).toMatch(/query parameter since: data must match format "date-time" in "2099-01-01T00:00:00 01:00"/);
      expect(api.violations.join('\n')).toMatch(/query parameter limit is not in the description/);
      expect(api.violations.join('\n')).toMatch(/no credentials the description accepts/);
    } finally {
      await api.close();
    }
  });

  it('refuses a body with a misspelt field or a missing required one', async () => {
    const api = await openApiServer('pagerduty-overrides.json', () => ({ status: 201, body: [] }));
    try {
      const body = {
        overrides: [{ start: '2099-01-01T00:00:00Z', ends: '2099-01-02T00:00:00Z', user: { id: 'U1', type: 'user_reference' } }],
      };
      await fetch(`${api.url}/schedules/P1/overrides`, { method: 'POST', headers: PD_HEADERS, body: JSON.stringify(body) });
      expect(api.violations.join('\n')).toMatch(/request body: .*must have required property 'end'/);
      expect(api.violations.join('\n')).toMatch(/must NOT have unevaluated properties/);
    } finally {
      await api.close();
    }
  });

  it('records an answer of the fake that the description does not list or allow', async () => {
    const api = await openApiServer('datadog-overrides.json', () => ({ status: 200, body: { data: [{ id: 'o1', type: 'override' }] } }));
    try {
      await fetch(`${api.url}/api/v2/on-call/schedules/S1/overrides`, {
        method: 'POST',
        headers: { 'DD-API-KEY': 'a', 'DD-APPLICATION-KEY': 'b', 'Content-Type': 'application/json' },
        body: JSON.stringify({ data: [{ type: 'overrides', attributes: { start: '2099-01-01T00:00:00Z', end: '2099-01-02T00:00:00Z' } }] }),
      });
      expect(api.violations).toEqual([
        expect.stringMatching(/CreateScheduleOverrides: the fake answered 200, which the description does not list/),
      ]);
    } finally {
      await api.close();
    }
  });
});
