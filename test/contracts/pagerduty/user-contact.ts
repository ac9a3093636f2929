/**
 * `pagerduty:index/userContactMethod:UserContactMethod` and `pagerduty:index/userNotificationRule:UserNotificationRule`:
 * PagerDuty/terraform-provider-pagerduty@v2.4.0 pagerduty/resource_pagerduty_user_contact_method.go and
 * resource_pagerduty_user_notification_rule.go. Neither has a ForceNew field: every change is an update.
 */
import type { Value } from '../../../modules/render/desired';
import { PD } from '../../../modules/backends/pagerduty/resources';
import type { ResourceContract } from '../contract';
import { collector, defined, isSymbolic, obj, schemaViolations, TF, withoutZeroWhereUnset } from './common';

const METHOD = 'resource_pagerduty_user_contact_method.go';
const RULE = 'resource_pagerduty_user_notification_rule.go';
const TYPES = ['email_contact_method', 'phone_contact_method', 'push_notification_contact_method', 'sms_contact_method'];

export const userContactMethodContract: ResourceContract = {
  type: PD.contactMethod,
  source: TF(METHOD),
  validate(resource) {
    const { out, check } = collector();
    out.push(...schemaViolations(resource.type, resource.inputs));
    const { type, address } = resource.inputs;
    check(TYPES.includes(String(type)), 'type', `\`${String(type)}\` is not a contact method type`, TF(METHOD, 'validateValueFunc'));
    if (type === 'sms_contact_method' || type === 'phone_contact_method') {
      // CustomizeDiff: numbers are digits only (strconv.Atoi) and do not start with 0.
      const text = String(address);
      check(!text.startsWith('0'), 'address', 'phone numbers starting with a 0 are not supported', TF(METHOD, 'CustomizeDiff'));
      check(/^[+-]?\d+$/.test(text), 'address', 'phone numbers should only contain digits', TF(METHOD, 'CustomizeDiff'));
    }
    return out;
  },
  readBack(resource) {
    const inputs = resource.inputs as Record<string, Value>;
    // fetchPagerDutyUserContactMethod sets address, country_code, label, send_short_email (Default false) and
    // type; enabled and blacklisted are Computed outputs, not inputs.
    return withoutZeroWhereUnset(
      inputs,
      defined({
        userId: inputs.userId,
        type: inputs.type,
        label: inputs.label,
        address: inputs.address,
        countryCode: inputs.countryCode ?? 0,
        sendShortEmail: inputs.sendShortEmail ?? false,
      }),
    );
  },
  computed: [],
  forceNew: [],
};

export const userNotificationRuleContract: ResourceContract = {
  type: PD.notificationRule,
  source: TF(RULE),
  validate(resource) {
    const { out, check } = collector();
    out.push(...schemaViolations(resource.type, resource.inputs));
    const { urgency, startDelayInMinutes, contactMethod } = resource.inputs;
    check(urgency === 'high' || urgency === 'low', 'urgency', `\`${String(urgency)}\` is not high or low`, TF(RULE, 'validateValueFunc'));
    check(Number.isInteger(startDelayInMinutes), 'startDelayInMinutes', 'a whole number of minutes', TF(RULE, 'start_delay_in_minutes'));
    // contact_method is a map whose keys must be `id` or `type` (MapKeyMatch), both needed by expandContactMethod.
    const cm = obj(contactMethod);
    check(
      Object.keys(cm).every((k) => k === 'id' || k === 'type') && 'id' in cm && 'type' in cm,
      'contactMethod',
      '`contact_method` must only have `id` and `type` attributes',
      TF(RULE, 'contact_method'),
    );
    check(isSymbolic(cm.id) || typeof cm.id === 'string', 'contactMethod.id', 'an id', TF(RULE, 'contact_method'));
    check(TYPES.includes(String(cm.type)), 'contactMethod.type', `\`${String(cm.type)}\` is not a contact method type`, TF(METHOD, 'type'));
    return out;
  },
  readBack(resource) {
    const inputs = resource.inputs as Record<string, Value>;
    // fetchPagerDutyUserNotificationRule sets urgency, start_delay_in_minutes and contact_method ({id, type}).
    const cm = obj(inputs.contactMethod);
    return defined({
      userId: inputs.userId,
      urgency: inputs.urgency,
      startDelayInMinutes: inputs.startDelayInMinutes,
      contactMethod: { id: cm.id ?? null, type: cm.type ?? null },
    });
  },
  computed: [],
  forceNew: [],
};
