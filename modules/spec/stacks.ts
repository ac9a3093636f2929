/**
 * Pulumi stack files (`stacks/Pulumi.<stack>.yaml`): the `oncall:` settings of each stack — which backend,
 * which squads. Other configuration (provider credentials as secrets…) belongs to Pulumi and is left alone.
 */
import type { Code, Problem } from '../core/problem';
import { didYouMean, suggestionField } from '../core/suggest';
import { parseYaml, positionAt, type YamlFile } from './yaml-document';

export const STACK_BACKENDS = ['pagerduty', 'opsgenie', 'datadog'] as const;
export type StackBackend = (typeof STACK_BACKENDS)[number];

const KEYS = ['oncall:backend', 'oncall:teams', 'oncall:pagerdutySubdomain'] as const;

export interface StackSpec {
  readonly name: string;
  readonly file: string;
  readonly backend: StackBackend;
  /** The squads the stack provisions; all of them when absent. */
  readonly teams?: readonly string[];
  readonly pagerdutySubdomain?: string;
  /** From `opsgenie:apiUrl`: the EU instance or the default one. */
  readonly opsgenieRegion: 'us' | 'eu';
  /** `datadog:apiUrl`: the Datadog site the stack's Datadog resources go to (the provider's default is US1). */
  readonly datadogApiUrl?: string;
  readonly yaml: YamlFile;
}

export function stackNameOf(fileName: string): string | undefined {
  return /^Pulumi\.([A-Za-z0-9_.-]+)\.ya?ml$/.exec(fileName)?.[1];
}

export function parseStackFile(file: string, name: string, text: string): { stack?: StackSpec; problems: Problem[] } {
  const { parsed, problems } = parseYaml(file, text);
  if (!parsed) return { problems };
  const at = (path: (string | number)[], key = false) => positionAt(parsed, path, key);
  const error = (path: (string | number)[], code: Code, message: string, key = false, suggestion?: string): void => {
    problems.push({ file, ...at(path, key), severity: 'error', code, message, ...suggestionField(suggestion) });
  };
  const root = parsed.value as { config?: Record<string, unknown> } | null;
  const config = root && typeof root === 'object' && root.config && typeof root.config === 'object' ? root.config : {};
  for (const key of Object.keys(config)) {
    if (key.startsWith('oncall:') && !(KEYS as readonly string[]).includes(key)) {
      error(['config', key], 'stack/unknown-key', `unknown setting \`${key}\``, true, didYouMean(key, KEYS));
    }
  }
  const backend = config['oncall:backend'];
  if (typeof backend !== 'string' || !(STACK_BACKENDS as readonly string[]).includes(backend)) {
    error(
      backend === undefined ? [] : ['config', 'oncall:backend'],
      'stack/backend',
      `\`oncall:backend\` must be one of ${STACK_BACKENDS.join(', ')}${typeof backend === 'string' ? ` (got \`${backend}\`)` : ''}`,
      false,
      typeof backend === 'string' ? didYouMean(backend, STACK_BACKENDS) : undefined,
    );
    return { problems };
  }
  const teams = config['oncall:teams'];
  if (teams !== undefined && !(Array.isArray(teams) && teams.every((t) => typeof t === 'string'))) {
    error(['config', 'oncall:teams'], 'stack/teams', '`oncall:teams` must be a list of squad ids');
    return { problems };
  }
  const subdomain = config['oncall:pagerdutySubdomain'];
  if (subdomain !== undefined && (typeof subdomain !== 'string' || !/^[a-z0-9-]+$/.test(subdomain))) {
    error(
      ['config', 'oncall:pagerdutySubdomain'],
      'stack/subdomain',
      '`oncall:pagerdutySubdomain` must be the account subdomain, such as `acme`',
    );
    return { problems };
  }
  const opsgenieUrl = config['opsgenie:apiUrl'];
  const opsgenieRegion = typeof opsgenieUrl === 'string' && /(^|\.)eu\./.test(opsgenieUrl) ? 'eu' : 'us';
  const datadogUrl = config['datadog:apiUrl'];
  const datadogApiUrl = typeof datadogUrl === 'string' ? datadogUrl : undefined;
  return {
    stack: {
      name,
      file,
      backend: backend as StackBackend,
      teams: teams as string[] | undefined,
      pagerdutySubdomain: subdomain as string | undefined,
      opsgenieRegion,
      datadogApiUrl,
      yaml: parsed,
    },
    problems,
  };
}
