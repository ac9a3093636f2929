/**
 * `pagerduty:index/schedule:Schedule`: PagerDuty/terraform-provider-pagerduty@v2.4.0
 * pagerduty/resource_pagerduty_schedule.go (schema, CustomizeDiff, flattenScheduleLayers) and util.go (time
 * formats and the diff suppressions of `start`, `end` and `rotation_virtual_start`).
 */
import type { Value } from '../../../modules/render/desired';
import { PD } from '../../../modules/backends/pagerduty/resources';
import type { ContractContext, ResourceContract } from '../contract';
import {
  API,
  collector,
  defined,
  intBetween,
  isIanaZone,
  isSymbolic,
  list,
  obj,
  parsesAsGoRfc3339,
  readDefaulted,
  schemaViolations,
  TF,
  TF_DOC,
  withoutZeroWhereUnset,
} from './common';

const FILE = 'resource_pagerduty_schedule.go';
const YEAR = 365 * 24 * 3600;
// Unanchored, as the provider writes it (validation.StringMatch with this expression).
const TIME_OF_DAY = /([0-1][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]/;

function validateLayer(layer: Record<string, Value>, at: string, check: ReturnType<typeof collector>['check']): void {
  const schema = TF(FILE, 'resourcePagerDutySchedule');
  for (const key of ['start', 'rotationVirtualStart'] as const) {
    check(
      parsesAsGoRfc3339(layer[key]),
      `${at}.${key}`,
      `\`${String(layer[key])}\` is not RFC 3339 (Go layout 2006-01-02T15:04:05Z07:00)`,
      TF('util.go', 'validateRFC3339'),
    );
  }
  if (layer.end !== undefined)
    check(parsesAsGoRfc3339(layer.end), `${at}.end`, `\`${String(layer.end)}\` is not RFC 3339`, TF('util.go', 'validateRFC3339'));
  check(
    intBetween(layer.rotationTurnLengthSeconds, 3600, YEAR),
    `${at}.rotationTurnLengthSeconds`,
    `${String(layer.rotationTurnLengthSeconds)} is not between 3600 and ${YEAR}`,
    schema,
  );
  check(list(layer.users).length >= 1, `${at}.users`, 'needs at least one user (MinItems 1)', schema);
  list(layer.restrictions).forEach((r, j) => {
    const restriction = obj(r);
    const path = `${at}.restrictions[${j}]`;
    const type = restriction.type;
    check(
      type === 'daily_restriction' || type === 'weekly_restriction',
      `${path}.type`,
      `\`${String(type)}\` is not daily_restriction or weekly_restriction`,
      schema,
    );
    check(
      typeof restriction.startTimeOfDay === 'string' && TIME_OF_DAY.test(restriction.startTimeOfDay),
      `${path}.startTimeOfDay`,
      'must be of 00:00:00 format',
      schema,
    );
    check(
      typeof restriction.startTimeOfDay === 'string' && /^\d{2}:\d{2}:\d{2}$/.test(restriction.startTimeOfDay),
      `${path}.startTimeOfDay`,
      'the API reads HH:mm:ss',
      API('/components/schemas/Restriction/properties/start_time_of_day'),
    );
    check(
      intBetween(restriction.durationSeconds, 1, 7 * 24 * 3600 - 1),
      `${path}.durationSeconds`,
      `${String(restriction.durationSeconds)} is not between 1 and 604799`,
      schema,
    );
    if (restriction.startDayOfWeek !== undefined)
      check(intBetween(restriction.startDayOfWeek, 1, 7), `${path}.startDayOfWeek`, 'is not between 1 and 7', schema);
    if (type === 'daily_restriction') {
      check(
        restriction.startDayOfWeek === undefined || restriction.startDayOfWeek === 0,
        `${path}.startDayOfWeek`,
        'start_day_of_week must only be set for a weekly_restriction',
        TF(FILE, 'resourcePagerDutySchedule.CustomizeDiff'),
      );
      check(
        typeof restriction.durationSeconds === 'number' && restriction.durationSeconds < 86_400,
        `${path}.durationSeconds`,
        'a daily_restriction must be shorter than a day',
        TF(FILE, 'resourcePagerDutySchedule.CustomizeDiff'),
      );
    }
    if (type === 'weekly_restriction')
      check(restriction.startDayOfWeek !== undefined, `${path}.startDayOfWeek`, 'required for a weekly_restriction', TF_DOC('schedule'));
  });
}

/** When Read runs, a layer whose `end` has passed is not read back (the API keeps it, ended). */
export function endedAt(layer: Record<string, Value>, now: number): boolean {
  return typeof layer.end === 'string' && parsesAsGoRfc3339(layer.end) && Date.parse(layer.end) <= now;
}

/**
 * `start` as the next plan compares it. The API sets a start in the past to the time of the update
 * (util.go, the comment of suppressScheduleLayerStartDiff); the diff is suppressed when the instants are
 * equal or both are in the past, which they are at any plan after the update. Either way the plan sees the
 * input, and only this function says why.
 */
function startAsCompared(start: Value | undefined, now: number): Value | undefined {
  if (typeof start !== 'string') return start;
  const read = Math.max(Date.parse(start), now);
  const nextPlan = now + 1;
  const suppressed = read === Date.parse(start) || (read < nextPlan && Date.parse(start) < nextPlan);
  return suppressed ? start : new Date(read).toISOString();
}

function readLayer(layer: Record<string, Value>, ctx: ContractContext): Record<string, Value> {
  const restrictions = list(layer.restrictions).map((r) => {
    const restriction = obj(r);
    // flattenScheduleLayers sets start_day_of_week only when the API returns one above 0.
    return withoutZeroWhereUnset(
      restriction,
      defined({
        type: restriction.type,
        startTimeOfDay: restriction.startTimeOfDay,
        durationSeconds: restriction.durationSeconds,
        startDayOfWeek: restriction.startDayOfWeek,
      }),
    );
  });
  return withoutZeroWhereUnset(
    layer,
    defined({
      name: layer.name,
      start: startAsCompared(layer.start, ctx.now),
      // suppressRFC3339Diff: the same instant written another way (the API's zone, UTC) makes no diff.
      end: layer.end ?? '',
      rotationVirtualStart: layer.rotationVirtualStart,
      rotationTurnLengthSeconds: layer.rotationTurnLengthSeconds,
      users: layer.users,
      restrictions,
    }),
  );
}

export const scheduleContract: ResourceContract = {
  type: PD.schedule,
  source: TF(FILE),
  validate(resource) {
    const { out, check } = collector();
    out.push(...schemaViolations(resource.type, resource.inputs));
    const inputs = resource.inputs;
    check(
      isIanaZone(inputs.timeZone),
      'timeZone',
      `\`${String(inputs.timeZone)}\` is not a zone time.LoadLocation knows`,
      TF(FILE, 'resourcePagerDutySchedule'),
    );
    check(list(inputs.layers).length >= 1, 'layers', 'at least one layer is required', TF(FILE, 'resourcePagerDutySchedule'));
    list(inputs.layers).forEach((l, i) => validateLayer(obj(l), `layers[${i}]`, check));
    return out;
  },
  readBack(resource, ctx) {
    const inputs = resource.inputs as Record<string, Value>;
    const layers = list(inputs.layers)
      .map(obj)
      // flattenScheduleLayers skips ended layers, and reverses the API's list (newest first) back to the
      // order the layers were sent in.
      .filter((layer) => !endedAt(layer, ctx.now))
      .map((layer) => readLayer(layer, ctx));
    return withoutZeroWhereUnset(
      inputs,
      defined({
        name: inputs.name,
        // The API keeps an IANA zone as written (assumed: it describes the field as an ActiveSupport zone).
        timeZone: inputs.timeZone,
        description: readDefaulted(inputs.description, inputs.description ?? 'Managed by Pulumi', 'Managed by Pulumi'),
        layers,
        // flattenShedTeams: the ids in the API's order (the order sent).
        teams: inputs.teams === undefined ? [] : list(inputs.teams).map((t) => (isSymbolic(t) ? t : String(t))),
        // Read does not set `overflow` (a request option): the state keeps what was planned.
        overflow: inputs.overflow,
      }),
    );
  },
  computed: ['layers[].id', 'layers[].name'],
  forceNew: [],
};
