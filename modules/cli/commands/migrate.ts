import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Organisation } from '../../model/types';
import { hasErrors } from '../../core/problem';
import { sourceTexts as sourcesOf } from '../../spec/source';
import { parseStackFile, stackNameOf, type StackSpec } from '../../spec/stacks';
import { ADAPTERS } from '../../migrate/adapters';
import type { AccountSource } from '../../migrate/account';
import { accountSide, accountState, rehearseCutover, stackSide } from '../../migrate/rehearsal-sides';
import type { Side } from '../../migrate/rehearsal';
import { oneOf, parseCommandArgs, stringOption } from '../args';
import { formatProblems } from '../format/problems';
import { rehearsalJson, rehearsalText } from '../format/rehearsal';
import { pathIn, type Io } from '../io';
import { loadTeamsDir, stacksDirOption } from '../load-teams';
import { stackFileOf } from '../stack-file';
import { parseCount, parseIsoInstant } from '../time-options';
import { EXIT_OK, EXIT_PROBLEMS, UsageError } from '../usage-error';

export const migrateUsage = `oncall migrate check --from SOURCE --to STACK [--weeks N] [--start DATE] [--format text|json] [--teams DIR] [--stacks DIR] [--api-url URL]

The cutover rehearsal: for every squad and every service, an alert raised at every minute of the next N weeks
(default 8, at most 52) from --start (default now), and who each step of its escalation notifies (M+0, M+30…,
repeats included), as the source pages it, as the YAML of --teams pages it, and as the target stack's rendering
pages it. Prints "0 mismatching minutes", or each mismatch as an interval with the squad or service, the step,
who each side pages and why (the source's override, layer or routing rule; the YAML's shift, override, swap or
holiday with its file and line). Exits 1 on any mismatch.

STACK is a stack's name (Pulumi.<name>.yaml in --stacks, default stacks/ beside --teams) or its file.
SOURCE is a stack (rendered on its backend from --teams), or an account:
  opsgenie:DIR | pagerduty:DIR | datadog-oncall:DIR   a directory of JSON exports of the account's endpoints
  opsgenie:api | pagerduty:api | datadog-oncall:api   the account's REST API, with a read-only key from the
                                                     environment (--api-url for another site or a local server)`;

const FORMATS = ['text', 'json'] as const;
const ACCOUNT = /^(opsgenie|pagerduty|datadog-oncall):(.+)$/;

function readStack(given: string, stacksDir: string, io: Io, option: string): StackSpec {
  const path = stackFileOf(given, stacksDir, io, option);
  const name = stackNameOf(basename(path));
  if (name === undefined) throw new UsageError(`${path}: a stack file is named Pulumi.<stack>.yaml`);
  let text: string;
  try {
    text = readFileSync(pathIn(io, path), 'utf8');
  } catch {
    throw new UsageError(`${path}: no such stack file`);
  }
  const parsed = parseStackFile(path, name, text);
  if (!parsed.stack || hasErrors(parsed.problems))
    throw new UsageError(`${path}: ${parsed.problems.map((p) => p.message).join('; ') || 'not a stack file'}`);
  return parsed.stack;
}

async function sourceSide(
  from: string,
  stacksDir: string,
  org: Organisation,
  now: number,
  apiUrl: string | undefined,
  io: Io,
): Promise<Side> {
  const account = ACCOUNT.exec(from);
  if (!account) return stackSide('source', org, readStack(from, stacksDir, io, '--from'), now);
  const [, command, where] = account as unknown as [string, string, string];
  const adapter = ADAPTERS.find((a) => a.command === command);
  if (!adapter) throw new UsageError(`reading a ${command} account is not available in this version`);
  let source: AccountSource;
  if (where === 'api') {
    const headers = adapter.headersFromEnv(io.env);
    if ('missing' in headers) throw new UsageError(`set ${headers.missing.join(' and ')} (a read-only key) to read the ${command} account`);
    source = { kind: 'api', baseUrl: apiUrl ?? adapter.defaultBaseUrl, headers: headers.headers };
  } else {
    if (apiUrl !== undefined) throw new UsageError('--api-url goes with `<backend>:api`');
    source = { kind: 'dir', dir: pathIn(io, where) };
  }
  const state = await accountState(adapter, source, now);
  return accountSide(org, state, `${command} account (${where === 'api' ? (apiUrl ?? adapter.defaultBaseUrl) : where})`);
}

export async function migrateCommand(argv: string[], io: Io): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub !== 'check')
    throw new UsageError(sub === undefined ? 'say what to do: `oncall migrate check`' : `unknown \`${sub}\`: \`oncall migrate check\``);
  const { values } = parseCommandArgs(rest, {
    from: { type: 'string' },
    to: { type: 'string' },
    weeks: { type: 'string' },
    start: { type: 'string' },
    format: { type: 'string' },
    teams: { type: 'string', default: 'teams' },
    stacks: { type: 'string' },
    'api-url': { type: 'string' },
  });
  const format = oneOf('format', stringOption(values, 'format'), FORMATS, 'text');
  const from = stringOption(values, 'from');
  const to = stringOption(values, 'to');
  if (from === undefined || to === undefined) throw new UsageError('give the source with --from and the target stack file with --to');
  const weeks = parseCount(stringOption(values, 'weeks'), 8);
  if (weeks === undefined || weeks > 52)
    throw new UsageError(`--weeks is a whole number from 1 to 52 (got \`${stringOption(values, 'weeks')}\`)`);
  const dir = stringOption(values, 'teams') ?? 'teams';
  const now = io.now().getTime();
  const loaded = loadTeamsDir(dir, now, undefined, io);
  const stacksDir = stacksDirOption(stringOption(values, 'stacks'), dir, io);
  if (hasErrors(loaded.problems) || !loaded.organisation) {
    const errors = loaded.problems.filter((p) => p.severity === 'error');
    io.err(`${formatProblems('text', errors, sourcesOf(loaded.tree))}\n\nFix these first: \`oncall validate --teams ${dir}\`.`);
    return EXIT_PROBLEMS;
  }
  const org = loaded.organisation;
  const startText = stringOption(values, 'start');
  const start = startText === undefined ? Math.floor(now / 60_000) * 60_000 : parseIsoInstant(startText, org.timezone);
  if (start === undefined) throw new UsageError(`--start must be an ISO 8601 date or date-time (got \`${startText}\`)`);
  const target = stackSide('target', org, readStack(to, stacksDir, io, '--to'), start);
  let source: Side;
  try {
    source = await sourceSide(from, stacksDir, org, start, stringOption(values, 'api-url'), io);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    io.err(`oncall migrate check: cannot read the source ${from}: ${(error as Error).message}`);
    return EXIT_PROBLEMS;
  }
  const report = rehearseCutover({ org, teams: loaded.tree?.root ?? dir, source, target, from: start, weeks });
  io.out(format === 'json' ? rehearsalJson(report) : rehearsalText(report, org.timezone));
  // Nothing compared proves nothing: every squad was skipped (not in a stack), so it is not a pass.
  return report.mismatchingMinutes > 0 || report.unreadable.length > 0 || report.units.length === 0 ? EXIT_PROBLEMS : EXIT_OK;
}
