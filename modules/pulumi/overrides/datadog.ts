import * as pulumi from '@pulumi/pulumi';
import { requestJson, requiredEnv } from './http';
import { replaceOnlyOverrideProvider } from './replace-only';

export interface DatadogOverrideInputs {
  scheduleId: string;
  start: string;
  end: string;
  userId: string;
}

const KEYS = ['scheduleId', 'start', 'end', 'userId'] as const;

function api(): { base: string; headers: Record<string, string> } {
  return {
    base: (process.env.DD_API_URL ?? 'https://api.datadoghq.com').replace(/\/+$/, ''),
    headers: { 'DD-API-KEY': requiredEnv('DD_API_KEY'), 'DD-APPLICATION-KEY': requiredEnv('DD_APP_KEY') },
  };
}

export const datadogOverrideProvider = replaceOnlyOverrideProvider<DatadogOverrideInputs>({
  keys: KEYS,
  async create(inputs) {
    const { base, headers } = api();
    const { json } = await requestJson('POST', `${base}/api/v2/on-call/schedules/${encodeURIComponent(inputs.scheduleId)}/overrides`, headers, {
      data: [{ type: 'overrides', attributes: { start: inputs.start, end: inputs.end }, relationships: { user: { data: { type: 'users', id: inputs.userId } } } }],
    });
    const data = (json as { data?: unknown }).data;
    const id = (Array.isArray(data) ? (data[0] as { id?: string }) : (data as { id?: string } | undefined))?.id;
    if (!id) throw new Error(`Datadog did not create the override: ${JSON.stringify(json).slice(0, 500)}`);
    return id;
  },
  async remove(id, props) {
    const { base, headers } = api();
    await requestJson('DELETE', `${base}/api/v2/on-call/schedules/${encodeURIComponent(props.scheduleId)}/overrides/${encodeURIComponent(id)}`, headers);
  },
});

export class DatadogScheduleOverride extends pulumi.dynamic.Resource {
  static readonly __pulumiType = 'pulumi-nodejs:dynamic/datadog:ScheduleOverride';
  constructor(name: string, args: { [K in keyof DatadogOverrideInputs]: pulumi.Input<DatadogOverrideInputs[K]> }, opts?: pulumi.CustomResourceOptions) {
    super(datadogOverrideProvider, name, { ...args, overrideId: undefined }, opts, 'datadog', 'ScheduleOverride');
  }
}
