/**
 * A dynamic provider runs in another process, rebuilt from its serialized closure: each provider (with what it
 * captures: the HTTP client, the connection readers) must serialize, and must not carry a key in its text.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as pulumi from '@pulumi/pulumi';
import { describe, expect, it } from 'vitest';
import { datadogOverrideProvider } from '../../modules/pulumi/overrides/datadog';
import { opsgenieOverrideProvider } from '../../modules/pulumi/overrides/opsgenie';
import { pagerdutyOverrideProvider } from '../../modules/pulumi/overrides/pagerduty';
import { phoneLineProvider } from '../../modules/pulumi/twilio/phone-line';
import { openApiServer } from './openapi-server';

describe('the dynamic providers serialize', () => {
  it.each([
    ['pagerduty', pagerdutyOverrideProvider],
    ['opsgenie', opsgenieOverrideProvider],
    ['datadog', datadogOverrideProvider],
    ['twilio', phoneLineProvider],
  ] as const)('%s', async (_name, provider) => {
    process.env.DD_API_KEY = 'env-key-never-serialized';
    const serialized = await pulumi.runtime.serializeFunction(() => provider, { allowSecrets: false });
    expect(serialized.text).toContain('exports.handler');
    expect(serialized.text).not.toContain('env-key-never-serialized');
  });

  it('a serialized override provider runs: it creates an override for the past without any request', async () => {
    const serialized = await pulumi.runtime.serializeFunction(() => pagerdutyOverrideProvider);
    const file = join(mkdtempSync(join(tmpdir(), 'provider-')), 'provider.js');
    writeFileSync(file, serialized.text);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const rebuilt = (require(file) as { handler: () => typeof pagerdutyOverrideProvider }).handler();
    const past = { scheduleId: 'P1', start: '2020-01-01T00:00:00Z', end: '2020-01-02T00:00:00Z', userId: 'U1', timeZone: 'UTC' };
    expect(await rebuilt.create(past)).toMatchObject({ outs: { overrideId: null } });
    expect(await rebuilt.diff!('x', { ...past, overrideId: null }, { ...past, userId: 'U2' })).toMatchObject({ replaces: ['userId'] });
    const api = await openApiServer(
      'pagerduty-overrides.json',
      (call) =>
        call.operationId === 'listScheduleOverrides'
          ? { status: 201, body: { overrides: [] } }
          : {
              status: 201,
              body: [
                {
                  status: 201,
                  override: {
                    id: 'PO9',
                    start: '2099-01-01T00:00:00Z',
                    end: '2099-01-02T00:00:00Z',
                    user: { id: 'U1', type: 'user_reference' },
                  },
                },
              ],
            },
      { undeclared: { time_zone: { type: 'string' } } },
    );
    try {
      const future = {
        ...past,
        start: '2099-01-01T00:00:00Z',
        end: '2099-01-02T00:00:00Z',
        connection: { token: 'tok-0123', apiUrlOverride: api.url },
      };
      expect((await rebuilt.create(future)).id).toBe('PO9');
      expect(api.violations).toEqual([]);
    } finally {
      await api.close();
    }
  });
});
