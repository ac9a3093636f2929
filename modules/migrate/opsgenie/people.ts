/**
 * Users → people, their SMS and voice contacts → `phone` (only when asked), their notification rule for new alerts
 * → `notify.high`. Opsgenie's contact methods (opsgenie-oas definitions/notificationRuleStep.yaml ContactMeta):
 * `voice` is a call, `sms` a text, `mobile` the app's push (its `to` is the device's name), `email` an e-mail. The
 * rule that pages is the one for new alerts (`create-alert`) matching every alert: rules for other actions,
 * conditions, time restrictions or repeats have no YAML form.
 */
import { contactNames } from '../../backends/contacts';
import { NOTIFICATION_RULE_NAME } from '../../backends/opsgenie/contacts';
import { OG, OPSGENIE_USER_TYPE } from '../../backends/opsgenie/resources';
import type { Value } from '../../render/desired';
import type { OrgFile } from '../../spec/spec-types.generated';
import type { ObservedResource } from '../account';
import { IdScope } from '../ids';
import type { ImportState } from './import';

/** The user resources observe adds (never planned: a stack looks users up). */
export const OPSGENIE_USER = OPSGENIE_USER_TYPE;
const METHODS: Record<string, 'call' | 'sms' | 'push' | 'email'> = { voice: 'call', sms: 'sms', mobile: 'push', email: 'email' };
type Person = OrgFile['people'][string];
type NotifyRule = NonNullable<NonNullable<Person['notify']>['high']>[number];

/** `33-639981101` (Opsgenie's `<country code>-<number>`) → `+33639981101`. */
export function e164(to: string): string | undefined {
  const digits = to.replace(/[^0-9]/g, '');
  return digits.length >= 6 && digits.length <= 15 ? `+${digits}` : undefined;
}

export function importPeople(state: ImportState, orgZone: string): OrgFile['people'] {
  const users = state.observed.resources
    .filter((r) => r.type === OPSGENIE_USER)
    .sort((a, b) => String(a.inputs.username).localeCompare(String(b.inputs.username)));
  const ids = new IdScope('person');
  const people: OrgFile['people'] = {};
  for (const user of users) {
    const username = String(user.inputs.username);
    const id = ids.take(username.split('@')[0] ?? username);
    state.people.set(username, id);
    const zone = typeof user.inputs.timezone === 'string' && user.inputs.timezone !== orgZone ? user.inputs.timezone : undefined;
    people[id] = { name: String(user.inputs.fullName ?? username), email: username, ...(zone ? { timezone: zone } : {}) };
    state.comments.set(`org.yaml#/people/${id}`, `Opsgenie user ${username} (${user.id})`);
  }
  const contacts = state.observed.resources.filter((r) => r.type === OG.userContact);
  for (const c of contacts) {
    const id = state.people.get(String(c.inputs.username));
    const person = id === undefined ? undefined : people[id];
    if (id === undefined || !person) continue;
    const number = e164(String(c.inputs.to));
    if (c.inputs.method !== 'sms' && c.inputs.method !== 'voice') continue;
    if (!state.options.phones) {
      state.find('phone number', 'phone numbers are personal data: imported only when asked (`--phones`)', c.from);
      continue;
    }
    if (number === undefined || (person.phone !== undefined && person.phone !== number)) {
      state.find('phone number', 'a person has one number, for calls and texts alike; this one differs or does not parse', c.from);
      continue;
    }
    if (c.inputs.enabled === false) state.find('disabled contact', 'the YAML has no disabled number', c.from, 'approximated');
    person.phone = number;
  }
  for (const rule of state.observed.resources.filter((r) => r.type === OG.notificationRule)) importRule(state, rule, people);
  // A stack provisions the numbers its people's rules ring or text.
  for (const c of contacts) {
    const id = state.people.get(String(c.inputs.username));
    const method = c.inputs.method === 'voice' ? 'call' : c.inputs.method === 'sms' ? 'sms' : undefined;
    const person = id === undefined ? undefined : people[id];
    if (id === undefined || method === undefined || person?.phone !== e164(String(c.inputs.to))) continue;
    const used = (person?.notify?.high ?? []).some((n) => (typeof n === 'string' ? n : Object.keys(n)[0]) === method);
    if (used) state.link(c, contactNames.contact(id, String(c.inputs.method)));
    else state.find('unused contact', `no notification rule of ${id} uses it: a stack leaves it as it is`, c.from, 'approximated');
  }
  return people;
}

function importRule(state: ImportState, rule: ObservedResource, people: OrgFile['people']): void {
  const i = rule.inputs;
  const id = state.people.get(String(i.username));
  const person = id === undefined ? undefined : people[id];
  if (id === undefined || !person) return;
  const criteria = (Array.isArray(i.criterias) ? i.criterias : []) as Array<Record<string, Value>>;
  if (i.actionType !== 'create-alert') {
    state.find(
      `notification rule for ${String(i.actionType)}`,
      'the YAML says how a page reaches a person, not how other alert actions do',
      rule.from,
    );
    return;
  }
  if (i.enabled === false) {
    state.find('disabled notification rule', 'not applied by Opsgenie: nothing to import', rule.from);
    return;
  }
  if (criteria.some((c) => c.type !== 'match-all')) {
    state.find('notification rule conditions', 'the YAML notifies the same way for every page', rule.from);
    return;
  }
  if (person.notify !== undefined) {
    state.find(
      'second notification rule for new alerts',
      `${id}'s first rule is imported; Opsgenie applies the first matching rule`,
      rule.from,
    );
    return;
  }
  const steps = (Array.isArray(i.steps) ? i.steps : []) as Array<Record<string, Value>>;
  const high: NotifyRule[] = [];
  for (const step of steps) {
    const contact = ((step.contacts as Value[] | undefined)?.at(-1) ?? {}) as Record<string, Value>;
    const method = METHODS[String(contact.method)];
    const after = Number(step.sendAfter ?? 0);
    if (step.enabled === false || method === undefined) {
      state.find('notification step', `a disabled or unknown step (${String(contact.method)}) is not imported`, rule.from);
      continue;
    }
    if ((method === 'call' || method === 'sms') && person.phone === undefined) {
      state.find(
        `${method} step`,
        state.options.phones
          ? 'the number it uses is not among the user contacts'
          : 'phone numbers are imported only when asked (`--phones`)',
        rule.from,
      );
      continue;
    }
    if (method === 'push') {
      if (person.pushDevice !== undefined && person.pushDevice !== contact.to) {
        state.find('push step', 'a person has one push device', rule.from);
        continue;
      }
      person.pushDevice = String(contact.to);
    }
    if (method === 'email' && contact.to !== person.email) {
      state.find('e-mail step', `the YAML e-mails the person's own address, not ${String(contact.to)}`, rule.from, 'approximated');
    }
    high.push(after === 0 ? method : ({ [method]: `${after}m` } as NotifyRule));
  }
  if (high.length === 0) return;
  person.notify = { high: high as [NotifyRule, ...NotifyRule[]] };
  if (i.name === NOTIFICATION_RULE_NAME) state.link(rule, `${id}-notify-rule`);
  else
    state.find(
      'notification rule name',
      `a stack owns a rule named "${NOTIFICATION_RULE_NAME}": it is added beside "${String(i.name)}", which stays until deleted by hand`,
      rule.from,
      'approximated',
    );
}
