/**
 * How people are reached, rendered per backend: each person once per stack, under the organisation's
 * component; numbers in the form each provider takes; push and e-mail pointing at what the backend already has.
 * Sources of the expected forms are named at each test.
 */
import { parsePhoneNumber } from 'libphonenumber-js/max';
import { describe, expect, it } from 'vitest';
import { loadOrganisation } from '../../modules/model/load';
import { analyse } from '../../modules/pipeline';
import { isInvoke, type DesiredResource, type Invoke } from '../../modules/render/desired';
import { renderStack } from '../../modules/render/stack';
import { parseStackFile } from '../../modules/spec/stacks';
import type { SourceTree } from '../../modules/spec/source';
import { PD } from '../../modules/backends/pagerduty/resources';
import { OG } from '../../modules/backends/opsgenie/resources';
import { DD } from '../../modules/backends/datadog-oncall/resources';
import { fixtureTree, lineOf, NOW, withEdit } from '../helpers';

/** manon manages all three squads of the fixture: the person in several squads. */
const MANON = '+33639980901';
const reached = (lines: string, tree: SourceTree = fixtureTree()) => withEdit('org.yaml', '  manon:\n', `  manon:\n${lines}`, tree);
const SRE = reached('    notify:\n      high: [call, sms, push]\n      low: [{ email: 0m }, { push: 10m }]\n    pushDevice: Pixel 8\n');

const render = (tree: SourceTree, backend: 'pagerduty' | 'opsgenie' | 'datadog', teams?: string[]) =>
  renderStack(loadOrganisation(tree).organisation!, { now: NOW, name: 't', backend, ...(teams ? { teams } : {}) }).resources;
const ofTypes = (resources: readonly DesiredResource[], ...types: string[]) => resources.filter((r) => types.includes(r.type));

function stackProblems(tree: SourceTree, backend: string) {
  const file = parseStackFile('stacks/Pulumi.t.yaml', 't', `config:\n  oncall:backend: ${backend}\n`);
  return analyse(tree, NOW, { stacks: [file.stack!], problems: file.problems }).problems;
}

describe('contacts on every backend', () => {
  it.each(['pagerduty', 'opsgenie', 'datadog'] as const)('%s: nothing for people without notify (the fixture)', (backend) => {
    const contactTypes = [
      PD.contactMethod,
      PD.notificationRule,
      OG.userContact,
      OG.notificationRule,
      DD.notificationChannel,
      DD.notificationRule,
    ];
    expect(ofTypes(render(fixtureTree(), backend), ...contactTypes)).toEqual([]);
  });

  it.each(['pagerduty', 'opsgenie', 'datadog'] as const)(
    '%s: a person of three squads is rendered once, under the organisation',
    (backend) => {
      const tree = reached('    notify: { high: [call, sms], low: [email] }\n');
      const resources = render(tree, backend);
      const contacts = resources.filter((r) => r.name.startsWith('manon-'));
      expect(contacts.length).toBeGreaterThan(0);
      expect(new Set(contacts.map((r) => r.squad))).toEqual(new Set(['organisation']));
      expect(new Set(resources.map((r) => r.name)).size).toBe(resources.length);
      // A stack of one of her squads reaches her just the same.
      expect(render(tree, backend, ['payments']).filter((r) => r.name.startsWith('manon-'))).toEqual(contacts);
    },
  );
});

describe('PagerDuty', () => {
  const resources = render(SRE, 'pagerduty');
  const methods = ofTypes(resources, PD.contactMethod);
  const rules = ofTypes(resources, PD.notificationRule);

  it('creates a contact method per number it rings or texts, digits without the country code', () => {
    // PagerDuty/terraform-provider-pagerduty@v2.4.0 pagerduty/resource_pagerduty_user_contact_method.go: the
    // CustomizeDiff refuses phone and SMS addresses that start with 0 or are not all digits; `country_code` apart.
    expect(methods.map((m) => m.inputs.type).sort()).toEqual(['phone_contact_method', 'sms_contact_method']);
    for (const m of methods) {
      const address = String(m.inputs.address);
      expect(address).toMatch(/^[1-9]\d*$/);
      expect(parsePhoneNumber(`+${String(m.inputs.countryCode)}${address}`).number).toBe(MANON);
      expect(m.inputs.userId).toEqual({ $invoke: PD.getUser, args: { email: 'manon@acme.example' }, property: 'id' });
    }
  });

  it('a rule per entry, urgency and delay as written, pointing at its contact method', () => {
    const rows = rules.map((r) => {
      const cm = r.inputs.contactMethod as { id: unknown; type: string };
      return [r.inputs.urgency, cm.type, r.inputs.startDelayInMinutes];
    });
    expect(rows).toEqual([
      ['high', 'phone_contact_method', 0],
      ['high', 'sms_contact_method', 0],
      ['high', 'push_notification_contact_method', 0],
      ['low', 'email_contact_method', 0],
      ['low', 'push_notification_contact_method', 10],
    ]);
    const sms = rules.find((r) => (r.inputs.contactMethod as { type: string }).type === 'sms_contact_method')!;
    expect((sms.inputs.contactMethod as { id: unknown }).id).toEqual({ $ref: 'manon-sms-contact', property: 'id' });
  });

  it('push and e-mail look up the contact methods the user has: the device by its label, the e-mail PagerDuty created', () => {
    // data_source_pagerduty_user_contact_method.go finds a contact method by user_id, type and label.
    const lookups = rules.map((r) => (r.inputs.contactMethod as { id: unknown }).id).filter(isInvoke) as Invoke[];
    const args = lookups.map((l) => [l.$invoke, l.args.type, l.args.label]);
    expect(args).toContainEqual([PD.getUserContactMethod, 'push_notification_contact_method', 'Pixel 8']);
    expect(args).toContainEqual([PD.getUserContactMethod, 'email_contact_method', 'Default']);
    expect(lookups[0]!.args.userId).toEqual({ $invoke: PD.getUser, args: { email: 'manon@acme.example' }, property: 'id' });
  });
});

