/**
 * How people are reached: a user's notification rules as the person's `notify` (modules/backends/datadog-oncall/
 * contacts.ts read backwards): `high_urgency` / `low_urgency` rules, a phone channel's voice as `call` and sms as
 * `sms`, an e-mail channel as `email`, a delay as `{ method: <n>m }`; the phone number only when asked.
 */
import { contactNames } from '../../backends/contacts';
import type { Value } from '../../render/desired';
import type { NotifyRule, Person } from '../../spec/spec-types.generated';
import type { ImportLink } from '../account';
import { TYPES, type ImportContext, type Obj } from './context';

type Method = 'call' | 'sms' | 'email';

export function importContacts(ctx: ImportContext, phones: boolean, links: ImportLink[]): Map<string, Partial<Person>> {
  const out = new Map<string, Partial<Person>>();
  const channels = new Map(ctx.of(TYPES.notificationChannel).map((c) => [c.name, c]));
  const rules = ctx.of(TYPES.notificationRule).sort((a, b) => Number(a.inputs.delayMinutes ?? 0) - Number(b.inputs.delayMinutes ?? 0));
  for (const rule of rules) {
    const person = ctx.person(rule.inputs.userId as Value);
    const channel = channels.get((rule.inputs.channelId as { $ref?: string } | undefined)?.$ref ?? '');
    if (!person || !channel) {
      ctx.find(
        rule,
        'notification rule',
        person
          ? 'its channel is the mobile app, which the provider has no resource for (`push` is refused on Datadog stacks)'
          : "its user is not in the account's user list",
      );
      continue;
    }
    const phone = channel.inputs.phone as Obj | undefined;
    const method: Method = phone ? ((rule.inputs.phone as Obj | undefined)?.method === 'sms' ? 'sms' : 'call') : 'email';
    const urgency = rule.inputs.category === 'low_urgency' ? 'low' : 'high';
    const delay = Number(rule.inputs.delayMinutes ?? 0);
    if (phone && !phones) {
      ctx.find(
        rule,
        `${method} at ${delay}m (${urgency} urgency)`,
        'a call or an sms needs the phone number, which is personal data: imported only when asked (phones)',
      );
      continue;
    }
    const entry = out.get(person) ?? {};
    const notify = (entry.notify ??= {});
    const list = (notify[urgency] ??= [] as unknown as [NotifyRule, ...NotifyRule[]]) as NotifyRule[];
    list.push(delay ? ({ [method]: `${delay}m` } as NotifyRule) : method);
    if (phone && phones) entry.phone = String(phone.number);
    out.set(person, entry);
    links.push({ observed: rule.name, planned: contactNames.rule(person, urgency, method, delay) });
    links.push({ observed: channel.name, planned: contactNames.contact(person, phone ? 'phone' : 'email') });
  }
  return out;
}
