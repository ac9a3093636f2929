/**
 * The Opsgenie account adapter: `oncall import opsgenie` and the cutover rehearsal read an account with it.
 * The key is an API key with read access (`OPSGENIE_API_KEY`, sent as `Authorization: GenieKey <key>`, as
 * opsgenie-oas swagger.json's `GenieKey` security scheme says); an account in the EU is read from
 * https://api.eu.opsgenie.com.
 */
import type { AccountAdapter } from '../account';
import { importOpsgenieTeams } from './import';
import { observeOpsgenie } from './observe';
import { readOpsgenie } from './read';

export const opsgenieAdapter: AccountAdapter = {
  backend: 'opsgenie',
  command: 'opsgenie',
  defaultBaseUrl: 'https://api.opsgenie.com',
  headersFromEnv(env) {
    const key = env.OPSGENIE_API_KEY;
    if (key === undefined || key.trim() === '') return { missing: ['OPSGENIE_API_KEY'] };
    return { headers: { Authorization: `GenieKey ${key.trim()}` } };
  },
  read: (source) => readOpsgenie(source),
  observe: observeOpsgenie,
  importTeams: importOpsgenieTeams,
};
