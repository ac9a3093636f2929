/**
 * How people are reached on PagerDuty: a contact method per number the stack rings (`call`, `sms`) and a
 * notification rule per entry of `notify`, on the user found by e-mail.
 *
 * Contact methods the stack does not create are looked up by type and label: the push device the PagerDuty app
 * registered when the person signed in (labelled as `pushDevice` says), and the e-mail contact method PagerDuty
 * creates with every user (labelled `Default`). A rule pointing at a device that is not registered fails at
 * `pulumi up` with the label it looked for.
 */
import type { Organisation, Person } from '../../model/types';
import { invoke, ref, type DesiredResource, type Invoke, type Value } from '../../render/desired';
import { userLookup } from '../../render/squad-parts';
import { CONTACTS_OWNER, contactNames, methodsUsed, phoneParts } from '../contacts';
import { resourceOf } from '../descriptor';
import { PAGERDUTY, PAGERDUTY_LOOKUPS } from './resources';

/** The contact method types of resource_pagerduty_user_contact_method.go (validateValueFunc of `type`). */
const TYPES = {
  call: 'phone_contact_method',
  sms: 'sms_contact_method',
  push: 'push_notification_contact_method',
  email: 'email_contact_method',
} as const;

/** The label of the e-mail contact method PagerDuty gives every new user. */
export const DEFAULT_EMAIL_LABEL = 'Default';
/** The label of the numbers the stack creates. */
export const PHONE_LABEL = 'Mobile (oncall-as-code)';

function contactLookup(user: Invoke, type: string, label: string): Invoke {
  return invoke(PAGERDUTY_LOOKUPS.contactMethod.token, { userId: user, type, label });
}

export function renderPagerDutyContacts(org: Organisation, people: readonly Person[]): DesiredResource[] {
  const out: DesiredResource[] = [];
  for (const person of people) {
    const user = userLookup(org, PAGERDUTY_LOOKUPS.user, person.id);
    const contactId: Partial<Record<keyof typeof TYPES, Value>> = {};
    for (const method of methodsUsed(person)) {
      if (method === 'call' || method === 'sms') {
        if (person.phone === undefined) continue; // the model reported it
        // The provider wants the number without its country code, digits only (its CustomizeDiff).
        const { countryCode, national } = phoneParts(person.phone);
        const name = contactNames.contact(person.id, method === 'call' ? 'phone' : 'sms');
        out.push(
          resourceOf(PAGERDUTY.contactMethod, {
            name,
            squad: CONTACTS_OWNER,
            inputs: { userId: user, type: TYPES[method], label: PHONE_LABEL, countryCode, address: national },
          }),
        );
        contactId[method] = ref(name);
      } else if (method === 'push') {
        if (person.pushDevice === undefined) continue; // the model reported it
        contactId.push = contactLookup(user, TYPES.push, person.pushDevice);
      } else {
        contactId.email = contactLookup(user, TYPES.email, DEFAULT_EMAIL_LABEL);
      }
    }
    for (const urgency of ['high', 'low'] as const) {
      for (const rule of person.notify?.[urgency] ?? []) {
        const id = contactId[rule.method];
        if (id === undefined) continue;
        out.push(
          resourceOf(PAGERDUTY.notificationRule, {
            name: contactNames.rule(person.id, urgency, rule.method, rule.afterMinutes),
            squad: CONTACTS_OWNER,
            inputs: { userId: user, startDelayInMinutes: rule.afterMinutes, urgency, contactMethod: { id, type: TYPES[rule.method] } },
          }),
        );
      }
    }
  }
  return out;
}
