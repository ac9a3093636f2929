/**
 * Contact methods and rules reach Pulumi as planned: a look-up whose argument is another look-up (the push
 * device of the user found by e-mail) is called with the user's id, and every contact resource hangs from the
 * organisation's component, not a squad's.
 */
import * as pulumi from '@pulumi/pulumi';
import { describe, expect, it } from 'vitest';
import { installMocks, registrations } from './mocks';
import { OnCallOrganisation } from '../../modules/pulumi/organisation';
import { fixtureTree, withEdit, writeTree } from '../helpers';

installMocks();

/** Pulumi's marker of a secret value in serialized inputs. */
const SECRET_SIG = '4dabf18193072939515e22adb298388d';

const teamsDir = writeTree(
  withEdit(
    'org.yaml',
    '  manon:\n',
    '  manon:\n    notify: { high: [sms, push], low: [{ email: 5m }] }\n    pushDevice: Pixel 8\n',
    fixtureTree(),
  ),
);

describe('contacts under Pulumi', () => {
  it('PagerDuty: rules point at the contact methods looked up by the user id, all under the organisation', async () => {
    registrations.length = 0;
    const component = new OnCallOrganisation('org-contacts', { backend: 'pagerduty', teamsDir, pagerdutySubdomain: 'acme' });
    const contacts = [...component.resources.entries()].filter(([name]) => name.startsWith('manon-'));
    expect(contacts.map(([name]) => name).sort()).toEqual([
      'manon-notify-high-push-0m',
      'manon-notify-high-sms-0m',
      'manon-notify-low-email-5m',
      'manon-sms-contact',
    ]);
    const urns = await Promise.all(contacts.map(([, r]) => new Promise<string>((resolve) => r.urn.apply(resolve))));
    for (const urn of urns) expect(urn).toMatch(/::oncall:index:Organisation\$pagerduty:index\/user(ContactMethod|NotificationRule):/);

    // The number is a secret for Pulumi: encrypted in the state, hidden by `pulumi preview`.
    // Registered under names scoped by the component (modules/pulumi/scoped-names.ts).
    const raw = registrations.find((r) => r.custom && r.name === 'org-contacts/manon-sms-contact')!.inputs;
    expect(raw.address).toMatchObject({ value: '639980901' });
    expect(raw.address).toHaveProperty([SECRET_SIG]);
    const unwrap = (v: unknown): unknown =>
      v !== null && typeof v === 'object' && SECRET_SIG in v ? (v as unknown as { value: unknown }).value : v;
    const inputs = (name: string) =>
      Object.fromEntries(
        Object.entries(registrations.find((r) => r.custom && r.name === `org-contacts/${name}`)!.inputs).map(([k, v]) => [k, unwrap(v)]),
      );
    const user = 'getUser:manon@acme.example';
    expect(inputs('manon-sms-contact')).toMatchObject({ userId: user, type: 'sms_contact_method', countryCode: 33, address: '639980901' });
    expect(inputs('manon-notify-high-sms-0m').contactMethod).toEqual({
      id: 'org-contacts/manon-sms-contact_id',
      type: 'sms_contact_method',
    });
    expect(inputs('manon-notify-high-push-0m').contactMethod).toEqual({
      id: `getUserContactMethod:${user}/push_notification_contact_method/Pixel 8`,
      type: 'push_notification_contact_method',
    });
    expect(inputs('manon-notify-low-email-5m')).toMatchObject({ urgency: 'low', startDelayInMinutes: 5 });
    await new Promise<void>((resolve) => pulumi.output(component.urn).apply(() => resolve()));
  });
});
