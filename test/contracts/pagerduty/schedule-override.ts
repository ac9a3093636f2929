/**
 * `pulumi-nodejs:dynamic/pagerduty:ScheduleOverride`: this project's dynamic provider
 * (modules/pulumi/overrides/pagerduty.ts) posting to `POST /schedules/{id}/overrides`, checked against the
 * REST API description. The provider has no `read` and replaces on any change, so what is read back is
 * what was sent.
 */
import type { Value } from '../../../modules/render/desired';
import { PD } from '../../../modules/backends/pagerduty/resources';
import type { ResourceContract } from '../contract';
import { API, collector, isIanaZone, parsesAsGoRfc3339 } from './common';

const OVERRIDE = API('/components/schemas/Override');
const POST = API('/paths/~1schedules~1{id}~1overrides/post');
const KEYS = ['scheduleId', 'start', 'end', 'userId', 'timeZone'];
const PROVIDER = 'oncall-as-code:modules/pulumi/overrides/pagerduty.ts';

/** RFC 3339 with an offset, as the API's `date-time` format wants (JSON Schema's date-time is RFC 3339). */
const isDateTime = (v: Value | undefined): boolean => parsesAsGoRfc3339(v);

export const scheduleOverrideContract: ResourceContract = {
  type: PD.override,
  source: POST,
  validate(resource) {
    const { out, check } = collector();
    const inputs = resource.inputs;
    for (const key of Object.keys(inputs)) check(KEYS.includes(key), key, 'not an input of the override provider', PROVIDER);
    check(inputs.scheduleId !== undefined, 'scheduleId', 'the schedule of the path `/schedules/{id}/overrides`', POST);
    check(isDateTime(inputs.start), 'start', `\`${String(inputs.start)}\` is not an RFC 3339 date-time`, OVERRIDE);
    check(isDateTime(inputs.end), 'end', `\`${String(inputs.end)}\` is not an RFC 3339 date-time`, OVERRIDE);
    if (isDateTime(inputs.start) && isDateTime(inputs.end)) {
      check(
        Date.parse(String(inputs.end)) > Date.parse(String(inputs.start)),
        'end',
        'Override must end after its start',
        `${POST}/responses/201`,
      );
    }
    check(inputs.userId !== undefined, 'userId', 'the override needs a user (user_reference)', OVERRIDE);
    check(isIanaZone(inputs.timeZone), 'timeZone', `\`${String(inputs.timeZone)}\` is not a time zone`, `${POST}/requestBody`);
    return out;
  },
  readBack(resource) {
    return { ...resource.inputs } as Record<string, Value>;
  },
  computed: [],
  forceNew: KEYS,
};
