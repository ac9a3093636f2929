/** The PagerDuty account adapter: read (REST API or export directory), observe, import. */
import type { AccountAdapter } from '../account';
import { importPagerDuty } from './import-teams';
import { observePagerDuty } from './observe';
import { PAGERDUTY_BASE_URL, pagerdutyHeadersFromEnv, readPagerDuty } from './read';

/** `clock`: the instant of reading (overrides from then on; layers ended by then are not read back). */
export function pagerdutyAdapter(clock: () => number = Date.now): AccountAdapter {
  return {
    backend: 'pagerduty',
    command: 'pagerduty',
    defaultBaseUrl: PAGERDUTY_BASE_URL,
    headersFromEnv: pagerdutyHeadersFromEnv,
    read: (source) => {
      const since = clock();
      return readPagerDuty(source, { window: { since, until: since + 2 * 366 * 86_400_000 } });
    },
    observe: (account) => observePagerDuty(account, { now: clock() }),
    importTeams: importPagerDuty,
  };
}

export const PAGERDUTY_ADAPTER = pagerdutyAdapter();
