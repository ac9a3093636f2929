/**
 * `oncall import datadog-monitors`: a Datadog account's monitors and synthetic tests into the alert files of the
 * organisation's squads (modules/migrate/datadog-monitors).
 */
import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { stackNameOf } from '../../spec/stacks';
import { ExportDirError } from '../../migrate/export-dir';
import { ApiError } from '../../migrate/http';
import type { AccountSource } from '../../migrate/account';
import { importDatadogMonitors, type MonitorsImport } from '../../migrate/datadog-monitors/import';
import { datadogApiUrl, monitorsHeadersFromEnv, readMonitorsAccount } from '../../migrate/datadog-monitors/read';
import { importSummary } from '../../migrate/datadog-monitors/report';
import { writeImportedAlerts } from '../../migrate/datadog-monitors/write';
import { oneOf, parseCommandArgs, stringOption } from '../args';
import { adoptionOf } from '../../migrate/adoption';
import { bulkImportFile, importFileText } from '../../migrate/bulk-import';
import { renameObserved } from '../../migrate/rename';
import { renderStack } from '../../render/stack';
import { hasErrors } from '../../core/problem';
import { providerVersions } from '../import/provider-versions';
import { loadTeamsDir, stacksBeside } from '../load-teams';
import { stackFileOf } from '../stack-file';
import { adoptionText, writeWhole } from './import-account';
import { PROGRAM_COMPONENT } from '../../pulumi/scoped-names';
import { pathIn, type Io } from '../io';
import { organisationOrProblems } from '../organisation-or-problems';
import { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE } from '../usage-error';

export const importMonitorsUsage = `oncall import datadog-monitors [--from-dir DIR | --api-url URL] [--teams DIR] [--dry-run] [--format text|json]
                                 [--stack STACK [--stacks DIR] [--bulk-import FILE [--component NAME]]]

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
  --stack STACK   a stack (name or file; every stack provisions the squads' monitors on Datadog): checks that its
                  first plan after the import changes no imported monitor, and lists each difference (exit 1)
  --bulk-import FILE  with --stack: the file of \`pulumi import --file FILE\`, mapping each imported monitor and
                  test to its id in the account, so the first \`pulumi up\` adopts them

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
    stack: { type: 'string' },
    stacks: { type: 'string' },
    'bulk-import': { type: 'string' },
    component: { type: 'string' },
  });
  const format = oneOf('format', stringOption(values, 'format'), ['text', 'json'] as const, 'text');
  const stackGiven = stringOption(values, 'stack');
  const bulkFile = stringOption(values, 'bulk-import');
  if (bulkFile !== undefined && stackGiven === undefined) {
    io.err('oncall import datadog-monitors: --bulk-import needs --stack (the stack whose monitors adopt the account’s)');
    return EXIT_USAGE;
  }

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
  if (stackGiven === undefined || values['dry-run'] === true) return EXIT_OK;
  return adoptMonitors(io, teams, stackGiven, stringOption(values, 'stacks'), bulkFile, stringOption(values, 'component'), result, format);
}

/**
 * Every stack provisions the squads' monitors on Datadog: planned on the YAML just written, each imported monitor
 * and test maps to its id in the account (the file of `pulumi import --file`), and the first plan changes nothing.
 */
function adoptMonitors(
  io: Io,
  teams: string,
  given: string,
  stacks: string | undefined,
  bulkFile: string | undefined,
  component: string | undefined,
  result: MonitorsImport,
  format: 'text' | 'json',
): number {
  const file = stackFileOf(given, stacks ?? stacksBeside(teams, io.cwd), io);
  const now = io.now().getTime();
  const loaded = loadTeamsDir(teams, now, join(pathIn(io, file), '..'), io);
  const name = stackNameOf(basename(file));
  const stack = loaded.stacks?.find((s) => s.name === name);
  if (!stack || hasErrors(loaded.problems) || !loaded.organisation) {
    io.err(`oncall import datadog-monitors: the stack \`${given}\` cannot be planned: run \`oncall validate --teams ${teams}\``);
    return EXIT_PROBLEMS;
  }
  const types = new Set(result.observed.resources.map((r) => r.type));
  const full = renderStack(loaded.organisation, { ...stack, now });
  const planned = { ...full, resources: full.resources.filter((r) => types.has(r.type)) };
  const adoption = adoptionOf(planned, renameObserved(result.observed, result.links));
  if (bulkFile !== undefined)
    writeWhole(
      pathIn(io, bulkFile),
      importFileText(bulkImportFile(adoption.imported, providerVersions(io.cwd), component ?? PROGRAM_COMPONENT)),
    );
  if (format === 'text') io.out(adoptionText(stack.name, 'datadog', adoption, bulkFile));
  return adoption.diff.update.length + adoption.diff.replace.length > 0 ? EXIT_PROBLEMS : EXIT_OK;
}
