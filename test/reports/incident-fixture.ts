/**
 * The tests' organisation spread over three zones with different clock changes (Payments in New York, Platform
 * in Sydney, Storefront in Paris), a generated year of its incidents, and the local API servers that serve it,
 * each checking every request and answer against the vendor's description (test/fixtures/openapi/README.md).
 */
import { analyse } from '../../modules/pipeline';
import type { Organisation } from '../../modules/model/types';
import type { SourceTree } from '../../modules/spec/source';
import { generateIncidents } from '../../modules/bench/incidents/generate';
import type { GeneratedIncident, IncidentHistory } from '../../modules/bench/incidents/history';
import type { IncidentRecord } from '../../modules/reports/incident-record';
import type { Backend } from '../../modules/render/desired';
import { pagerDutyIncident, pagerDutyIncidentsHandler } from '../../modules/bench/api/pagerduty-incidents';
import { opsgenieAlertId, opsgenieIncidentsHandler } from '../../modules/bench/api/opsgenie-incidents';
import { datadogIncidentsHandler, datadogPageId } from '../../modules/bench/api/datadog-incidents';
import type { ApiAnswer, ApiHandler } from '../../modules/bench/api/handler';
import { openApiServer } from '../pulumi/openapi-server';
import { NOW, withEdit, fixtureTree } from '../helpers';

export const SINCE = Date.parse('2026-01-12T00:00:00Z');
export const UNTIL = Date.parse('2027-01-11T00:00:00Z');

let org: Organisation | undefined;
let history: IncidentHistory | undefined;

/** The fixture's files with Payments' rotations in New York and Platform's in Sydney. */
export function zonedAcmeTree(): SourceTree {
  let tree = withEdit('payments/team.yaml', /(  run:\n)/, '$1    timezone: America/New_York\n', fixtureTree());
  tree = withEdit('payments/team.yaml', /(  oncall:\n)/, '$1    timezone: America/New_York\n', tree);
  return withEdit('platform/team.yaml', /(  primary:\n)/, '$1    timezone: Australia/Sydney\n', tree);
}

export function zonedAcme(): Organisation {
  if (org) return org;
  const result = analyse(zonedAcmeTree(), NOW);
  const errors = result.problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) throw new Error(errors.map((p) => `${p.file}:${p.line} ${p.message}`).join('\n'));
  org = result.organisation!;
  return org;
}

export function yearOfIncidents(): IncidentHistory {
  history ??= generateIncidents(zonedAcme(), { seed: 17, since: SINCE, until: UNTIL });
  return history;
}

let light: IncidentHistory | undefined;

/**
 * A lighter year (fewer pages per alert, one noisy alert; still every clock change) for the servers that check
 * each answer against a vendor's description: compiling and checking PagerDuty's log entries takes tens of ms each.
 */
export function lighterYearOfIncidents(): IncidentHistory {
  light ??= generateIncidents(zonedAcme(), {
    seed: 17,
    since: SINCE,
    until: UNTIL,
    pagesPerAlert: [2, 4],
    noisyAlerts: 1,
    burst: [10, 12],
  });
  return light;
}

/** A handler behind the checking server; counts the 429 answers it gave. */
export async function serve(spec: string, handler: ApiHandler) {
  const answered = { throttled: 0 };
  const api = await openApiServer(spec, (call): ApiAnswer => {
    const answer = handler({ method: call.method, path: call.path, query: call.query, headers: call.headers });
    if (answer.status === 429) answered.throttled++;
    return answer;
  });
  return Object.assign(api, { answered });
}

/** What each backend can tell of an incident: Opsgenie has no urgency; Datadog no timeline nor acknowledger. */
export function expected(history: IncidentHistory, backend: Backend, incident: GeneratedIncident): IncidentRecord {
  const r = incident.record;
  if (backend === 'pagerduty') return { ...r, backend, id: String(pagerDutyIncident(history, incident, 'UTC').id) };
  if (backend === 'opsgenie') {
    const { urgency: _urgency, ...rest } = r;
    return { ...rest, backend, id: opsgenieAlertId(incident) };
  }
  const { acknowledgedBy: _by, ...rest } = r;
  return { ...rest, escalations: [], backend, id: datadogPageId(incident) };
}

export const SETUPS = {
  pagerduty: {
    spec: 'pagerduty-incidents.json',
    env: { PAGERDUTY_TOKEN: 'read-only-token' },
    // The account shows times in New York: every time carries that zone's offset, both sides of its clock changes.
    handler: (history: IncidentHistory) =>
      pagerDutyIncidentsHandler(history, { pageSize: 10, throttleEvery: 9, accountZone: 'America/New_York' }),
  },
  opsgenie: {
    spec: 'opsgenie-incidents.json',
    env: { OPSGENIE_API_KEY: 'read-only-key' },
    handler: (history: IncidentHistory) => opsgenieIncidentsHandler(history, { pageSize: 6, throttleEvery: 9 }),
  },
  datadog: {
    spec: 'datadog-incidents.json',
    env: { DD_API_KEY: 'api-key', DD_APP_KEY: 'app-key' },
    handler: (history: IncidentHistory) => datadogIncidentsHandler(history, { pageSize: 13, throttleEvery: 3 }),
  },
} as const;
