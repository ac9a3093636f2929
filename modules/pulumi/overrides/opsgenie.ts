/**
 * Opsgenie overrides by alias (opsgenie/opsgenie-oas swagger.json: createScheduleOverride, getScheduleOverride,
 * updateScheduleOverride, deleteScheduleOverride under /v2/schedules/{identifier}/overrides). The alias (the
 * resource name, unique per schedule) makes every step idempotent: creation looks the alias up first, and again
 * after a POST whose answer was lost, and puts the wanted values on what it finds instead of adding another.
 */
import * as pulumi from '@pulumi/pulumi';
import { dynamicModuleAndName } from '../../backends/descriptor';
import { OPSGENIE } from '../../backends/opsgenie/resources';
import { opsgenieEndpoint, withSecretConnection, type OpsgenieConnection } from './connection';
import {
  ApiError,
  changedKeys,
  DEFAULT_POLICY,
  MaybeAppliedError,
  requestJson,
  sameInstant,
  secondsHeaderMs,
  type ApiProfile,
  type HttpPolicy,
} from './http';

export interface OpsgenieOverrideInputs {
  scheduleId: string;
  /** Unique per schedule: the resource name. */
  alias: string;
  username: string;
  startDate: string;
  endDate: string;
  connection?: OpsgenieConnection;
}

type Props = OpsgenieOverrideInputs & { applied?: boolean };

interface Live {
  alias?: string;
  user?: { type?: string; username?: string };
  startDate?: string;
  endDate?: string;
}

const POSTS = 3;
const isOver = (i: OpsgenieOverrideInputs): boolean => Date.parse(i.endDate) <= Date.now();

function api(i: OpsgenieOverrideInputs): {
  collection: string;
  one: string;
  headers: Readonly<Record<string, string>>;
  profile: ApiProfile;
  about: string;
} {
  const endpoint = opsgenieEndpoint(i.connection);
  const collection = `${endpoint.base}/v2/schedules/${encodeURIComponent(i.scheduleId)}/overrides`;
  return {
    collection: `${collection}?scheduleIdentifierType=id`,
    one: `${collection}/${encodeURIComponent(i.alias)}?scheduleIdentifierType=id`,
    headers: endpoint.headers,
    // opsgenie-oas declares X-RateLimit-Period-In-Sec on its answers (docs.opsgenie.com/docs/api-rate-limiting).
    profile: { service: 'Opsgenie', secrets: endpoint.secrets, rateLimitDelayMs: (h) => secondsHeaderMs(h, 'x-ratelimit-period-in-sec') },
    about: `Opsgenie override ${i.alias} of schedule ${i.scheduleId} starting ${i.startDate}`,
  };
}

function body(i: OpsgenieOverrideInputs, withAlias: boolean): unknown {
  return {
    ...(withAlias ? { alias: i.alias } : {}),
    user: { type: 'user', username: i.username },
    startDate: i.startDate,
    endDate: i.endDate,
  };
}

function matches(live: Live, i: OpsgenieOverrideInputs): boolean {
  return (
    (live.user?.username ?? '').toLowerCase() === i.username.toLowerCase() &&
    sameInstant(live.startDate, i.startDate) &&
    sameInstant(live.endDate, i.endDate)
  );
}

