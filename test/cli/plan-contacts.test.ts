/**
 * Phone numbers reach the providers' inputs only: `oncall plan` shows contact methods, rules and channels with
 * their numbers masked, in every format, and so does the diff of a number that changed.
 */
import { describe, expect, it } from 'vitest';
import { loadOrganisation } from '../../modules/model/load';
import { diffStates } from '../../modules/render/diff';
import { displayedDiff } from '../../modules/render/displayed';
import { renderStack } from '../../modules/render/stack';
import { FIXTURE_STACKS, fixtureTree, NOW, runCli, withEdit, writeTree } from '../helpers';

/** manon's subscriber digits (+33 6 39 98 09 01) with any separators: never printed. */
const SECRET = /3[^\d\n]{0,4}9[^\d\n]{0,4}9[^\d\n]{0,4}8[^\d\n]{0,4}0[^\d\n]{0,4}9/;
/** Datadog On-Call has no push: its stacks are planned without. */
const notify = (phone: string, methods = 'call, sms, push') =>
  withEdit(
    'org.yaml',
    /  manon:\n[^]*?phone: "\+33639980901"\n/,
    `  manon:\n    name: Manon Girard\n    email: manon@acme.example\n    phone: "${phone}"\n    notify: { high: [${methods}], low: [email] }\n    pushDevice: Pixel 8\n`,
  );

describe('plan masks the numbers of contact resources', () => {
  const dir = writeTree(notify('+33639980901'));
  const withoutPush = writeTree(notify('+33639980901', 'call, sms'));

  it.each([
    ['acme-pagerduty', 'json'],
    ['acme-pagerduty', 'text'],
    ['acme-opsgenie', 'json'],
    ['acme-opsgenie', 'markdown'],
    ['acme-datadog', 'json'],
  ])('%s in %s', async (stack, format) => {
    const teams = stack === 'acme-datadog' ? withoutPush : dir;
    const run = await runCli(['plan', '--teams', teams, '--stacks', FIXTURE_STACKS, '--stack', stack, '--format', format]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('manon-');
    expect(run.stdout).not.toMatch(SECRET);
  });

  it('the JSON still says which contact each resource is, with the last digits', async () => {
    const run = await runCli(['plan', '--teams', dir, '--stacks', FIXTURE_STACKS, '--stack', 'acme-pagerduty', '--format', 'json']);
    const sms = (JSON.parse(run.stdout) as { resources: Array<{ name: string; inputs: Record<string, unknown> }> }).resources.find(
      (r) => r.name === 'manon-sms-contact',
    )!;
    expect(sms.inputs.type).toBe('sms_contact_method');
    expect(String(sms.inputs.address)).toMatch(/^63•+01$/);
  });

  it('in the diff of a changed number', () => {
    const state = (phone: string, backend: 'pagerduty' | 'opsgenie' | 'datadog') =>
      renderStack(loadOrganisation(notify(phone, backend === 'datadog' ? 'call, sms' : undefined)).organisation!, {
        now: NOW,
        name: 't',
        backend,
      });
    for (const backend of ['pagerduty', 'opsgenie', 'datadog'] as const) {
      const diff = diffStates(state('+33639980901', backend), state('+33639980902', backend));
      // Datadog replaces a channel whose number changes (RequiresReplace); the others update it in place.
      expect(diff.update.length + diff.replace.length, backend).toBeGreaterThan(0);
      const shown = JSON.stringify(displayedDiff(diff));
      expect(shown).not.toMatch(SECRET);
      // What changed still shows: the last digits.
      expect(shown).toMatch(/01"/);
      expect(shown).toMatch(/02"/);
    }
  });

  it('the fixture, whose people have no notify, plans as before', () => {
    const org = loadOrganisation(fixtureTree()).organisation!;
    const state = renderStack(org, { now: NOW, name: 't', backend: 'pagerduty' });
    expect(state.resources.some((r) => r.squad === 'organisation' && r.name.includes('-contact'))).toBe(false);
  });
});
