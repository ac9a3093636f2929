/**
 * Where each override provider sends its requests and with which key: the values of the stack configuration the
 * official provider of the same backend reads (passed to the dynamic resource as a secret input, `connection`),
 * then the environment variables that provider falls back to. Nothing else: a setting the official provider would
 * not see would send the overrides somewhere the schedules are not.
 */

/** `pagerduty:*` — terraform-provider-pagerduty v2.4.0 pagerduty/provider.go (`token`, `service_region`, `api_url_override`). */
export interface PagerDutyConnection {
  readonly token?: string;
  readonly serviceRegion?: string;
  readonly apiUrlOverride?: string;
}

/** `opsgenie:*` — terraform-provider-opsgenie v0.6.40 opsgenie/provider.go (`api_key`, `api_url`). */
export interface OpsgenieConnection {
  readonly apiKey?: string;
  /** A bare host (`api.eu.opsgenie.com`): the provider's SDK prefixes `https://`. */
  readonly apiUrl?: string;
}

/** `datadog:*` — terraform-provider-datadog v4.19.0 datadog/provider.go (`api_key`, `app_key`, `api_url`). */
export interface DatadogConnection {
  readonly apiKey?: string;
  readonly appKey?: string;
  readonly apiUrl?: string;
}

export interface Endpoint {
  /** Scheme and host, without a trailing slash. */
  readonly base: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly secrets: readonly string[];
}

/** The `connection` output is secret whatever the engine infers from the input (resource option). */
export function withSecretConnection<O extends { additionalSecretOutputs?: string[] }>(opts: O | undefined): O {
  return { ...(opts ?? ({} as O)), additionalSecretOutputs: [...(opts?.additionalSecretOutputs ?? []), 'connection'] };
}

type Env = Readonly<Record<string, string | undefined>>;

const firstSet = (...values: (string | undefined)[]): string | undefined => values.find((v) => v !== undefined && v !== '');
const trimSlashes = (url: string): string => url.replace(/\/+$/, '');

function missing(what: string, config: string, env: string): Error {
  return new Error(
    `no ${what}: set it with \`pulumi config set --secret ${config} …\` or in ${env} (the override provider reads the same settings as the backend's provider)`,
  );
}

/**
 * pagerduty/provider.go at v2.4.0: `token` (env PAGERDUTY_TOKEN); the API is https://api.<region>.pagerduty.com
 * unless the region is empty or `us`; `api_url_override` replaces it (no environment variable for either).
 */
export function pagerdutyEndpoint(c: PagerDutyConnection | undefined, env: Env = process.env): Endpoint {
  const token = firstSet(c?.token, env.PAGERDUTY_TOKEN);
  if (!token) throw missing('PagerDuty token', 'pagerduty:token', 'PAGERDUTY_TOKEN');
  const region = (c?.serviceRegion ?? '').toLowerCase();
  const base = firstSet(c?.apiUrlOverride) ?? `https://api.${region === '' || region === 'us' ? '' : `${region}.`}pagerduty.com`;
  return {
    base: trimSlashes(base),
    // The api-schema declares both headers on every operation, GET and DELETE included.
    headers: {
      Authorization: `Token token=${token}`,
      Accept: 'application/vnd.pagerduty+json;version=2',
      'Content-Type': 'application/json',
    },
    secrets: [token],
  };
}

/**
 * opsgenie/provider.go at v0.6.40: `api_key` (env OPSGENIE_API_KEY), `api_url` (env OPSGENIE_API_URL, default
 * `api.opsgenie.com`), a host to which the SDK (opsgenie-go-sdk-v2 client) prefixes `https://`. A value that
 * already has a scheme is taken as is (a local test server, a proxy).
 */
export function opsgenieEndpoint(c: OpsgenieConnection | undefined, env: Env = process.env): Endpoint {
  const key = firstSet(c?.apiKey, env.OPSGENIE_API_KEY);
  if (!key) throw missing('Opsgenie API key', 'opsgenie:apiKey', 'OPSGENIE_API_KEY');
  const host = firstSet(c?.apiUrl, env.OPSGENIE_API_URL) ?? 'api.opsgenie.com';
  return {
    base: trimSlashes(/^[a-z]+:\/\//i.test(host) ? host : `https://${host}`),
    headers: { Authorization: `GenieKey ${key}` },
    secrets: [key],
  };
}

/**
 * datadog/provider.go `providerConfigure` at v4.19.0: `api_key` else DD_API_KEY, DATADOG_API_KEY; `app_key` else
 * DD_APP_KEY, DATADOG_APP_KEY; `api_url` else DD_HOST, DATADOG_HOST (utils.APIUrlEnvVars), default
 * https://api.datadoghq.com. The provider does not read DD_SITE.
 */
export function datadogEndpoint(c: DatadogConnection | undefined, env: Env = process.env): Endpoint {
  const apiKey = firstSet(c?.apiKey, env.DD_API_KEY, env.DATADOG_API_KEY);
  if (!apiKey) throw missing('Datadog API key', 'datadog:apiKey', 'DD_API_KEY or DATADOG_API_KEY');
  const appKey = firstSet(c?.appKey, env.DD_APP_KEY, env.DATADOG_APP_KEY);
  if (!appKey) throw missing('Datadog application key', 'datadog:appKey', 'DD_APP_KEY or DATADOG_APP_KEY');
  const base = firstSet(c?.apiUrl, env.DD_HOST, env.DATADOG_HOST) ?? 'https://api.datadoghq.com';
  if (!/^[a-z]+:\/\/[^/]/i.test(base))
    throw new Error(
      `the Datadog API URL ${base} has no scheme or host (the provider refuses it too): write it as https://api.datadoghq.eu/`,
    );
  return { base: trimSlashes(base), headers: { 'DD-API-KEY': apiKey, 'DD-APPLICATION-KEY': appKey }, secrets: [apiKey, appKey] };
}
