/**
 * Datadog On-Call overrides (POST, GET and DELETE /api/v2/on-call/schedules/{schedule_id}/overrides; see
 * test/fixtures/openapi/README.md for where their description comes from).
 */
import * as pulumi from '@pulumi/pulumi';
import { dynamicModuleAndName } from '../../backends/descriptor';
import { DATADOG_ONCALL } from '../../backends/datadog-oncall/resources';
import { datadogEndpoint, withSecretConnection, type DatadogConnection } from './connection';
import { ApiError, DEFAULT_POLICY, requestJson, secondsHeaderMs, type ApiProfile, type HttpPolicy } from './http';
import { describeOverride, replaceOnlyOverrideProvider, type LiveOverride } from './replace-only';

export interface DatadogOverrideInputs {
  scheduleId: string;
  start: string;
  end: string;
  userId: string;
  connection?: DatadogConnection;
}

const KEYS = ['scheduleId', 'start', 'end', 'userId'] as const;
const PAGE_SIZE = 100;
const MAX_PAGES = 20;

function api(inputs: DatadogOverrideInputs): {
  base: string;
  headers: Readonly<Record<string, string>>;
  profile: ApiProfile;
  about: string;
} {
  const endpoint = datadogEndpoint(inputs.connection);
  return {
    base: `${endpoint.base}/api/v2/on-call/schedules/${encodeURIComponent(inputs.scheduleId)}/overrides`,
    headers: endpoint.headers,
    // docs.datadoghq.com/api/latest/rate-limits: X-RateLimit-Reset is the time in seconds until the next reset.
    profile: {
      service: 'Datadog',
      secrets: endpoint.secrets,
      rateLimitDelayMs: (h) => secondsHeaderMs(h, 'x-ratelimit-reset') ?? secondsHeaderMs(h, 'x-ratelimit-period'),
    },
    about: describeOverride('Datadog On-Call', inputs),
  };
}

interface OverrideData {
  id: string;
  attributes?: { start?: string; end?: string };
  relationships?: { user?: { data?: { id?: string } } };
}

export function makeDatadogOverrideProvider(policy: HttpPolicy = DEFAULT_POLICY): pulumi.dynamic.ResourceProvider {
  return replaceOnlyOverrideProvider<DatadogOverrideInputs>({
    keys: KEYS,
    async create(inputs) {
      const { base, headers, profile, about } = api(inputs);
      const body = {
        data: [
          {
            type: 'overrides',
            attributes: { start: inputs.start, end: inputs.end },
            relationships: { user: { data: { type: 'users', id: inputs.userId } } },
          },
        ],
      };
      const { json } = await requestJson({ method: 'POST', url: base, headers, about, body }, profile, policy);
      const data = (json as { data?: OverrideData[] } | undefined)?.data;
      const id = Array.isArray(data) ? data[0]?.id : undefined;
      if (!id) throw new ApiError(`${about}: Datadog answered without an override id: ${JSON.stringify(json).slice(0, 300)}`);
      return id;
    },
    async list(inputs) {
      const { base, headers, profile, about } = api(inputs);
      const out: LiveOverride[] = [];
      for (let page = 0; page < MAX_PAGES; page++) {
        const query = new URLSearchParams({
          'filter[start]': inputs.start,
          'filter[end]': inputs.end,
          'page[size]': String(PAGE_SIZE),
          'page[number]': String(page),
        });
        const { json } = await requestJson({ method: 'GET', url: `${base}?${query}`, headers, about }, profile, policy);
        const data = (json as { data?: OverrideData[] } | undefined)?.data ?? [];
        for (const o of data)
          out.push({
            id: o.id,
            start: o.attributes?.start ?? '',
            end: o.attributes?.end ?? '',
            userId: o.relationships?.user?.data?.id ?? '',
          });
        if (data.length < PAGE_SIZE) break;
      }
      return out;
    },
    async remove(id, inputs) {
      const { base, headers, profile, about } = api(inputs);
      await requestJson({ method: 'DELETE', url: `${base}/${encodeURIComponent(id)}`, headers, about, accept: [404] }, profile, policy);
    },
  });
}

export const datadogOverrideProvider = makeDatadogOverrideProvider();

type Args = { [K in keyof DatadogOverrideInputs]: pulumi.Input<DatadogOverrideInputs[K]> };

const DYNAMIC = dynamicModuleAndName(DATADOG_ONCALL.override);

export class DatadogScheduleOverride extends pulumi.dynamic.Resource {
  static readonly __pulumiType = DATADOG_ONCALL.override.type;
  constructor(name: string, args: Args, opts?: pulumi.CustomResourceOptions) {
    super(datadogOverrideProvider, name, { ...args, overrideId: undefined }, withSecretConnection(opts), DYNAMIC.module, DYNAMIC.name);
  }
}
