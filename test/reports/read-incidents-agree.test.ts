/**
 * The three backends, each serving the same generated year on 127.0.0.1 (the bench's plain servers), give the same
 * records but for their ids and what a backend does not carry (Opsgenie: no urgency; Datadog: no timeline of a page,
 * no acknowledger). The oracle is the generated history.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IncidentRecord } from '../../modules/reports/incident-record';
import { INCIDENT_READERS, readIncidents } from '../../modules/reports/read-incidents';
import { serveApi } from '../../modules/bench/api/handler';
import type { Backend } from '../../modules/render/desired';
import { SETUPS, SINCE, UNTIL, expected, yearOfIncidents } from './incident-fixture';

const read: Partial<Record<Backend, IncidentRecord[]>> = {};

beforeAll(async () => {
  for (const backend of ['pagerduty', 'opsgenie', 'datadog'] as const) {
    const server = await serveApi(SETUPS[backend].handler(yearOfIncidents()));
    try {
      const auth = INCIDENT_READERS[backend].headersFromEnv(SETUPS[backend].env);
      if (!('headers' in auth)) throw new Error('no headers');
      read[backend] = await readIncidents(backend, { kind: 'api', baseUrl: server.url, headers: auth.headers }, SINCE, UNTIL);
    } finally {
      await server.close();
    }
  }
}, 60_000);
afterAll(() => undefined);

describe('the three backends', () => {
  const strip = (r: IncidentRecord) => {
    const { backend: _b, id: _i, urgency: _u, acknowledgedBy: _a, escalations: _e, ...rest } = r;
    return rest;
  };

  it('give the same records but for their ids and what a backend does not carry', () => {
    const [pd, og, dd] = [read.pagerduty!, read.opsgenie!, read.datadog!];
    const history = yearOfIncidents();
    expect(pd.length).toBe(history.incidents.length);
    // Each as generated (PagerDuty tells every field).
    expect(pd).toEqual(history.incidents.map((i) => expected(history, 'pagerduty', i)));
    expect(og).toEqual(history.incidents.map((i) => expected(history, 'opsgenie', i)));
    expect(dd).toEqual(history.incidents.map((i) => expected(history, 'datadog', i)));
    expect(og.map(strip)).toEqual(pd.map(strip));
    expect(dd.map(strip)).toEqual(pd.map(strip));
    // PagerDuty and Opsgenie both tell the escalation timeline and who acknowledged.
    expect(og.map((r) => [r.escalations, r.acknowledgedBy])).toEqual(pd.map((r) => [r.escalations, r.acknowledgedBy]));
    // PagerDuty and Datadog both carry the urgency.
    expect(dd.map((r) => r.urgency)).toEqual(pd.map((r) => r.urgency));
  });

  it('read the same instants from times written with different offsets', () => {
    // PagerDuty writes New York offsets (-05:00 / -04:00), Opsgenie and Datadog UTC: the instants agree.
    const [pd, og] = [read.pagerduty!, read.opsgenie!];
    expect(pd.map((r) => [r.createdAt, r.acknowledgedAt, r.resolvedAt])).toEqual(
      og.map((r) => [r.createdAt, r.acknowledgedAt, r.resolvedAt]),
    );
  });
});
