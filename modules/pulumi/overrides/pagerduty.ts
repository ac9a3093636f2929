/**
 * PagerDuty overrides (PagerDuty/api-schema reference/REST/openapiv3.json: createScheduleOverride,
 * listScheduleOverrides, deleteScheduleOverride).
 */
import * as pulumi from '@pulumi/pulumi';
import { dynamicModuleAndName } from '../../backends/descriptor';
import { PAGERDUTY } from '../../backends/pagerduty/resources';
import { pagerdutyEndpoint, withSecretConnection, type PagerDutyConnection } from './connection';
import { ApiError, DEFAULT_POLICY, requestJson, secondsHeaderMs, type ApiProfile, type HttpPolicy } from './http';
import { describeOverride, replaceOnlyOverrideProvider, type LiveOverride } from './replace-only';

export interface PagerDutyOverrideInputs {
  scheduleId: string;
  /** RFC 3339 with offset. */
  start: string;
  end: string;
  userId: string;
  timeZone: string;
  connection?: PagerDutyConnection;
}

const KEYS = ['scheduleId', 'start', 'end', 'userId', 'timeZone'] as const;
const DAY_MS = 86_400_000;

function api(inputs: PagerDutyOverrideInputs): {
  base: string;
  headers: Readonly<Record<string, string>>;
  profile: ApiProfile;
  about: string;
} {
  const endpoint = pagerdutyEndpoint(inputs.connection);
  return {
    base: `${endpoint.base}/schedules/${encodeURIComponent(inputs.scheduleId)}/overrides`,
    headers: endpoint.headers,
    // support.pagerduty.com/docs/rest-api-rate-limits: `ratelimit-reset` is the number of seconds to wait.
    profile: { service: 'PagerDuty', secrets: endpoint.secrets, rateLimitDelayMs: (h) => secondsHeaderMs(h, 'ratelimit-reset') },
    about: describeOverride('PagerDuty', inputs),
  };
}

interface Created {
  status?: number;
  errors?: string[];
  override?: { id?: string };
}

interface Listed {
  id: string;
  start: string;
  end: string;
  user: { id: string };
}

export function makePagerDutyOverrideProvider(policy: HttpPolicy = DEFAULT_POLICY): pulumi.dynamic.ResourceProvider {
  return replaceOnlyOverrideProvider<PagerDutyOverrideInputs>({
    keys: KEYS,
    async create(inputs) {
      const { base, headers, profile, about } = api(inputs);
      const { json } = await requestJson(
        {
          method: 'POST',
          url: base,
          headers,
          about,
          body: {
            overrides: [
              { start: inputs.start, end: inputs.end, user: { id: inputs.userId, type: 'user_reference' }, time_zone: inputs.timeZone },
            ],
          },
        },
        profile,
        policy,
      );
      // The answer is 201 with one status per override: 201, or 400 with its errors.
      const first = (Array.isArray(json) ? json[0] : undefined) as Created | undefined;
      if (first?.status !== undefined && first.status >= 300)
        throw new ApiError(`${about}: PagerDuty refused it (${first.status}): ${(first.errors ?? []).join('; ')}`, first.status);
      const id = first?.override?.id;
      if (!id) throw new ApiError(`${about}: PagerDuty answered without an override id: ${JSON.stringify(json).slice(0, 300)}`);
      return id;
    },
    async list(inputs) {
      const { base, headers, profile, about } = api(inputs);
      // The first day of the override is enough to find it (PagerDuty caps the period asked for, at 3 months in
      // its documentation), and overflow=true gives the overrides' own start and end, not cut to that period.
      const until = new Date(Math.min(Date.parse(inputs.end), Date.parse(inputs.start) + DAY_MS)).toISOString();
      const query = new URLSearchParams({ since: inputs.start, until, overflow: 'true' });
      const { json } = await requestJson({ method: 'GET', url: `${base}?${query}`, headers, about }, profile, policy);
      const overrides = ((json as { overrides?: Listed[] } | undefined)?.overrides ?? []) as Listed[];
      return overrides.map((o): LiveOverride => ({ id: o.id, start: o.start, end: o.end, userId: o.user.id }));
    },
    async remove(id, inputs) {
      const { base, headers, profile, about } = api(inputs);
      await requestJson({ method: 'DELETE', url: `${base}/${encodeURIComponent(id)}`, headers, about, accept: [404] }, profile, policy);
    },
  });
}

export const pagerdutyOverrideProvider = makePagerDutyOverrideProvider();

type Args = { [K in keyof PagerDutyOverrideInputs]: pulumi.Input<PagerDutyOverrideInputs[K]> };

const DYNAMIC = dynamicModuleAndName(PAGERDUTY.override);

export class PagerDutyScheduleOverride extends pulumi.dynamic.Resource {
  static readonly __pulumiType = PAGERDUTY.override.type;
  constructor(name: string, args: Args, opts?: pulumi.CustomResourceOptions) {
    super(pagerdutyOverrideProvider, name, { ...args, overrideId: undefined }, withSecretConnection(opts), DYNAMIC.module, DYNAMIC.name);
  }
}
