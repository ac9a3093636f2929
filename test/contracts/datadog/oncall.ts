/**
 * Datadog On-Call and Teams, as terraform-provider-datadog's framework resources define them (datadog/fwprovider):
 * validators and plan modifiers in `Schema`, what Read puts in the state in `stateFromResponse`/`newState`.
 * Pulumi names are the camelCase of the Terraform names, blocks plural (`layer` → `layers`), checked against
 * the `@pulumi/datadog` 5.11.0 input types (types/input.d.ts) and by modules/pulumi/datadog-args-check.ts.
 */
import type { DesiredResource, Value } from '../../../modules/render/desired';
import { DD } from '../../../modules/backends/datadog-oncall/resources';
import type { ResourceContract } from '../contract';
import { Checker, list, obj, symbolic, type Obj } from './rules';
import { API, API_OVERRIDES, TF } from './sources';

const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const SCHEDULE = `${TF}:datadog/fwprovider/resource_datadog_on_call_schedule.go`;
const POLICY = `${TF}:datadog/fwprovider/resource_datadog_on_call_escalation_policy.go`;
const ROUTING = `${TF}:datadog/fwprovider/resource_datadog_on_call_team_routing_rules.go`;
const TEAM = `${TF}:datadog/fwprovider/resource_datadog_team.go`;
const MEMBERSHIP = `${TF}:datadog/fwprovider/resource_datadog_team_membership.go`;

const copy = (r: DesiredResource): Record<string, Value> => JSON.parse(JSON.stringify(r.inputs)) as Record<string, Value>;

/** The API keeps times of day as `hh:mm:ss` (TimeRestriction in the v2 models of the API client). */
const withSeconds = (t: Value | undefined): Value | undefined => (typeof t === 'string' && /^\d{2}:\d{2}$/.test(t) ? `${t}:00` : t);

function restrictions(c: Checker, value: Value | undefined, path: string, source: string): void {
  list(value).forEach((r, i) => {
    const o = obj(r) ?? {};
    const at = `${path}[${i}].`;
    // #Schema: start_day/end_day through NewEnumValidator(datadogV2.NewWeekdayFromValue).
    c.oneOf(o.startDay, `${at}startDay`, WEEKDAYS, source);
    c.oneOf(o.endDay, `${at}endDay`, WEEKDAYS, source);
    for (const k of ['startTime', 'endTime'] as const) {
      if (typeof o[k] === 'string' && !/^([01]\d|2[0-3]):[0-5]\d:[0-5]\d$/.test(o[k] as string))
        c.fail(`${at}${k}`, `${JSON.stringify(o[k])} is not a time of day hh:mm:ss`, source);
    }
  });
}

export const teamContract: ResourceContract = {
  type: DD.team,
  source: `${TEAM}#Schema`,
  validate(r) {
    const c = new Checker();
    // #Schema: description, handle and name Required; link_count, summary, user_count Computed only.
    c.required(r.inputs, '', ['name', 'handle', 'description'], `${TEAM}#Schema`);
    c.known(r.inputs, '', ['name', 'handle', 'description'], `${TEAM}#Schema`);
    return c.out;
  },
  readBack: (r) => copy(r),
  computed: ['linkCount', 'summary', 'userCount'],
  forceNew: [],
};

export const membershipContract: ResourceContract = {
  type: DD.membership,
  source: `${MEMBERSHIP}#Schema`,
  validate(r) {
    const c = new Checker();
    c.required(r.inputs, '', ['teamId', 'userId'], `${MEMBERSHIP}#Schema`);
    c.known(r.inputs, '', ['teamId', 'userId', 'role'], `${MEMBERSHIP}#Schema`);
    // #Schema: role through NewEnumValidator(datadogV2.NewUserTeamRoleFromValue), whose only value is `admin`.
    c.oneOf(r.inputs.role, 'role', ['admin'], `${MEMBERSHIP}#Schema (${API}:packages/datadog-api-client-v2/models/UserTeamRole.ts)`);
    return c.out;
  },
  // #updateStateFromTeamResponse: the role as the API returns it, absent when it has none.
  readBack: (r) => copy(r),
  computed: [],
  // #Schema: team_id and user_id RequiresReplace.
  forceNew: ['teamId', 'userId'],
};