describe('Opsgenie', () => {
  const resources = render(SRE, 'opsgenie');

  it('creates SMS and voice contacts as `<country code>-<number>`, and one rule for new alerts with the high-urgency steps', () => {
    // opsgenie/terraform-provider-opsgenie@v0.6.40 website/docs/r/user_contact.html.markdown writes numbers `39-123`.
    const contacts = ofTypes(resources, OG.userContact);
    expect(contacts.map((c) => [c.inputs.method, c.inputs.to])).toEqual([
      ['voice', '33-639980901'],
      ['sms', '33-639980901'],
    ]);
    const [rule, ...more] = ofTypes(resources, OG.notificationRule);
    expect(more).toEqual([]);
    expect(rule!.inputs.actionType).toBe('create-alert');
    expect(rule!.inputs.username).toBe('manon@acme.example');
    const steps = rule!.inputs.steps as Array<{ contacts: Array<{ method: string; to: string }>; sendAfter: number }>;
    expect(steps.map((s) => [s.contacts[0]!.method, s.contacts[0]!.to, s.sendAfter])).toEqual([
      ['voice', '33-639980901', 0],
      ['sms', '33-639980901', 0],
      ['mobile', 'Pixel 8', 0],
    ]);
    expect(rule!.options?.dependsOn).toEqual(contacts.map((c) => c.name));
  });

  it('warns that low urgency is not provisioned, at the first low rule', () => {
    const warning = stackProblems(SRE, 'opsgenie').find((p) => p.code === 'backend/opsgenie-notify-low');
    expect(warning?.severity).toBe('warning');
    expect(warning?.line).toBe(lineOf('org.yaml', 'low: [{ email: 0m }', SRE));
  });

  it('warns once for a `defaults.notify` everyone inherits, naming them all', () => {
    const tree = withEdit('org.yaml', 'defaults:\n', 'defaults:\n  notify: { high: [call], low: [email] }\n');
    const warnings = stackProblems(tree, 'opsgenie').filter((p) => p.code === 'backend/opsgenie-notify-low');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.line).toBe(lineOf('org.yaml', 'notify: { high: [call], low: [email] }', tree));
    for (const person of ['alice', 'hugo', 'emma', 'manon']) expect(warnings[0]!.message).toContain(`\`${person}\``);
  });
});

describe('Datadog On-Call', () => {
  it('a phone channel for calls and SMS, an e-mail channel, a rule per entry by category', () => {
    const tree = reached('    notify: { high: [call, { sms: 2m }], low: [email] }\n');
    const resources = render(tree, 'datadog');
    const channels = ofTypes(resources, DD.notificationChannel);
    // resource_datadog_on_call_user_notification_channel.go: `phone.number` is E.164.
    expect(channels.map((c) => c.inputs.phone ?? c.inputs.email)).toEqual([{ number: MANON }, { address: 'manon@acme.example' }]);
    const rules = ofTypes(resources, DD.notificationRule).map((r) => [
      r.inputs.category,
      r.inputs.phone,
      r.inputs.delayMinutes,
      r.inputs.channelId,
    ]);
    expect(rules).toEqual([
      ['high_urgency', { method: 'voice' }, 0, { $ref: 'manon-phone-contact', property: 'id' }],
      ['high_urgency', { method: 'sms' }, 2, { $ref: 'manon-phone-contact', property: 'id' }],
      ['low_urgency', undefined, 0, { $ref: 'manon-email-contact', property: 'id' }],
    ]);
  });

  it('refuses push, where it is written: the provider has no mobile-app channel', () => {
    const errors = stackProblems(SRE, 'datadog').filter((p) => p.code === 'backend/datadog-push');
    expect(errors.map((e) => [e.severity, e.file, e.line])).toEqual([
      ['error', 'teams/org.yaml', lineOf('org.yaml', 'high: [call, sms, push]', SRE)],
      ['error', 'teams/org.yaml', lineOf('org.yaml', 'low: [{ email: 0m }', SRE)],
    ]);
    expect(stackProblems(SRE, 'pagerduty').filter((p) => p.code.startsWith('backend/'))).toEqual([]);
  });
});
