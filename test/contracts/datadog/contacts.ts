/**
 * Datadog On-Call user notification channels and rules (datadog/fwprovider at the tag of sources.ts):
 * resource_datadog_on_call_user_notification_channel.go and resource_datadog_on_call_user_notification_rule.go.
 */
import type { DesiredResource, Value } from '../../../modules/render/desired';
import { DD } from '../../../modules/backends/datadog-oncall/resources';
import type { ResourceContract } from '../contract';
import { Checker, obj, symbolic } from './rules';
import { TF } from './sources';

const CHANNEL = `${TF}:datadog/fwprovider/resource_datadog_on_call_user_notification_channel.go`;
const RULE = `${TF}:datadog/fwprovider/resource_datadog_on_call_user_notification_rule.go`;
const copy = (r: DesiredResource): Record<string, Value> => JSON.parse(JSON.stringify(r.inputs)) as Record<string, Value>;

export const notificationChannelContract: ResourceContract = {
  type: DD.notificationChannel,
  source: CHANNEL,
  validate(r) {
    const c = new Checker();
    c.required(r.inputs, '', ['userId'], CHANNEL);
    c.known(r.inputs, '', ['userId', 'phone', 'email'], CHANNEL);
    const phone = obj(r.inputs.phone);
    const email = obj(r.inputs.email);
    // #Schema: one channel is a phone or an e-mail (the API's channel config is one of them).
    if ((phone === undefined) === (email === undefined)) c.fail('', 'a channel has a `phone` block or an `email` block', CHANNEL);
    if (phone) {
      c.known(phone, 'phone.', ['number'], CHANNEL);
      // #Schema phone.number: "The E-164 formatted phone number".
      if (!symbolic(phone.number) && !/^\+[1-9]\d{6,14}$/.test(String(phone.number)))
        c.fail('phone.number', 'not an E.164 number', CHANNEL);
    }
    if (email) c.known(email, 'email.', ['address', 'formats'], CHANNEL);
    if (!symbolic(r.inputs.userId) && typeof r.inputs.userId !== 'string') c.fail('userId', 'a user id', CHANNEL);
    return c.out;
  },
  readBack: (r) => copy(r),
  computed: [],
  // #Schema: every attribute RequiresReplace (the API has no update of a channel).
  forceNew: ['userId', 'phone.number', 'email.address', 'email.formats'],
};

export const notificationRuleContract: ResourceContract = {
  type: DD.notificationRule,
  source: RULE,
  validate(r) {
    const c = new Checker();
    c.required(r.inputs, '', ['userId', 'channelId', 'category', 'delayMinutes'], RULE);
    c.known(r.inputs, '', ['userId', 'channelId', 'category', 'delayMinutes', 'phone'], RULE);
    // #Schema category: NewEnumValidator(datadogV2.NewOnCallNotificationRuleCategoryFromValue).
    c.oneOf(r.inputs.category, 'category', ['high_urgency', 'low_urgency'], RULE);
    // #Schema delay_minutes: Int32, AtLeast(0).
    c.between(r.inputs.delayMinutes, 'delayMinutes', 0, 2 ** 31 - 1, RULE);
    const phone = obj(r.inputs.phone);
    // #Schema phone.method: NewEnumValidator(datadogV2.NewOnCallPhoneNotificationRuleMethodFromValue), sms or voice.
    if (phone) c.oneOf(phone.method, 'phone.method', ['sms', 'voice'], RULE);
    return c.out;
  },
  readBack: (r) => copy(r),
  computed: [],
  // #Schema: user_id, channel_id and the phone block RequiresReplace.
  forceNew: ['userId', 'channelId', 'phone'],
};
