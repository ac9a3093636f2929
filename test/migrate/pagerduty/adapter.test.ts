/**
 * The PagerDuty adapter as `oncall import pagerduty` finds it: registered once, the REST API's address, and the key
 * as PagerDuty's API description asks for it (securitySchemes.api_key: header `Authorization`, `Token token=<key>`,
 * PagerDuty/api-schema 91a06fb).
 */
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { ADAPTERS } from '../../../modules/migrate/adapters';
import { ROOT } from '../../helpers';

const adapter = ADAPTERS.find((a) => a.command === 'pagerduty')!;

it('is registered once, for the PagerDuty REST API', () => {
  expect(ADAPTERS.filter((a) => a.backend === 'pagerduty')).toHaveLength(1);
  expect(adapter.defaultBaseUrl).toBe('https://api.pagerduty.com');
});

it('takes the key from PAGERDUTY_TOKEN, or names the missing variable', () => {
  expect(adapter.headersFromEnv({ PAGERDUTY_TOKEN: 'abc' })).toEqual({ headers: { Authorization: 'Token token=abc' } });
  expect(adapter.headersFromEnv({})).toEqual({ missing: ['PAGERDUTY_TOKEN'] });
});

it('reads an export directory', async () => {
  const account = await adapter.read({ kind: 'dir', dir: join(ROOT, 'test', 'migrate', 'pagerduty', 'account') });
  expect(account.backend).toBe('pagerduty');
  expect(account.endpoints.get('schedules')).toHaveLength(4);
});
