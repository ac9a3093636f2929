/**
 * What every backend's contact rendering shares: whom a stack reaches (the people of its squads who declare
 * how), a phone number in the parts providers want, and the plan lines of contact resources.
 *
 * A person is rendered once per stack, however many of its squads they are in, under the organisation's
 * component (`squad: organisation`) rather than a squad's: moving to another squad keeps their contact
 * methods and rules in place (a resource's parent is part of its identity, and changing it replaces it).
 */
import { parsePhoneNumber } from 'libphonenumber-js/max';
import type { Organisation, Person, Squad } from '../model/types';
import { isInvoke, isRef, type Value } from '../render/desired';
import { ORGANISATION } from '../render/alerts/status-page';

/** The component contact resources hang from. */
export const CONTACTS_OWNER = ORGANISATION;

/** Everyone a squad can page: members, manager, every roster, overrides and people named by its policies. */
export function peopleOfSquad(team: Squad): Set<string> {
  const people = new Set<string>(team.members);
  if (team.manager) people.add(team.manager);
  for (const rotation of team.rotations.values()) {
    for (const segment of rotation.segments) segment.members.forEach((p) => people.add(p));
    for (const o of rotation.overrides) people.add(o.person);
  }
  for (const policy of team.escalations.values())
    for (const step of policy.steps) for (const t of step.targets) if (t.kind === 'person') people.add(t.person);
  return people;
}

/**
 * The people a stack provisions contact rules for: those with `notify` in the squads it selects that are not
 * retired, each once, by id.
 */
export function peopleToReach(org: Organisation, teams?: readonly string[]): Person[] {
  const ids = new Set<string>();
  for (const team of org.squads.values()) {
    if (team.retired || (teams && !teams.includes(team.id))) continue;
    peopleOfSquad(team).forEach((p) => ids.add(p));
  }
  return [...ids].sort().flatMap((id) => {
    const person = org.people.get(id);
    return person?.notify ? [person] : [];
  });
}

/** `+33639980101` → `{ countryCode: 33, national: '639980101' }` (E.164, checked when the model was read). */
export function phoneParts(e164: string): { readonly countryCode: number; readonly national: string } {
  const parsed = parsePhoneNumber(e164);
  return { countryCode: Number(parsed.countryCallingCode), national: String(parsed.nationalNumber) };
}

/** The methods a person's rules use, in a fixed order. */
export function methodsUsed(person: Person): Set<'call' | 'sms' | 'push' | 'email'> {
  const used = new Set([...(person.notify?.high ?? []), ...(person.notify?.low ?? [])].map((r) => r.method));
  return new Set((['call', 'sms', 'push', 'email'] as const).filter((m) => used.has(m)));
}

/** Resource names from ids: a person's contact of one kind, and one rule of theirs. */
export const contactNames = {
  contact: (person: string, kind: string) => `${person}-${kind}-contact`,
  rule: (person: string, urgency: string, method: string, minutes: number) => `${person}-notify-${urgency}-${method}-${minutes}m`,
};

type Inputs = Readonly<Record<string, Value>>;
const text = (v: Value | undefined): string | undefined => (typeof v === 'string' ? v : undefined);
const num = (v: Value | undefined): number | undefined => (typeof v === 'number' ? v : undefined);
const obj = (v: Value | undefined): Inputs | undefined =>
  v !== null && typeof v === 'object' && !Array.isArray(v) && !isRef(v) && !isInvoke(v) && !('$concat' in v) ? (v as Inputs) : undefined;

/** Plan lines of contact resources: the kind of contact, never its address (a phone number). */
export const contactSummary = {
  /** PagerDuty contact method: its type and label. */
  pagerdutyMethod: (i: Inputs): string[] => [text(i.type) ?? '', text(i.label) ? `"${text(i.label)}"` : ''].filter(Boolean),
  /** PagerDuty notification rule: urgency, method, delay. */
  pagerdutyRule: (i: Inputs): string[] => [
    `${text(i.urgency) ?? '?'} urgency: ${(text(obj(i.contactMethod)?.type) ?? '?').replace(/_contact_method$/, '')} after ${num(i.startDelayInMinutes) ?? 0} min`,
  ],
  /** Opsgenie user contact: its method. */
  opsgenieContact: (i: Inputs): string[] => [text(i.method) ?? ''],
  /** Opsgenie notification rule: its steps. */
  opsgenieRule: (i: Inputs): string[] => [
    `"${text(i.name) ?? ''}"`,
    (Array.isArray(i.steps) ? i.steps : [])
      .map((s) => {
        const step = obj(s);
        const contact = obj(Array.isArray(step?.contacts) ? step.contacts[0] : undefined);
        return `${text(contact?.method) ?? '?'} after ${num(step?.sendAfter) ?? 0} min`;
      })
      .join(', '),
  ],
  /** Datadog On-Call channel: phone or e-mail. */
  datadogChannel: (i: Inputs): string[] => [obj(i.phone) ? 'phone' : obj(i.email) ? 'e-mail' : ''],
  /** Datadog On-Call rule: category, method, delay. */
  datadogRule: (i: Inputs): string[] => [
    `${text(i.category) ?? '?'}: ${text(obj(i.phone)?.method) ?? 'e-mail'} after ${num(i.delayMinutes) ?? 0} min`,
  ],
};