export const scheduleContract: ResourceContract = {
  type: DD.schedule,
  source: `${SCHEDULE}#Schema`,
  validate(r) {
    const c = new Checker();
    const s = `${SCHEDULE}#Schema`;
    c.required(r.inputs, '', ['name', 'timeZone', 'layers'], s);
    c.known(r.inputs, '', ['name', 'timeZone', 'teams', 'layers'], s);
    const layers = list(r.inputs.layers);
    // #Schema: layer IsRequired, SizeAtLeast(1).
    if (layers.length === 0) c.fail('layers', 'at least one layer', s);
    const names = new Set<string>();
    layers.forEach((l, i) => {
      const layer = obj(l) ?? {};
      const at = `layers[${i}].`;
      c.required(layer, at, ['name', 'effectiveDate', 'rotationStart', 'users'], s);
      c.known(layer, at, ['name', 'effectiveDate', 'rotationStart', 'endDate', 'timeZone', 'users', 'interval', 'restrictions'], s);
      // #onCallScheduleModel.Validate: a layer name is non-empty and unique within the schedule.
      const name = layer.name;
      if (typeof name === 'string' && names.has(name))
        c.fail(`${at}name`, `layer name ${JSON.stringify(name)} is used twice`, `${SCHEDULE}#Validate`);
      if (typeof name === 'string') names.add(name);
      // #Schema: effective_date, rotation_start, end_date through TimeFormatValidator(time.RFC3339).
      c.rfc3339(layer.effectiveDate, `${at}effectiveDate`, s);
      c.rfc3339(layer.rotationStart, `${at}rotationStart`, s);
      c.rfc3339(layer.endDate, `${at}endDate`, s);
      if (typeof layer.timeZone === 'string' && layer.timeZone.length === 0) c.fail(`${at}timeZone`, 'an empty time zone', s);
      // #Schema: users SizeAtLeast(1).
      if (list(layer.users).length === 0) c.fail(`${at}users`, 'at least one user (or null for nobody)', s);
      // #Validate: interval required, with days or seconds, neither negative.
      const interval = obj(layer.interval);
      if (!interval) c.fail(`${at}interval`, 'schedules must specify an interval', `${SCHEDULE}#Validate`);
      else {
        if (interval.days === undefined && interval.seconds === undefined)
          c.fail(`${at}interval`, 'interval needs days or seconds', `${SCHEDULE}#Validate`);
        for (const k of ['days', 'seconds'] as const) {
          const v = interval[k];
          if (v !== undefined && (typeof v !== 'number' || !Number.isInteger(v) || v < 0))
            c.fail(`${at}interval.${k}`, `${JSON.stringify(v)} is not a non-negative integer`, `${SCHEDULE}#Validate`);
        }
      }
      restrictions(c, layer.restrictions, `${at}restrictions`, s);
    });
    return c.out;
  },
  readBack(r) {
    const state = copy(r);
    // #newLayerModel: dates are kept as written when the API's instant is the same (keepCurrentTimezone);
    // restriction times come back as the API stores them; interval days and seconds both (Default 0).
    // The recorded API answers keep an effective_date in the past as sent, and have no layer time_zone
    // when none was sent (datadog/tests/cassettes/TestAccOnCallEscalationPolicyCreateAndUpdate.yaml, a layer
    // effective 2025-01-01 recorded on 2025-12-09).
    for (const l of list(state.layers)) {
      const layer = l as Record<string, Value>;
      for (const rs of list(layer.restrictions)) {
        const o = rs as Record<string, Value>;
        o.startTime = withSeconds(o.startTime) as Value;
        o.endTime = withSeconds(o.endTime) as Value;
      }
    }
    return state;
  },
  // #Schema: teams Computed (default []); layer id Computed; interval days/seconds Computed with Default 0.
  computed: ['teams', 'layers[].id', 'layers[].interval.days', 'layers[].interval.seconds'],
  forceNew: [],
};

