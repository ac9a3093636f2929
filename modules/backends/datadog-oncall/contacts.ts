/**
 * How people are reached on Datadog On-Call: a notification channel per phone and e-mail the person's rules
 * use, and a rule per entry of `notify` (`high_urgency` / `low_urgency`, a phone rule texting or calling).
 * The provider (terraform-provider-datadog v4.19.0, under @pulumi/datadog 5.11.0) has no channel for the
 * mobile app: `validate` refuses `push` on Datadog stacks (`backend/datadog-push`).
 */
import type { Organisation, Person } from '../../model/types';
import { ref, type DesiredResource } from '../../render/desired';
import { userLookup } from '../../render/squad-parts';
import { CONTACTS_OWNER, contactNames, methodsUsed } from '../contacts';
import { resourceOf } from '../descriptor';
import { DATADOG_ONCALL, DATADOG_ONCALL_LOOKUPS } from './resources';

/** Category values: datadog-api-client-go OnCallNotificationRuleCategory (the provider's enum validator). */
const CATEGORY = { high: 'high_urgency', low: 'low_urgency' } as const;

export function renderDatadogContacts(org: Organisation, people: readonly Person[]): DesiredResource[] {
  const out: DesiredResource[] = [];
  for (const person of people) {
    const userId = userLookup(org, DATADOG_ONCALL_LOOKUPS.user, person.id);
    const used = methodsUsed(person);
    const phone = contactNames.contact(person.id, 'phone');
    const email = contactNames.contact(person.id, 'email');
    if ((used.has('call') || used.has('sms')) && person.phone !== undefined) {
      out.push(
        resourceOf(DATADOG_ONCALL.notificationChannel, {
          name: phone,
          squad: CONTACTS_OWNER,
          inputs: { userId, phone: { number: person.phone } },
        }),
      );
    }
    if (used.has('email')) {
      out.push(
        resourceOf(DATADOG_ONCALL.notificationChannel, {
          name: email,
          squad: CONTACTS_OWNER,
          inputs: { userId, email: { address: person.email } },
        }),
      );
    }
    for (const urgency of ['high', 'low'] as const) {
      for (const rule of person.notify?.[urgency] ?? []) {
        if (rule.method === 'push' || ((rule.method === 'call' || rule.method === 'sms') && person.phone === undefined)) continue;
        const byPhone = rule.method !== 'email';
        out.push(
          resourceOf(DATADOG_ONCALL.notificationRule, {
            name: contactNames.rule(person.id, urgency, rule.method, rule.afterMinutes),
            squad: CONTACTS_OWNER,
            inputs: {
              userId,
              channelId: ref(byPhone ? phone : email),
              category: CATEGORY[urgency],
              delayMinutes: rule.afterMinutes,
              ...(byPhone ? { phone: { method: rule.method === 'call' ? 'voice' : 'sms' } } : {}),
            },
          }),
        );
      }
    }
  }
  return out;
}
