/**
 * The tests' organisation spread over three zones with different clock changes (Payments in New York, Platform
 * in Sydney, Storefront in Paris), a generated year of its incidents, and the local API servers that serve it,
 * each checking every request and answer against the vendor's description (test/fixtures/openapi/README.md).
 */
import { analyse } from '../../modules/pipeline';
import type { Organisation } from '../../modules/model/types';
import { generateIncidents } from '../../modules/bench/incidents/generate';
import type { IncidentHistory } from '../../modules/bench/incidents/history';
import type { ApiAnswer, ApiHandler } from '../../modules/bench/api/incident-api';
import { openApiServer } from '../pulumi/openapi-server';
import { NOW, withEdit, fixtureTree } from '../helpers';

export const SINCE = Date.parse('2026-01-12T00:00:00Z');
export const UNTIL = Date.parse('2027-01-11T00:00:00Z');

let org: Organisation | undefined;
let history: IncidentHistory | undefined;

export function zonedAcme(): Organisation {
  if (org) return org;
  let tree = withEdit('payments/team.yaml', /(  run:\n)/, '$1    timezone: America/New_York\n', fixtureTree());
  tree = withEdit('payments/team.yaml', /(  oncall:\n)/, '$1    timezone: America/New_York\n', tree);
  tree = withEdit('platform/team.yaml', /(  primary:\n)/, '$1    timezone: Australia/Sydney\n', tree);
  const result = analyse(tree, NOW);
  const errors = result.problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) throw new Error(errors.map((p) => `${p.file}:${p.line} ${p.message}`).join('\n'));
  org = result.organisation!;
  return org;
}

export function yearOfIncidents(): IncidentHistory {
  history ??= generateIncidents(zonedAcme(), { seed: 17, since: SINCE, until: UNTIL });
  return history;
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
