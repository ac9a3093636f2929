/**
 * Where the override providers send their requests and with which keys: the settings and environment variables
 * of the backend's official provider at its pinned version, and nothing else. The expected values come from
 * those providers' sources (cited on each test).
 */
import * as pulumi from '@pulumi/pulumi';
import { afterEach, describe, expect, it } from 'vitest';
import { datadogEndpoint, opsgenieEndpoint, pagerdutyEndpoint } from '../../modules/pulumi/overrides/connection';
import { connectionFromStack, opsgenieApiHost, OVERRIDE_TYPE } from '../../modules/pulumi/overrides/stack-connection';
import { registerDesiredState } from '../../modules/pulumi/register';
import { installMocks, registrations } from './mocks';

installMocks();

afterEach(() => {
  pulumi.runtime.setAllConfig({});
});

describe('PagerDuty (terraform-provider-pagerduty v2.4.0 pagerduty/provider.go providerConfigure)', () => {
  it('token from `pagerduty:token`, else PAGERDUTY_TOKEN; the API of the service region; api_url_override wins', () => {
    expect(pagerdutyEndpoint({ token: 't1' }, {}).base).toBe('https://api.pagerduty.com');
    expect(pagerdutyEndpoint({ token: 't1', serviceRegion: 'us' }, {}).base).toBe('https://api.pagerduty.com');
    expect(pagerdutyEndpoint({ token: 't1', serviceRegion: 'EU' }, {}).base).toBe('https://api.eu.pagerduty.com');
    expect(
      pagerdutyEndpoint({ serviceRegion: 'eu', apiUrlOverride: 'http://127.0.0.1:9/' }, { PAGERDUTY_TOKEN: 'from-env' }),
    ).toMatchObject({
      base: 'http://127.0.0.1:9',
      headers: { Authorization: 'Token token=from-env' },
    });
    expect(pagerdutyEndpoint({ token: 'from-config' }, { PAGERDUTY_TOKEN: 'from-env' }).headers.Authorization).toBe(
      'Token token=from-config',
    );
  });

  it('reads no variable the provider does not read, and says where the token goes when there is none', () => {
    expect(pagerdutyEndpoint({ token: 't1' }, { PAGERDUTY_API_URL: 'http://elsewhere.example' }).base).toBe('https://api.pagerduty.com');
    expect(() => pagerdutyEndpoint(undefined, {})).toThrow(
      /no PagerDuty token: set it with `pulumi config set --secret pagerduty:token …` or in PAGERDUTY_TOKEN/,
    );
  });
});

describe('Opsgenie (terraform-provider-opsgenie v0.6.40 opsgenie/provider.go: api_url, a host, default api.opsgenie.com)', () => {
  it('a bare host gets https://, the EU host included; OPSGENIE_API_URL and OPSGENIE_API_KEY are the fallbacks', () => {
    expect(opsgenieEndpoint({ apiKey: 'k' }, {}).base).toBe('https://api.opsgenie.com');
    expect(opsgenieEndpoint({ apiKey: 'k', apiUrl: 'api.eu.opsgenie.com' }, {}).base).toBe('https://api.eu.opsgenie.com');
    expect(opsgenieEndpoint(undefined, { OPSGENIE_API_URL: 'api.eu.opsgenie.com', OPSGENIE_API_KEY: 'k' })).toMatchObject({
      base: 'https://api.eu.opsgenie.com',
      headers: { Authorization: 'GenieKey k' },
    });
    expect(() => opsgenieEndpoint(undefined, {})).toThrow(/opsgenie:apiKey .* OPSGENIE_API_KEY/);
  });

  it('the program refuses `opsgenie:apiUrl` written as a URL, which the provider would prefix with https:// again', () => {
    pulumi.runtime.setAllConfig({ 'opsgenie:apiUrl': 'https://api.eu.opsgenie.com' });
    expect(() => opsgenieApiHost()).toThrow(
      /opsgenie:apiUrl is https:\/\/api\.eu\.opsgenie\.com: write the host alone \(api\.eu\.opsgenie\.com\)/,
    );
    pulumi.runtime.setAllConfig({ 'opsgenie:apiUrl': 'api.eu.opsgenie.com' });
    expect(opsgenieApiHost()).toBe('api.eu.opsgenie.com');
  });
});