export function makeOpsgenieOverrideProvider(policy: HttpPolicy = DEFAULT_POLICY): pulumi.dynamic.ResourceProvider {
  const get = async (i: OpsgenieOverrideInputs): Promise<Live | undefined> => {
    const a = api(i);
    const { status, json } = await requestJson(
      { method: 'GET', url: a.one, headers: a.headers, about: a.about, accept: [404] },
      a.profile,
      policy,
    );
    return status === 404 ? undefined : ((json as { data?: Live } | undefined)?.data ?? {});
  };
  const put = async (i: OpsgenieOverrideInputs): Promise<number> => {
    const a = api(i);
    const { status } = await requestJson(
      { method: 'PUT', url: a.one, headers: a.headers, about: a.about, body: body(i, false), accept: [404] },
      a.profile,
      policy,
    );
    return status;
  };
  /** Makes the alias hold the wanted override, whether it exists or not. */
  const ensure = async (i: OpsgenieOverrideInputs): Promise<void> => {
    const a = api(i);
    let lost: Error | undefined;
    for (let post = 0; post <= POSTS; post++) {
      const live = await get(i);
      if (live) {
        if (!matches(live, i)) await put(i);
        return;
      }
      if (post === POSTS) break;
      try {
        await requestJson(
          { method: 'POST', url: a.collection, headers: a.headers, about: a.about, body: body(i, true) },
          a.profile,
          policy,
        );
        return;
      } catch (e) {
        // Lost answers and "already exists" both send us back to the lookup by alias.
        if (!(e instanceof MaybeAppliedError) && !(e instanceof ApiError && (e.status === 409 || e.status === 422))) throw e;
        lost = e;
      }
    }
    throw new Error(`${lost?.message ?? 'no answer'} (sent ${POSTS} times; none of them created the override)`);
  };
  return {
    async create(inputs: OpsgenieOverrideInputs) {
      if (isOver(inputs)) return { id: inputs.alias, outs: { ...inputs, applied: false } };
      await ensure(inputs);
      return { id: inputs.alias, outs: { ...inputs, applied: true } };
    },
    async read(id: string, props: Props) {
      if (!props.applied || isOver(props)) return { id, props };
      const live = await get(props);
      if (!live) return { id: '' };
      return {
        id,
        props: {
          ...props,
          username: live.user?.username ?? props.username,
          startDate: sameInstant(live.startDate, props.startDate) ? props.startDate : (live.startDate ?? props.startDate),
          endDate: sameInstant(live.endDate, props.endDate) ? props.endDate : (live.endDate ?? props.endDate),
        },
      };
    },
    async diff(_id: string, olds: Props, news: OpsgenieOverrideInputs) {
      const changed = changedKeys(olds as never, news as never, ['scheduleId', 'alias', 'username', 'startDate', 'endDate']);
      const replaces = changed.filter((k) => k === 'scheduleId' || k === 'alias');
      const connection = JSON.stringify(olds.connection ?? null) !== JSON.stringify(news.connection ?? null);
      return { changes: changed.length > 0 || connection, replaces, deleteBeforeReplace: true };
    },
    async update(_id: string, olds: Props, news: OpsgenieOverrideInputs) {
      if (isOver(news)) return { outs: { ...news, applied: false } };
      const same = changedKeys(olds as never, news as never, ['username', 'startDate', 'endDate']).length === 0;
      // Only the connection changed: nothing to send.
      if (same && olds.applied) return { outs: { ...news, applied: true } };
      if ((await put(news)) === 404) await ensure(news);
      return { outs: { ...news, applied: true } };
    },
    async delete(_id: string, props: Props) {
      if (!props.applied || isOver(props)) return;
      const a = api(props);
      await requestJson({ method: 'DELETE', url: a.one, headers: a.headers, about: a.about, accept: [404] }, a.profile, policy);
    },
  };
}

export const opsgenieOverrideProvider = makeOpsgenieOverrideProvider();

type Args = { [K in keyof OpsgenieOverrideInputs]: pulumi.Input<OpsgenieOverrideInputs[K]> };

const DYNAMIC = dynamicModuleAndName(OPSGENIE.override);

export class OpsgenieScheduleOverride extends pulumi.dynamic.Resource {
  static readonly __pulumiType = OPSGENIE.override.type;
  constructor(name: string, args: Args, opts?: pulumi.CustomResourceOptions) {
    super(opsgenieOverrideProvider, name, { ...args, applied: undefined }, withSecretConnection(opts), DYNAMIC.module, DYNAMIC.name);
  }
}
