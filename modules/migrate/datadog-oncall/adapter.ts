/** The Datadog On-Call account adapter: `oncall import datadog-oncall`, and the cutover rehearsal's source. */
import type { AccountAdapter } from '../account';
import { importDatadogTeams } from './import';
import { observeDatadog } from './observe';
import { readDatadogAccount } from './read';

/** `DD_SITE` (`datadoghq.eu`, `us5.datadoghq.com`…) → `https://api.<site>`; default datadoghq.com. */
export function datadogBaseUrl(env: NodeJS.ProcessEnv): string {
  const site = (env.DD_SITE ?? '')
    .trim()
    .replace(/^https?:\/\//, '')
    .replace(/^(app|api)\./, '')
    .replace(/\/+$/, '');
  return `https://api.${site || 'datadoghq.com'}`;
}

export const datadogOnCallAdapter: AccountAdapter = {
  backend: 'datadog',
  command: 'datadog-oncall',
  defaultBaseUrl: datadogBaseUrl(process.env),
  headersFromEnv(env) {
    const missing = ['DD_API_KEY', 'DD_APP_KEY'].filter((k) => !env[k]);
    if (missing.length) return { missing };
    return { headers: { 'DD-API-KEY': env.DD_API_KEY!, 'DD-APPLICATION-KEY': env.DD_APP_KEY! } };
  },
  read: readDatadogAccount,
  observe: observeDatadog,
  importTeams: importDatadogTeams,
};
