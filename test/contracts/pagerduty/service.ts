/**
 * `pagerduty:index/service:Service`: PagerDuty/terraform-provider-pagerduty@v2.4.0
 * pagerduty/resource_pagerduty_service.go (schema, CustomizeDiff, flattenService and its helpers), with the
 * REST API's description of urgencies, support hours and scheduled actions.
 */
import type { Value } from '../../../modules/render/desired';
import { PD } from '../../../modules/backends/pagerduty/resources';
import type { ResourceContract } from '../contract';
import {
  API,
  collector,
  defined,
  intBetween,
  isIanaZone,
  list,
  obj,
  readDefaulted,
  schemaViolations,
  TF,
  TF_DOC,
  withoutZeroWhereUnset,
} from './common';

const FILE = 'resource_pagerduty_service.go';
const SCHEMA = TF(FILE, 'resourcePagerDutyService');
type Check = ReturnType<typeof collector>['check'];

function validateUrgency(value: Value | undefined, path: string, check: Check): void {
  const u = obj(value);
  check(
    u.type === undefined || u.type === 'constant',
    `${path}.type`,
    'the urgency of a support-hours side is constant',
    API('/components/schemas/IncidentUrgencyType'),
  );
  check(
    u.urgency === 'low' || u.urgency === 'high' || u.urgency === 'severity_based',
    `${path}.urgency`,
    `\`${String(u.urgency)}\` is not low, high or severity_based`,
    API('/components/schemas/IncidentUrgencyType'),
  );
}

function validateSupport(inputs: Readonly<Record<string, Value>>, check: Check): void {
  const rule = obj(inputs.incidentUrgencyRule);
  const type = rule.type;
  if (inputs.incidentUrgencyRule !== undefined) {
    check(
      type === 'constant' || type === 'use_support_hours',
      'incidentUrgencyRule.type',
      `\`${String(type)}\` is not constant or use_support_hours`,
      API('/components/schemas/IncidentUrgencyType'),
    );
  }
  if (type === 'use_support_hours') {
    check(
      rule.urgency === undefined || rule.urgency === '',
      'incidentUrgencyRule.urgency',
      'general urgency cannot be set for a use_support_hours incident urgency rule type',
      TF(FILE, 'resourcePagerDutyService.CustomizeDiff'),
    );
    validateUrgency(rule.duringSupportHours, 'incidentUrgencyRule.duringSupportHours', check);
    validateUrgency(rule.outsideSupportHours, 'incidentUrgencyRule.outsideSupportHours', check);
    check(inputs.supportHours !== undefined, 'supportHours', 'use_support_hours needs exactly one support_hours block', TF_DOC('service'));
  }
  if (type === 'constant') {
    check(
      rule.urgency === 'low' || rule.urgency === 'high' || rule.urgency === 'severity_based',
      'incidentUrgencyRule.urgency',
      `\`${String(rule.urgency)}\` is not low, high or severity_based`,
      API('/components/schemas/IncidentUrgencyType'),
    );
  }
  if (inputs.supportHours !== undefined) {
    const hours = obj(inputs.supportHours);
    check(
      hours.type === 'fixed_time_per_day',
      'supportHours.type',
      'fixed_time_per_day is the only type',
      API('/components/schemas/SupportHours'),
    );
    check(
      isIanaZone(hours.timeZone),
      'supportHours.timeZone',
      `\`${String(hours.timeZone)}\` is not a zone time.LoadLocation knows`,
      SCHEMA,
    );
    const days = list(hours.daysOfWeeks);
    check(
      days.length >= 1 && days.length <= 7 && days.every((d) => intBetween(d, 1, 7)),
      'supportHours.daysOfWeeks',
      'one to seven days, 1 (Monday) to 7',
      SCHEMA,
    );
    for (const key of ['startTime', 'endTime'] as const) {
      check(
        typeof hours[key] === 'string' && /^([01]\d|2[0-3]):[0-5]\d:[0-5]\d$/.test(hours[key]),
        `supportHours.${key}`,
        'a time of day HH:mm:ss',
        API('/components/schemas/SupportHours'),
      );
    }
    check(
      String(hours.startTime) < String(hours.endTime),
      'supportHours.endTime',
      'support hours end after they start, within the day',
      API('/components/schemas/SupportHours'),
    );
  }
  list(inputs.scheduledActions).forEach((a, i) => {
    const action = obj(a);
    check(
      action.type === 'urgency_change',
      `scheduledActions[${i}].type`,
      'must be urgency_change',
      API('/components/schemas/ScheduledAction'),
    );
    check(action.toUrgency === 'high', `scheduledActions[${i}].toUrgency`, 'must be high', API('/components/schemas/ScheduledAction'));
    const ats = list(action.ats);
    // expandScheduledActionAt reads the first `at` only.
    check(ats.length === 1, `scheduledActions[${i}].ats`, 'exactly one `at`', TF(FILE, 'expandScheduledActionAt'));
    const at = obj(ats[0]);
    check(
      at.type === 'named_time' && (at.name === 'support_hours_start' || at.name === 'support_hours_end'),
      `scheduledActions[${i}].ats[0]`,
      'named_time at support_hours_start or support_hours_end',
      API('/components/schemas/ScheduledAction'),
    );
    const during = obj(rule.duringSupportHours).urgency;
    const outside = obj(rule.outsideSupportHours).urgency;
    check(
      type === 'use_support_hours' && during === 'high' && outside === 'low',
      `scheduledActions[${i}]`,
      'a scheduled action only goes with high urgency during support hours and low outside',
      TF_DOC('service'),
    );
  });
}

