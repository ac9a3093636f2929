/**
 * The example organisations (examples/*: services with promises, business-hours routing, pools, low urgency): a
 * generated quarter of each, served by the three backends' plain servers on 127.0.0.1, reads back as generated.
 * The oracle is the generated history.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTeams } from '../../modules/offline';
import { generateIncidents } from '../../modules/bench/incidents/generate';
import { serveApi } from '../../modules/bench/api/handler';
import { INCIDENT_READERS, readIncidents } from '../../modules/reports/read-incidents';
import { ROOT } from '../helpers';
import { SETUPS, expected } from './incident-fixture';

const EXAMPLES = readdirSync(join(ROOT, 'examples')).sort();
const SINCE = Date.parse('2026-02-02T00:00:00Z');
const UNTIL = Date.parse('2026-05-04T00:00:00Z');

describe.each(EXAMPLES)('the %s example', (example) => {
  it('reads back from each backend as generated', async () => {
    const { organisation, text } = loadTeams(join(ROOT, 'examples', example, 'teams'), SINCE);
    expect(organisation, text).toBeDefined();
    const history = generateIncidents(organisation!, {
      seed: 3,
      since: SINCE,
      until: UNTIL,
      pagesPerAlert: [1, 3],
      noisyAlerts: 1,
      burst: [5, 8],
    });
    expect(history.incidents.length).toBeGreaterThan(3);
    for (const backend of ['pagerduty', 'opsgenie', 'datadog'] as const) {
      const server = await serveApi(SETUPS[backend].handler(history));
      try {
        const auth = INCIDENT_READERS[backend].headersFromEnv(SETUPS[backend].env);
        if (!('headers' in auth)) throw new Error('no headers');
        const records = await readIncidents(backend, { kind: 'api', baseUrl: server.url, headers: auth.headers }, SINCE, UNTIL);
        expect(records).toEqual(history.incidents.map((i) => expected(history, backend, i)));
      } finally {
        await server.close();
      }
    }
  }, 60_000);
});
