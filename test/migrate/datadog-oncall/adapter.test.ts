/**
 * The adapter's registration and environment: Datadog's keys as its API takes them (headers `DD-API-KEY` and
 * `DD-APPLICATION-KEY`, test/fixtures/openapi/datadog-oncall-import.json securitySchemes) and the API host of each
 * Datadog site (docs.datadoghq.com/getting_started/site: `api.<site>`).
 */
import { describe, expect, it } from 'vitest';
import { ADAPTERS } from '../../../modules/migrate/adapters';
import { datadogBaseUrl, datadogOnCallAdapter } from '../../../modules/migrate/datadog-oncall/adapter';

describe('the Datadog On-Call adapter', () => {
  it('is registered once, as `oncall import datadog-oncall`', () => {
    // Registered with a service named for each squad that has none (modules/migrate/squad-services.ts).
    const registered = ADAPTERS.filter((a) => a.command === 'datadog-oncall');
    expect(registered).toHaveLength(1);
    expect(registered[0]!.read).toBe(datadogOnCallAdapter.read);
    expect(registered[0]!.observe).toBe(datadogOnCallAdapter.observe);
    expect(datadogOnCallAdapter.backend).toBe('datadog');
  });

  it('takes both keys from the environment, and names the missing ones', () => {
    expect(datadogOnCallAdapter.headersFromEnv({ DD_API_KEY: 'a', DD_APP_KEY: 'b' })).toEqual({
      headers: { 'DD-API-KEY': 'a', 'DD-APPLICATION-KEY': 'b' },
    });
    expect(datadogOnCallAdapter.headersFromEnv({ DD_API_KEY: 'a' })).toEqual({ missing: ['DD_APP_KEY'] });
    expect(datadogOnCallAdapter.headersFromEnv({})).toEqual({ missing: ['DD_API_KEY', 'DD_APP_KEY'] });
  });

  it('reads the API of the site DD_SITE names', () => {
    expect(datadogBaseUrl({})).toBe('https://api.datadoghq.com');
    expect(datadogBaseUrl({ DD_SITE: 'datadoghq.eu' })).toBe('https://api.datadoghq.eu');
    expect(datadogBaseUrl({ DD_SITE: 'us5.datadoghq.com' })).toBe('https://api.us5.datadoghq.com');
    expect(datadogBaseUrl({ DD_SITE: 'https://app.datadoghq.eu/' })).toBe('https://api.datadoghq.eu');
  });
});
