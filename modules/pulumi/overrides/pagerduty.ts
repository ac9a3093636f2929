import * as pulumi from '@pulumi/pulumi';
import { requestJson, requiredEnv } from './http';
import { replaceOnlyOverrideProvider } from './replace-only';

export interface PagerDutyOverrideInputs {
  scheduleId: string;
  /** RFC 3339 with offset. */
  start: string;
  end: string;
  userId: string;
  timeZone: string;
}

const KEYS = ['scheduleId', 'start', 'end', 'userId', 'timeZone'] as const;

function api(): { base: string; headers: Record<string, string> } {
  return {
    base: (process.env.PAGERDUTY_API_URL ?? 'https://api.pagerduty.com').replace(/\/+$/, ''),
    headers: { Authorization: `Token token=${requiredEnv('PAGERDUTY_TOKEN')}`, Accept: 'application/vnd.pagerduty+json;version=2' },
  };
}

export const pagerdutyOverrideProvider = replaceOnlyOverrideProvider<PagerDutyOverrideInputs>({
  keys: KEYS,
  async create(inputs) {
    const { base, headers } = api();
    const { json } = await requestJson('POST', `${base}/schedules/${encodeURIComponent(inputs.scheduleId)}/overrides`, headers, {
      overrides: [{ start: inputs.start, end: inputs.end, user: { id: inputs.userId, type: 'user_reference' }, time_zone: inputs.timeZone }],
    });
    const first = Array.isArray(json) ? (json[0] as { status?: number; override?: { id?: string }; errors?: unknown }) : (json as { override?: { id?: string } });
    const id = first?.override?.id;
    if (!id) throw new Error(`PagerDuty did not create the override: ${JSON.stringify(json).slice(0, 500)}`);
    return id;
  },
  async remove(id, props) {
    const { base, headers } = api();
    await requestJson('DELETE', `${base}/schedules/${encodeURIComponent(props.scheduleId)}/overrides/${encodeURIComponent(id)}`, headers);
  },
});

export class PagerDutyScheduleOverride extends pulumi.dynamic.Resource {
  static readonly __pulumiType = 'pulumi-nodejs:dynamic/pagerduty:ScheduleOverride';
  constructor(name: string, args: { [K in keyof PagerDutyOverrideInputs]: pulumi.Input<PagerDutyOverrideInputs[K]> }, opts?: pulumi.CustomResourceOptions) {
    super(pagerdutyOverrideProvider, name, { ...args, overrideId: undefined }, opts, 'pagerduty', 'ScheduleOverride');
  }
}
