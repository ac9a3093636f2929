/**
 * Reading a monitor message written by hand: Datadog's notification syntax (`@handle`, `@e-mail`, `{{#is_alert}}`
 * blocks, template variables) as its documentation shows it (docs.datadoghq.com/monitors/notify/), the
 * expected fields written here by hand.
 */
import { describe, expect, it } from 'vitest';
import { runbookOf } from '../../../modules/migrate/datadog-monitors/draft';
import { parseMessage } from '../../../modules/migrate/datadog-monitors/message';
import { fixtureTree } from '../../helpers';
import { organisationOf } from './round-trip';

describe('a hand-written monitor message', () => {
  it('takes the runbook from its Runbook line, the handles and e-mails apart, the rest as description', () => {
    const m = parseMessage(
      'Disk is full on {{host.name}}.\nDashboard: https://app.datadoghq.com/dash/1\nRunbook: https://wiki.example.com/disk.\n@slack-ops, @ada@example.com @pagerduty-Infra',
    );
    expect(m).toEqual({
      description: 'Disk is full on {{host.name}}.\nDashboard: https://app.datadoghq.com/dash/1',
      runbook: 'https://wiki.example.com/disk',
      dashboards: [],
      handles: ['@slack-ops', '@pagerduty-Infra'],
      emails: ['@ada@example.com'],
      conditionalText: false,
      ours: false,
    });
  });

  it('prefers a link that names a runbook over the first link, and keeps conditional text as a finding', () => {
    const m = parseMessage(
      '{{#is_warning}}Getting full, see https://app.datadoghq.com/x{{/is_warning}}\nProcedure in https://wiki.example.com/runbooks/disk\n{{#is_recovery}}@slack-ops{{/is_recovery}}',
    );
    expect(m.runbook).toBe('https://wiki.example.com/runbooks/disk');
    expect(m.conditionalText).toBe(true);
    expect(m.handles).toEqual(['@slack-ops']);
    // The runbook's line leaves the description, as a `Runbook:` line does.
    expect(m.description).toBe('{{#is_warning}}Getting full, see https://app.datadoghq.com/x{{/is_warning}}');
  });

  it('has no runbook without an https link', () => {
    expect(parseMessage('Queue is backing up @slack-payments').runbook).toBeUndefined();
    expect(parseMessage(undefined)).toMatchObject({ description: undefined, handles: [] });
  });
});

describe('a runbook link into the squad’s folder', () => {
  it('is the runbook file when it is there, else the link as written', () => {
    const org = organisationOf(fixtureTree());
    const base = 'https://git.acme.example/sre/oncall/-/blob/main/teams/';
    const exists = (p: string) => fixtureTree().files.has(p);
    expect(runbookOf(org, 'storefront', `${base}storefront/runbooks/checkout.md`, { runbookExists: exists })).toBe('runbooks/checkout.md');
    expect(runbookOf(org, 'storefront', `${base}storefront/runbooks/gone.md`, { runbookExists: exists })).toBe(
      `${base}storefront/runbooks/gone.md`,
    );
    expect(runbookOf(org, 'storefront', 'teams/storefront/runbooks/gone.md', { runbookExists: exists })).toBeUndefined();
  });
});