export const escalationContract: ResourceContract = {
  type: DD.escalation,
  source: `${POLICY}#Schema`,
  validate(r) {
    const c = new Checker();
    const s = `${POLICY}#Schema`;
    c.required(r.inputs, '', ['name', 'steps'], s);
    c.known(r.inputs, '', ['name', 'retries', 'resolvePageOnPolicyEnd', 'teams', 'steps'], s);
    // #Schema: retries Between(0, 10).
    c.between(r.inputs.retries, 'retries', 0, 10, s);
    const steps = list(r.inputs.steps);
    // #Schema: step IsRequired, SizeBetween(1, 10).
    if (steps.length < 1 || steps.length > 10) c.fail('steps', `${steps.length} steps: 1 to 10`, s);
    steps.forEach((st, i) => {
      const step = obj(st) ?? {};
      const at = `steps[${i}].`;
      c.required(step, at, ['escalateAfterSeconds', 'targets'], s);
      c.known(step, at, ['escalateAfterSeconds', 'assignment', 'targets'], s);
      c.between(step.escalateAfterSeconds, `${at}escalateAfterSeconds`, 60, 36000, s);
      c.oneOf(step.assignment, `${at}assignment`, ['default', 'round-robin'], s);
      const targets = list(step.targets);
      if (targets.length < 1 || targets.length > 10) c.fail(`${at}targets`, `${targets.length} targets: 1 to 10`, s);
      targets.forEach((t, j) => {
        const target = obj(t) ?? {};
        const tat = `${at}targets[${j}].`;
        c.known(target, tat, ['user', 'schedule', 'team', 'position'], s);
        // #createTarget: exactly one of user, schedule, team; position only with a schedule.
        const kinds = ['user', 'schedule', 'team'].filter((k) => target[k] !== undefined);
        if (kinds.length !== 1)
          c.fail(`${tat.slice(0, -1)}`, 'a target names exactly one of user, schedule, team', `${POLICY}#createTarget`);
        if (target.position !== undefined && target.schedule === undefined)
          c.fail(`${tat}position`, '`position` only with `schedule`', `${POLICY}#createTarget`);
        c.oneOf(target.position, `${tat}position`, ['current', 'previous', 'next'], s);
      });
    });
    return c.out;
  },
  readBack(r) {
    const state = copy(r);
    // #stateFromResponse: `position` is set only for a configured schedule target (`schedule_target` in the
    // included resources, as recorded for `next` in datadog/tests/cassettes/TestAccOnCallEscalationPolicyCreateAndUpdate.yaml);
    // a plain schedule target (`schedules`, what the API records for the default `current`) reads back without one.
    for (const st of list(state.steps)) {
      for (const t of list((st as Record<string, Value>).targets)) {
        const target = t as Record<string, Value>;
        if (target.position === 'current') delete target.position;
      }
    }
    return state;
  },
  // #Schema: retries (0), resolve_page_on_policy_end (false), teams ([]), step assignment ("default") have
  // defaults; step id is Computed.
  computed: ['retries', 'resolvePageOnPolicyEnd', 'teams', 'steps[].id', 'steps[].assignment'],
  forceNew: [],
};

