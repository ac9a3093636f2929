/**
 * How people are reached on Opsgenie: a user contact per number the stack texts or rings, and one notification
 * rule for new alerts whose steps are the person's `notify.high` (every page is high urgency on Opsgenie: the
 * stack's `notify.low` is reported by `validate` and not provisioned).
 *
 * Steps name their contact by method and address (opsgenie/opsgenie-oas definitions/notificationRuleStep.yaml,
 * ContactMeta): numbers as `<country code>-<number>` (the form of terraform-provider-opsgenie v0.6.40
 * website/docs/r/user_contact.html.markdown), the e-mail contact every user has by their username, and the
 * mobile app by the name it registered the device under (`pushDevice`), which only the app can add.
 */
import type { Organisation, Person } from '../../model/types';
import type { DesiredResource } from '../../render/desired';
import { emailOf } from '../../render/squad-parts';
import { CONTACTS_OWNER, contactNames, methodsUsed, phoneParts } from '../contacts';
import { resourceOf } from '../descriptor';
import { OPSGENIE } from './resources';

const METHODS = { call: 'voice', sms: 'sms', push: 'mobile', email: 'email' } as const;

/** The name of the rule the stack owns for each person (a new name replaces the rule). */
export const NOTIFICATION_RULE_NAME = 'Paged (oncall-as-code)';

export function renderOpsgenieContacts(org: Organisation, people: readonly Person[]): DesiredResource[] {
  const out: DesiredResource[] = [];
  for (const person of people) {
    const username = emailOf(org, person.id);
    const addresses: Partial<Record<keyof typeof METHODS, string>> = { email: username };
    if (person.pushDevice !== undefined) addresses.push = person.pushDevice;
    const contacts: string[] = [];
    for (const method of methodsUsed(person)) {
      if ((method !== 'call' && method !== 'sms') || person.phone === undefined) continue;
      const { countryCode, national } = phoneParts(person.phone);
      addresses[method] = `${countryCode}-${national}`;
      const name = contactNames.contact(person.id, METHODS[method]);
      contacts.push(name);
      out.push(
        resourceOf(OPSGENIE.userContact, {
          name,
          squad: CONTACTS_OWNER,
          inputs: { username, method: METHODS[method], to: addresses[method], enabled: true },
        }),
      );
    }
    const steps = (person.notify?.high ?? []).flatMap((rule) => {
      const to = addresses[rule.method];
      return to === undefined ? [] : [{ contacts: [{ method: METHODS[rule.method], to }], sendAfter: rule.afterMinutes, enabled: true }];
    });
    if (steps.length === 0) continue;
    out.push(
      resourceOf(OPSGENIE.notificationRule, {
        name: `${person.id}-notify-rule`,
        squad: CONTACTS_OWNER,
        inputs: {
          username,
          name: NOTIFICATION_RULE_NAME,
          actionType: 'create-alert',
          criterias: [{ type: 'match-all' }],
          steps,
          enabled: true,
        },
        // A step's contact must exist before the rule names it.
        options: contacts.length > 0 ? { dependsOn: contacts } : undefined,
      }),
    );
  }
  return out;
}
