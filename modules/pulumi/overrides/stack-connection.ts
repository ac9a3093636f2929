/**
 * Reads, in the Pulumi program, the stack configuration of the backend's official provider (the keys as
 * secrets) so the override resources reach the same site with the same credentials. What is not configured is
 * left out: the override provider then falls back to the environment variables that provider reads.
 */
import * as pulumi from '@pulumi/pulumi';
import { PAGING_BACKENDS } from '../../backends/paging';
import { BACKENDS, type Backend } from '../../render/desired';

/** The type of each backend's override resources, which receive the `connection` input. */
export const OVERRIDE_TYPE: Readonly<Record<Backend, string>> = Object.fromEntries(
  BACKENDS.map((b) => [b, PAGING_BACKENDS[b].override.type]),
) as Record<Backend, string>;

type Values = Record<string, pulumi.Output<string> | string | undefined>;

/** `opsgenie:apiUrl` (or OPSGENIE_API_URL): a host name, as the opsgenie provider wants it. */
export function opsgenieApiHost(config: pulumi.Config = new pulumi.Config('opsgenie')): string | undefined {
  const host = config.get('apiUrl') ?? process.env.OPSGENIE_API_URL;
  if (host !== undefined && /:\/\//.test(host)) {
    throw new Error(
      `opsgenie:apiUrl is ${host}: write the host alone (api.eu.opsgenie.com); the opsgenie provider (v0.6.40, opsgenie-go-sdk-v2) puts https:// in front of it`,
    );
  }
  return host;
}

function values(backend: Backend): Values {
  if (backend === 'pagerduty') {
    const c = new pulumi.Config('pagerduty');
    return { token: c.getSecret('token'), serviceRegion: c.get('serviceRegion'), apiUrlOverride: c.get('apiUrlOverride') };
  }
  if (backend === 'opsgenie') {
    const c = new pulumi.Config('opsgenie');
    return { apiKey: c.getSecret('apiKey'), apiUrl: c.get('apiUrl') === undefined ? undefined : opsgenieApiHost(c) };
  }
  const c = new pulumi.Config('datadog');
  return { apiKey: c.getSecret('apiKey'), appKey: c.getSecret('appKey'), apiUrl: c.get('apiUrl') };
}

/** The `connection` input of the backend's override resources (a secret), or undefined when nothing is set. */
export function connectionFromStack(backend: Backend): pulumi.Output<Record<string, string>> | undefined {
  const set = Object.entries(values(backend)).filter((e): e is [string, pulumi.Output<string> | string] => e[1] !== undefined);
  if (set.length === 0) return undefined;
  return pulumi.secret(pulumi.all(Object.fromEntries(set)) as pulumi.Output<Record<string, string>>);
}
