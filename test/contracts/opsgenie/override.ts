/**
 * `pulumi-nodejs:dynamic/opsgenie:ScheduleOverride`: our dynamic provider over the REST endpoint
 * `POST /v2/schedules/{identifier}/overrides` (modules/pulumi/overrides/opsgenie.ts). It validates what the API
 * description requires; its state is its inputs (it reads nothing back).
 */
import type { ResourceContract } from '../contract';
import { isKnown, isRfc3339, knownKeys, Report, required, type Obj } from './checks';
import { oas } from './sources';

const PAYLOAD = oas('definitions/scheduleOverride.yaml', 'CreateScheduleOverridePayload');

export const overrideContract: ResourceContract = {
  type: 'pulumi-nodejs:dynamic/opsgenie:ScheduleOverride',
  source: PAYLOAD,
  validate(resource) {
    const r = new Report();
    const i = resource.inputs as Obj;
    knownKeys(
      r,
      i,
      '',
      ['scheduleId', 'alias', 'username', 'startDate', 'endDate'],
      'modules/pulumi/overrides/opsgenie.ts#OpsgenieOverrideInputs',
    );
    // The schedule is a path parameter (`identifier`), the rest the payload: user, startDate, endDate required.
    required(r, i, '', 'scheduleId', oas('paths/scheduleOverride.yaml', '/v2/schedules/{identifier}/overrides'));
    for (const key of ['username', 'startDate', 'endDate']) required(r, i, '', key, PAYLOAD);
    if (i.alias !== undefined && (typeof i.alias !== 'string' || i.alias === ''))
      r.add('alias', 'the alias is a non-empty string (it names the override for update and delete)', PAYLOAD);
    for (const key of ['startDate', 'endDate'] as const) {
      const v = i[key];
      if (isKnown(v) && typeof v === 'string' && !isRfc3339(v)) r.add(key, `\`${v}\` is not a date-time (RFC 3339)`, `${PAYLOAD}.${key}`);
    }
    return r.out;
  },
  readBack: (resource) => ({ ...resource.inputs }),
  computed: [],
  forceNew: ['scheduleId', 'alias'],
};
