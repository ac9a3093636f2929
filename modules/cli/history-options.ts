/**
 * Where a command reads the paging history: the stack's backend over its API (`--stack NAME`, with read-only keys
 * from the environment variables the providers read), or a directory of JSON exports (`--from-dir DIR --backend B`).
 * `--api-url URL` reads the stack's backend at another address than the stack's (a proxy, a regional endpoint,
 * a local server): the same requests, the same keys.
 */
import { INCIDENT_READERS } from '../reports/read-incidents';
import type { AccountSource } from '../migrate/account';
import { BACKENDS, type Backend } from '../render/desired';
import type { ParsedArgs } from './args';
import { oneOf, stringOption } from './args';
import { pathIn, type Io } from './io';
import { readStacksDir } from '../spec/read-stacks';
import { stacksDirOption } from './load-teams';
import { UsageError } from './usage-error';

export const HISTORY_OPTIONS = {
  stack: { type: 'string' },
  stacks: { type: 'string' },
  'from-dir': { type: 'string' },
  backend: { type: 'string' },
  'api-url': { type: 'string' },
} as const;

export const HISTORY_USAGE = '[--stack NAME [--stacks DIR] [--api-url URL] | --from-dir DIR --backend pagerduty|opsgenie|datadog]';

export interface HistorySource {
  readonly backend: Backend;
  readonly source: AccountSource;
}

/** The history the options name, or undefined when they name none. */
export function historySource(values: ParsedArgs['values'], teamsDir: string, io: Io): HistorySource | undefined {
  const stackName = stringOption(values, 'stack');
  const fromDir = stringOption(values, 'from-dir');
  const backendOption = stringOption(values, 'backend');
  const apiUrl = stringOption(values, 'api-url');
  if (stackName !== undefined && fromDir !== undefined) throw new UsageError('give either --stack or --from-dir, not both');
  if (apiUrl !== undefined && stackName === undefined) throw new UsageError('--api-url goes with --stack: the address of its backend');
  if (apiUrl !== undefined && !/^https?:\/\/[^\s/]+/.test(apiUrl))
    throw new UsageError(`--api-url must be an http(s) address such as https://api.eu.opsgenie.com (got \`${apiUrl}\`)`);
  if (fromDir !== undefined) {
    if (backendOption === undefined)
      throw new UsageError('--from-dir needs --backend (pagerduty, opsgenie or datadog): the backend the files were exported from');
    const backend = oneOf('backend', backendOption, BACKENDS, 'pagerduty');
    return { backend, source: { kind: 'dir', dir: pathIn(io, fromDir) } };
  }
  if (backendOption !== undefined) throw new UsageError('--backend goes with --from-dir; with --stack the backend is the stack’s');
  if (stackName === undefined) return undefined;
  const stacksDir = stacksDirOption(stringOption(values, 'stacks'), teamsDir, io);
  // The stack files alone: the command has loaded the organisation already.
  const read = readStacksDir(pathIn(io, stacksDir), stacksDir);
  const stacks = read.stacks;
  const stack = stacks.find((s) => s.name === stackName);
  if (!stack) {
    const broken = read.problems.find((p) => p.file.endsWith(`/Pulumi.${stackName}.yaml`));
    if (broken) throw new UsageError(`the stack file ${broken.file} cannot be read: ${broken.message}`);
    throw new UsageError(`unknown stack \`${stackName}\`; stacks in ${stacksDir}: ${stacks.map((s) => s.name).join(', ') || 'none'}`);
  }
  const adapter = INCIDENT_READERS[stack.backend];
  const keys = adapter.headersFromEnv(io.env);
  if ('missing' in keys)
    throw new UsageError(`set ${keys.missing.join(' and ')} (a read-only key is enough) to read the ${stack.name} stack's history`);
  const baseUrl =
    apiUrl ??
    (stack.backend === 'opsgenie' && stack.opsgenieRegion === 'eu'
      ? adapter.defaultBaseUrl.replace('://api.', '://api.eu.')
      : stack.backend === 'datadog' && stack.datadogApiUrl !== undefined
        ? stack.datadogApiUrl
        : adapter.defaultBaseUrl);
  return { backend: stack.backend, source: { kind: 'api', baseUrl, headers: keys.headers } };
}
