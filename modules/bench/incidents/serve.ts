/**
 * Serves a generated year of incidents of an organisation as the three backends' APIs, on 127.0.0.1, until killed:
 *   node dist/modules/bench/incidents/serve.js --teams examples/managed-services/teams [--seed 1] [--since 2026-01-12]
 *     [--days 364] [--page-size 100] [--throttle-every 0]
 * Prints one line per backend: its name and base URL.
 */
import { parseArgs } from 'node:util';
import { loadTeams } from '../../offline';
import { datadogIncidentsHandler } from '../api/datadog-incidents';
import { serveApi } from '../api/handler';
import { opsgenieIncidentsHandler } from '../api/opsgenie-incidents';
import { pagerDutyIncidentsHandler } from '../api/pagerduty-incidents';
import { generateIncidents } from './generate';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      teams: { type: 'string', default: 'teams' },
      seed: { type: 'string', default: '1' },
      since: { type: 'string', default: '2026-01-12' },
      days: { type: 'string', default: '364' },
      'page-size': { type: 'string', default: '100' },
      'throttle-every': { type: 'string', default: '0' },
    },
  });
  const since = Date.parse(`${values.since}T00:00:00Z`);
  const until = since + Number(values.days) * 86_400_000;
  const loaded = loadTeams(values.teams, since);
  if (!loaded.organisation) {
    process.stderr.write(loaded.text);
    process.exitCode = 1;
    return;
  }
  const history = generateIncidents(loaded.organisation, { seed: Number(values.seed), since, until });
  const options = { pageSize: Number(values['page-size']), throttleEvery: Number(values['throttle-every']) };
  const servers = {
    pagerduty: await serveApi(pagerDutyIncidentsHandler(history, options)),
    opsgenie: await serveApi(opsgenieIncidentsHandler(history, options)),
    datadog: await serveApi(datadogIncidentsHandler(history, options)),
  };
  process.stdout.write(`${history.incidents.length} incidents from ${new Date(since).toISOString()} to ${new Date(until).toISOString()}\n`);
  for (const [backend, server] of Object.entries(servers)) process.stdout.write(`${backend} ${server.url}\n`);
}

if (require.main === module) void main();