function readUrgencyRule(value: Value | undefined): Value | undefined {
  if (value === undefined) return undefined;
  const rule = obj(value);
  const side = (v: Value | undefined): Value | undefined =>
    v === undefined ? undefined : defined({ type: obj(v).type ?? '', urgency: obj(v).urgency ?? '' });
  // flattenIncidentUrgencyRule sets `urgency` always ("" for use_support_hours) and the sides when present.
  return withoutZeroWhereUnset(
    rule,
    defined({
      type: rule.type,
      urgency: rule.urgency ?? '',
      duringSupportHours: side(rule.duringSupportHours),
      outsideSupportHours: side(rule.outsideSupportHours),
    }),
  );
}

export const serviceContract: ResourceContract = {
  type: PD.service,
  source: TF(FILE),
  validate(resource) {
    const { out, check } = collector();
    out.push(...schemaViolations(resource.type, resource.inputs));
    const inputs = resource.inputs;
    const name = inputs.name;
    check(
      typeof name === 'string' && !/^$|^[ ]+$|[/\\<>&]/.test(name),
      'name',
      "can't be blank or contain '\\', '/', '&', '<', '>'",
      SCHEMA,
    );
    if (inputs.alertCreation !== undefined) {
      check(
        inputs.alertCreation === 'create_alerts_and_incidents' || inputs.alertCreation === 'create_incidents',
        'alertCreation',
        `\`${String(inputs.alertCreation)}\` is not create_alerts_and_incidents or create_incidents`,
        SCHEMA,
      );
    }
    check(
      !(inputs.alertGroupingParameters !== undefined && (inputs.alertGrouping !== undefined || inputs.alertGroupingTimeout !== undefined)),
      'alertGroupingParameters',
      'conflicts with alertGrouping and alertGroupingTimeout',
      SCHEMA,
    );
    validateSupport(inputs, check);
    return out;
  },
  readBack(resource) {
    const inputs = resource.inputs as Record<string, Value>;
    return withoutZeroWhereUnset(
      inputs,
      defined({
        name: inputs.name,
        description: readDefaulted(inputs.description, inputs.description ?? 'Managed by Pulumi', 'Managed by Pulumi'),
        escalationPolicy: inputs.escalationPolicy,
        // The schema defaults alert_creation to create_incidents, which PagerDuty retired: every service
        // creates alerts and incidents and the API returns that (the REST description marks the field
        // deprecated, default create_alerts_and_incidents); flattenService sets what the API returns.
        alertCreation: readDefaulted(inputs.alertCreation, 'create_alerts_and_incidents', 'create_incidents'),
        // Defaults "14400" and "1800" are what the provider sends and the API returns (flattenService).
        autoResolveTimeout: readDefaulted(inputs.autoResolveTimeout, inputs.autoResolveTimeout ?? '14400', '14400'),
        acknowledgementTimeout: readDefaulted(inputs.acknowledgementTimeout, inputs.acknowledgementTimeout ?? '1800', '1800'),
        incidentUrgencyRule: readUrgencyRule(inputs.incidentUrgencyRule),
        // flattenSupportHours and flattenScheduledActions: what was sent.
        supportHours: inputs.supportHours,
        scheduledActions: inputs.scheduledActions ?? [],
        alertGroupingParameters: inputs.alertGroupingParameters,
      }),
    );
  },
  // Optional and Computed in the schema: the API's value makes no diff when the inputs have none.
  computed: ['alertGrouping', 'alertGroupingTimeout', 'incidentUrgencyRule'],
  forceNew: [],
};