export const routingContract: ResourceContract = {
  type: DD.routing,
  source: `${ROUTING}#Schema`,
  validate(r) {
    const c = new Checker();
    const s = `${ROUTING}#Schema`;
    const v = `${ROUTING}#Validate`;
    // #Schema: `id` (Pulumi `teamId`) Required.
    c.required(r.inputs, '', ['teamId'], s);
    c.known(r.inputs, '', ['teamId', 'rules'], s);
    const rules = list(r.inputs.rules);
    rules.forEach((ru, i) => {
      const rule = obj(ru) ?? {};
      const at = `rules[${i}].`;
      c.known(rule, at, ['query', 'timeRestrictions', 'escalationPolicy', 'urgency', 'actions'], s);
      c.oneOf(rule.urgency, `${at}urgency`, ['high', 'low', 'dynamic'], s);
      const tr = obj(rule.timeRestrictions);
      if (tr) {
        // #Validate: time_restrictions need a time zone and at least one restriction.
        if (typeof tr.timeZone !== 'string' || tr.timeZone === '')
          c.fail(`${at}timeRestrictions.timeZone`, 'time_restrictions must specify time_zone', v);
        if (list(tr.restrictions).length === 0)
          c.fail(`${at}timeRestrictions.restrictions`, 'time_restrictions must specify at least one restriction', v);
        restrictions(c, tr.restrictions, `${at}timeRestrictions.restrictions`, s);
      }
      // #Validate: the last rule is the catch-all — no query, no time restriction, an escalation policy.
      if (i === rules.length - 1) {
        if (typeof rule.query === 'string' && rule.query !== '') c.fail(`${at}query`, 'the last rule must not use a query', v);
        if (rule.timeRestrictions !== undefined) c.fail(`${at}timeRestrictions`, 'the last rule must not use a time restriction', v);
        if (rule.escalationPolicy === undefined) c.fail(`${at}escalationPolicy`, 'the last rule must define an escalation policy', v);
      }
    });
    return c.out;
  },
  readBack(r) {
    const state = copy(r);
    for (const ru of list(state.rules)) {
      const tr = (ru as Record<string, Value>).timeRestrictions as Record<string, Value> | undefined;
      for (const rs of list(tr?.restrictions)) {
        const o = rs as Record<string, Value>;
        o.startTime = withSeconds(o.startTime) as Value;
        o.endTime = withSeconds(o.endTime) as Value;
      }
    }
    return state;
  },
  // #Schema: rule id Computed; query Optional+Computed with Default "" (read back as "" when not set).
  computed: ['rules[].id', 'rules[].query'],
  forceNew: [],
};

/**
 * The override dynamic provider (modules/pulumi/overrides/datadog.ts) posts `CreateOverridesRequest`
 * {data: [{type: overrides, attributes: {start, end}, relationships: {user}}]}: start and end are required
 * date-times. Its state is its inputs (replace-only: any change deletes and creates).
 */
export const overrideContract: ResourceContract = {
  type: DD.override,
  source: API_OVERRIDES,
  validate(r) {
    const c = new Checker();
    c.required(r.inputs, '', ['scheduleId', 'start', 'end', 'userId'], API_OVERRIDES);
    c.known(r.inputs, '', ['scheduleId', 'start', 'end', 'userId'], API_OVERRIDES);
    c.rfc3339(r.inputs.start, 'start', `${API_OVERRIDES} (attributes.start: date-time)`);
    c.rfc3339(r.inputs.end, 'end', `${API_OVERRIDES} (attributes.end: date-time)`);
    const start = r.inputs.start;
    const end = r.inputs.end;
    if (c.out.length === 0 && typeof start === 'string' && typeof end === 'string' && !(Date.parse(start) < Date.parse(end)))
      c.fail('end', 'an override ends after it starts', API_OVERRIDES);
    if (!symbolic(r.inputs.userId) && typeof r.inputs.userId !== 'string') c.fail('userId', 'a user id', API_OVERRIDES);
    return c.out;
  },
  readBack: (r) => copy(r),
  computed: ['overrideId'],
  forceNew: ['scheduleId', 'start', 'end', 'userId'],
};

export const onCallContracts: ResourceContract[] = [
  teamContract,
  membershipContract,
  scheduleContract,
  escalationContract,
  routingContract,
  overrideContract,
];
export type { Obj };
