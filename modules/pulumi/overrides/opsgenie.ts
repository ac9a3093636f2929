import * as pulumi from '@pulumi/pulumi';
import { changedKeys, requestJson, requiredEnv } from './http';

export interface OpsgenieOverrideInputs {
  scheduleId: string;
  /** Unique per schedule: the resource name. */
  alias: string;
  username: string;
  startDate: string;
  endDate: string;
}

function api(): { base: string; headers: Record<string, string> } {
  return {
    base: (process.env.OPSGENIE_API_URL ?? 'https://api.opsgenie.com').replace(/\/+$/, ''),
    headers: { Authorization: `GenieKey ${requiredEnv('OPSGENIE_API_KEY')}` },
  };
}

function body(i: OpsgenieOverrideInputs): unknown {
  return { alias: i.alias, user: { type: 'user', username: i.username }, startDate: i.startDate, endDate: i.endDate };
}

function url(base: string, i: OpsgenieOverrideInputs, alias?: string): string {
  const path = `${base}/v2/schedules/${encodeURIComponent(i.scheduleId)}/overrides${alias === undefined ? '' : `/${encodeURIComponent(alias)}`}`;
  return `${path}?scheduleIdentifierType=id`;
}

export const opsgenieOverrideProvider: pulumi.dynamic.ResourceProvider = {
  async create(inputs: OpsgenieOverrideInputs) {
    if (Date.parse(inputs.endDate) <= Date.now()) return { id: inputs.alias, outs: { ...inputs, applied: false } };
    const { base, headers } = api();
    await requestJson('POST', url(base, inputs), headers, body(inputs));
    return { id: inputs.alias, outs: { ...inputs, applied: true } };
  },
  async diff(_id: string, olds: OpsgenieOverrideInputs, news: OpsgenieOverrideInputs) {
    const changed = changedKeys(olds as never, news as never, ['scheduleId', 'alias', 'username', 'startDate', 'endDate']);
    const replaces = changed.filter((k) => k === 'scheduleId' || k === 'alias');
    return { changes: changed.length > 0, replaces, deleteBeforeReplace: true };
  },
  async update(_id: string, _olds: OpsgenieOverrideInputs, news: OpsgenieOverrideInputs) {
    if (Date.parse(news.endDate) <= Date.now()) return { outs: { ...news, applied: false } };
    const { base, headers } = api();
    await requestJson('PUT', url(base, news, news.alias), headers, body(news));
    return { outs: { ...news, applied: true } };
  },
  async delete(_id: string, props: OpsgenieOverrideInputs & { applied?: boolean }) {
    if (!props.applied || Date.parse(props.endDate) <= Date.now()) return;
    const { base, headers } = api();
    await requestJson('DELETE', url(base, props, props.alias), headers);
  },
};

export class OpsgenieScheduleOverride extends pulumi.dynamic.Resource {
  static readonly __pulumiType = 'pulumi-nodejs:dynamic/opsgenie:ScheduleOverride';
  constructor(name: string, args: { [K in keyof OpsgenieOverrideInputs]: pulumi.Input<OpsgenieOverrideInputs[K]> }, opts?: pulumi.CustomResourceOptions) {
    super(opsgenieOverrideProvider, name, { ...args, applied: undefined }, opts, 'opsgenie', 'ScheduleOverride');
  }
}