describe('Datadog (terraform-provider-datadog v4.19.0 datadog/provider.go providerConfigure, internal/utils/utils.go)', () => {
  it('api_url, else DD_HOST, else DATADOG_HOST; keys from DD_* then DATADOG_*', () => {
    expect(datadogEndpoint({ apiKey: 'a', appKey: 'b', apiUrl: 'https://api.datadoghq.eu/' }, {}).base).toBe('https://api.datadoghq.eu');
    expect(
      datadogEndpoint(undefined, { DATADOG_API_KEY: 'a', DATADOG_APP_KEY: 'b', DATADOG_HOST: 'https://api.us5.datadoghq.com' }),
    ).toMatchObject({
      base: 'https://api.us5.datadoghq.com',
      headers: { 'DD-API-KEY': 'a', 'DD-APPLICATION-KEY': 'b' },
    });
    expect(
      datadogEndpoint(undefined, {
        DD_API_KEY: 'a',
        DATADOG_API_KEY: 'x',
        DD_APP_KEY: 'b',
        DD_HOST: 'https://api.datadoghq.eu',
        DATADOG_HOST: 'https://x.example',
      }),
    ).toMatchObject({
      base: 'https://api.datadoghq.eu',
      headers: { 'DD-API-KEY': 'a' },
    });
  });

  it('ignores DD_API_URL and DD_SITE, which the provider does not read, and refuses a URL without scheme as it does', () => {
    expect(datadogEndpoint({ apiKey: 'a', appKey: 'b' }, { DD_API_URL: 'https://api.datadoghq.eu', DD_SITE: 'datadoghq.eu' }).base).toBe(
      'https://api.datadoghq.com',
    );
    expect(() => datadogEndpoint({ apiKey: 'a', appKey: 'b', apiUrl: 'api.datadoghq.eu' }, {})).toThrow(/has no scheme or host/);
    expect(() => datadogEndpoint({ apiKey: 'a' }, {})).toThrow(/datadog:appKey .* DD_APP_KEY or DATADOG_APP_KEY/);
  });
});

describe('the Pulumi program passes the stack configuration to the override resources as a secret', () => {
  it('reads `datadog:apiUrl`, `datadog:apiKey`, `datadog:appKey` and registers them as the secret `connection` input', async () => {
    pulumi.runtime.setAllConfig(
      { 'datadog:apiUrl': 'https://api.datadoghq.eu/', 'datadog:apiKey': 'cfg-api-key', 'datadog:appKey': 'cfg-app-key' },
      ['datadog:apiKey', 'datadog:appKey'],
    );
    const connection = connectionFromStack('datadog');
    expect(connection).toBeDefined();
    expect(await pulumi.isSecret(connection!)).toBe(true);
    registrations.length = 0;
    const parent = new pulumi.ComponentResource('oncall:test:Parent', 'parent');
    const state = {
      stack: 'acme-test',
      backend: 'datadog' as const,
      resources: [
        {
          type: OVERRIDE_TYPE.datadog,
          name: 'storefront-oncall-override-20991224T1700Z',
          squad: 'storefront',
          inputs: { scheduleId: 'sch-1', start: '2099-12-24T18:00:00+01:00', end: '2099-12-26T09:00:00+01:00', userId: 'usr-1' },
        },
      ],
    };
    const registered = registerDesiredState(state as never, () => parent, {
      [OVERRIDE_TYPE.datadog]: { connection: pulumi.secret(connection!) },
    });
    await new Promise<void>((done) => registered.get('storefront-oncall-override-20991224T1700Z')!.urn.apply(() => done()));
    const inputs = registrations.find((r) => r.type === OVERRIDE_TYPE.datadog)!.inputs;
    // The mocks receive secrets wrapped with Pulumi's secret signature.
    expect(inputs.connection).toMatchObject({
      '4dabf18193072939515e22adb298388d': '1b47061264138c4ac30d75fd1eb44270',
      value: { apiUrl: 'https://api.datadoghq.eu/', apiKey: 'cfg-api-key', appKey: 'cfg-app-key' },
    });
    expect(inputs.scheduleId).toBe('sch-1');
  });

  it('adds nothing when the stack configures nothing (the provider then reads the environment)', () => {
    expect(connectionFromStack('pagerduty')).toBeUndefined();
    pulumi.runtime.setAllConfig({ 'pagerduty:serviceRegion': 'eu' });
    expect(connectionFromStack('pagerduty')).toBeDefined();
  });
});
