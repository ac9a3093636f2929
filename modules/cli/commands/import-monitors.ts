/**
 * `oncall import datadog-monitors`: a Datadog account's monitors and synthetic tests into the alert files of the
 * organisation's squads (modules/migrate/datadog-monitors).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ExportDirError } from '../../migrate/export-dir';
import { ApiError } from '../../migrate/http';
import type { AccountSource } from '../../migrate/account';
import { importDatadogMonitors, type MonitorsImport } from '../../migrate/datadog-monitors/import';
import { datadogApiUrl, monitorsHeadersFromEnv, readMonitorsAccount } from '../../migrate/datadog-monitors/read';
import { importSummary } from '../../migrate/datadog-monitors/report';
import { writeImportedAlerts } from '../../migrate/datadog-monitors/write';
import { oneOf, parseCommandArgs, stringOption } from '../args';
import { pathIn, type Io } from '../io';
import { organisationOrProblems } from '../organisation-or-problems';
import { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE } from '../usage-error';

export const importMonitorsUsage = `oncall import datadog-monitors [--from-dir DIR | --api-url URL] [--teams DIR] [--dry-run] [--format text|json]

Reads the monitors and synthetic tests of a Datadog account and writes them as alerts of the squad their
\`team:\` tag names (by id, else by name), in teams/<squad>/alerts/imported-datadog.yaml: title, kind, query,
window and thresholds, priority as severity, the runbook link of the message, tags, handles. The squads must
exist. Monitors already in the YAML are left as they are; what the YAML cannot say is listed as findings.

  --from-dir DIR      a directory of exports: monitor.json (GET /api/v1/monitor), synthetics/tests.json and
                  synthetics/tests/api/<public_id>.json for multistep tests
  --api-url URL   the API (default https://api.<DD_SITE>, DD_SITE default datadoghq.com); keys from DD_API_KEY
                  and DD_APP_KEY (read-only keys do)
  --dry-run       print what would be written, write nothing
  --format json   counts, findings, and links from each Datadog object to the resource its alert renders

Then: oncall validate, oncall readiness, and oncall audit --datadog-monitors FILE for the managed share.`;

function json(result: MonitorsImport, written: readonly string[]): string {
  const ids = new Map(result.observed.resources.map((r) => [r.name, r.id]));
  return JSON.stringify(
    {
      written,
      counts: result.counts,
      findings: result.findings,
      links: result.links.map((l) => ({ ...l, id: ids.get(l.observed) ?? null })),
    },
    null,
    2,
  );
}

export async function importMonitorsCommand(argv: string[], io: Io): Promise<number> {
  const { values } = parseCommandArgs(argv, {
    'from-dir': { type: 'string' },
    'api-url': { type: 'string' },
    teams: { type: 'string', default: 'teams' },
    'dry-run': { type: 'boolean' },
    format: { type: 'string' },
  });
  const format = oneOf('format', stringOption(values, 'format'), ['text', 'json'] as const, 'text');
  const teams = stringOption(values, 'teams') ?? 'teams';
  const from = stringOption(values, 'from-dir');
  let source: AccountSource;
  if (from !== undefined) {
    if (stringOption(values, 'api-url') !== undefined) {
      io.err('oncall import datadog-monitors: give either --from-dir DIR or --api-url URL');
      return EXIT_USAGE;
    }
    source = { kind: 'dir', dir: pathIn(io, from) };
  } else {
    const keys = monitorsHeadersFromEnv(io.env);
    if ('missing' in keys) {
      io.err(`oncall import datadog-monitors: set ${keys.missing.join(' and ')} (read-only keys do), or give --from-dir DIR`);
      return EXIT_USAGE;
    }
    source = { kind: 'api', baseUrl: stringOption(values, 'api-url') ?? datadogApiUrl(io.env.DD_SITE), headers: keys.headers };
  }
  const org = organisationOrProblems(pathIn(io, teams), io, io.now().getTime());
  if (!org) return EXIT_PROBLEMS;
  let result: MonitorsImport;
  try {
    const teamsDir = pathIn(io, teams);
    result = importDatadogMonitors(await readMonitorsAccount(source), org, { runbookExists: (path) => existsSync(join(teamsDir, path)) });
  } catch (err) {
    if (err instanceof ApiError || err instanceof ExportDirError || (err as NodeJS.ErrnoException).code === 'ENOENT') {
      io.err(`oncall import datadog-monitors: ${(err as Error).message}`);
      return EXIT_PROBLEMS;
    }
    throw err;
  }
  const written = (values['dry-run'] === true ? [] : writeImportedAlerts(pathIn(io, teams), result)).map(
    (f) => `${teams.replace(/\/+$/, '')}/${f}`,
  );
  io.out(format === 'json' ? json(result, written) : importSummary(result, written));
  return EXIT_OK;
}
