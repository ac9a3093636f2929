/**
 * `opsgenie:index/userContact:UserContact` and `opsgenie:index/notificationRule:NotificationRule`
 * (opsgenie/resource_opsgenie_user_contact.go and resource_opsgenie_notification_rule.go at v0.6.40).
 */
import type { Value } from '../../../modules/render/desired';
import type { ResourceContract } from '../contract';
import { defined, knownKeys, lengthBetween, objs, Report, required, type Obj } from './checks';
import { pulumiSchema, tf } from './sources';

const CONTACT = 'resource_opsgenie_user_contact';
const RULE = 'resource_opsgenie_notification_rule';
const CONTACT_TOKEN = 'opsgenie:index/userContact:UserContact';
const RULE_TOKEN = 'opsgenie:index/notificationRule:NotificationRule';
const ACTIONS = [
  'create-alert',
  'acknowledged-alert',
  'closed-alert',
  'assigned-alert',
  'add-note',
  'schedule-start',
  'schedule-end',
  'incoming-call-routing',
];

export const userContactContract: ResourceContract = {
  type: CONTACT_TOKEN,
  source: tf(CONTACT, 'resourceOpsGenieUserContact'),
  validate(resource) {
    const r = new Report();
    const i = resource.inputs as Obj;
    knownKeys(r, i, '', ['username', 'to', 'method', 'enabled'], pulumiSchema(CONTACT_TOKEN));
    for (const k of ['username', 'to', 'method']) required(r, i, '', k, tf(CONTACT, 'resourceOpsGenieUserContact'));
    // validateOpsGenieContactMethod: sms, voice or email (the API cannot add mobile).
    if (typeof i.method === 'string' && !['sms', 'voice', 'email'].includes(i.method.toLowerCase()))
      r.add('method', `\`${i.method}\` is not sms, voice or email`, tf(CONTACT, 'validateOpsGenieContactMethod'));
    lengthBetween(r, i, '', 'to', 0, 511, tf(CONTACT, 'validateOpsGenieContactTo'));
    return r.out;
  },
  readBack(resource) {
    const i = resource.inputs as Obj;
    // Read sets method, to and enabled (Default true); username stays as configured.
    return defined({ username: i.username, method: i.method, to: i.to, enabled: i.enabled ?? true });
  },
  computed: [],
  forceNew: ['username'],
};

export const notificationRuleContract: ResourceContract = {
  type: RULE_TOKEN,
  source: tf(RULE, 'resourceOpsGenieNotificationRule'),
  validate(resource) {
    const r = new Report();
    const i = resource.inputs as Obj;
    knownKeys(
      r,
      i,
      '',
      [
        'name',
        'username',
        'actionType',
        'notificationTimes',
        'steps',
        'enabled',
        'order',
        'repeats',
        'schedules',
        'criterias',
        'timeRestrictions',
      ],
      pulumiSchema(RULE_TOKEN),
    );
    for (const k of ['name', 'username', 'actionType']) required(r, i, '', k, tf(RULE, 'resourceOpsGenieNotificationRule'));
    lengthBetween(r, i, '', 'name', 1, 512, tf(RULE, 'name'));
    if (typeof i.actionType === 'string' && !ACTIONS.includes(i.actionType))
      r.add('actionType', `\`${i.actionType}\` is not an action type`, tf(RULE, 'action_type'));
    objs(i.steps).forEach((step, s) => {
      knownKeys(r, step, `steps[${s}]`, ['contacts', 'sendAfter', 'enabled'], pulumiSchema(`${RULE_TOKEN}.steps`));
      required(r, step, `steps[${s}]`, 'contacts', tf(RULE, 'steps'));
      objs(step.contacts).forEach((c, k) => {
        const at = `steps[${s}].contacts[${k}]`;
        knownKeys(r, c, at, ['method', 'to'], pulumiSchema(`${RULE_TOKEN}.steps.contacts`));
        required(r, c, at, 'method', tf(RULE, 'contact'));
        required(r, c, at, 'to', tf(RULE, 'contact'));
        if (typeof c.method === 'string' && !['email', 'sms', 'voice', 'mobile'].includes(c.method))
          r.add(`${at}.method`, `\`${c.method}\` is not email, sms, voice or mobile`, tf(RULE, 'contact'));
      });
    });
    objs(i.criterias).forEach((c, k) => required(r, c, `criterias[${k}]`, 'type', tf(RULE, 'criteria')));
    return r.out;
  },
  readBack(resource) {
    const i = resource.inputs as Obj;
    // Read sets name, username, action_type, enabled (Default true), order (Computed), the steps with
    // send_after (Default 0) and enabled (Default true), and the criteria.
    const steps: Value[] | undefined =
      i.steps === undefined
        ? undefined
        : objs(i.steps).map((s) => defined({ contacts: s.contacts, sendAfter: s.sendAfter ?? 0, enabled: s.enabled ?? true }));
    return defined({
      name: i.name,
      username: i.username,
      actionType: i.actionType,
      enabled: i.enabled ?? true,
      criterias: i.criterias,
      steps,
    });
  },
  computed: ['order'],
  forceNew: ['name', 'actionType'],
};
