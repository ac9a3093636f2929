/**
 * A realistic Datadog On-Call account written by hand in Datadog's JSON:API documents (./account, an export
 * directory; shapes from DataDog/datadog-api-client-typescript models, checked below against the extract of the API
 * description the import serves): a schedule of day and night layers with a roster change in March and a layer
 * that ended, restrictions wrapping midnight, Europe/Paris and America/New_York across their clock changes, 12-hour
 * turns with an empty turn, past and future overrides, escalation policies with retries, a round-robin step, a
 * `next` schedule position, team and user targets, routing by time and by service tag, a Slack action, a dynamic
 * urgency. The import is compared with golden files and its findings listed one by one.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { datadogAccountHandler } from '../../../modules/bench/api/datadog-oncall-account';
import { datadogOnCallAdapter } from '../../../modules/migrate/datadog-oncall/adapter';
import { analyse } from '../../../modules/pipeline';
import { expectGolden } from '../../golden';
import { importedTree } from './imported-tree';
import { serveAccount } from './serve';

const DIR = join(__dirname, 'account');
const NOW = Date.parse('2026-01-10T00:00:00Z');
const KEYS = { 'DD-API-KEY': 'k', 'DD-APPLICATION-KEY': 'a' };

describe('a hand-written Datadog On-Call account', async () => {
  const account = await datadogOnCallAdapter.read({ kind: 'dir', dir: DIR });
  const observed = datadogOnCallAdapter.observe(account);
  const result = datadogOnCallAdapter.importTeams(observed, { phones: false, now: NOW });
  const tree = importedTree(result.teams);

  it("is made of documents Datadog's API description accepts, and reads the same through the API", async () => {
    const server = await serveAccount(datadogAccountHandler(account, { keys: KEYS }));
    try {
      const read = await datadogOnCallAdapter.read({ kind: 'api', baseUrl: server.url, headers: KEYS });
      expect(server.violations).toEqual([]);
      expect(Object.fromEntries(read.endpoints)).toEqual(Object.fromEntries(account.endpoints));
    } finally {
      await server.close();
    }
  });

  it('imports into YAML that validates (warnings only) and matches the golden files', () => {
    const problems = analyse(tree, NOW).problems;
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    for (const [file, text] of [...tree.files].sort()) expectGolden(`import/datadog-oncall/${file}`, text);
    const findings = result.findings.map(
      (f) => `${f.kind} | ${f.source.type} ${f.source.name ?? ''} (${f.source.id}) | ${f.what} | ${f.why}`,
    );
    expectGolden('import/datadog-oncall/findings.txt', findings.join('\n') + '\n');
    expectGolden('import/datadog-oncall/links.yaml', stringify(result.links));
  });

  it('reads layers, restrictions, turns and overrides as Datadog pages them', () => {
    const payments = result.teams.squads.get('payments')!;
    const primary = payments.rotations!.primary!;
    // Weekdays: a roster change where the March layer takes over; nights wrap midnight and the weekend.
    expect(primary).toMatchObject({ start: '2026-01-05', every: '1w', handoff: 'monday 09:00', timezone: 'Europe/Paris' });
    expect(primary.members).toEqual(['ada-lovelace', 'bruno-diaz', 'chloe-martin']);
    expect(primary.changes).toEqual([{ from: '2026-03-02', members: ['bruno-diaz', 'chloe-martin', 'ada-lovelace'] }]);
    const nights = payments.rotations!['primary-nights']!;
    expect(nights).toMatchObject({ handoff: 'monday 18:00', members: ['dmitri-ivanov', 'ada-lovelace'] });
    expect(nights.coverage).toEqual([
      { days: 'monday', from: '00:00', to: '09:00' },
      { days: ['monday', 'tuesday', 'wednesday', 'thursday'], from: '18:00', to: '09:00' },
      { days: 'friday', from: '18:00', to: '24:00' },
      { days: ['saturday', 'sunday'], from: '00:00', to: '24:00' },
    ]);
    // The night override goes on the night rotation; the past one is history.
    expect(nights.overrides?.[0]).toEqual({ person: 'bruno-diaz', start: '2026-02-10T18:00+01:00', end: '2026-02-11T09:00+01:00' });
    // A layer starting mid-turn starts at the next handoff, one turn on.
    expect(payments.rotations!.secondary).toMatchObject({ start: '2026-01-12', members: ['dmitri-ivanov', 'bruno-diaz', 'chloe-martin'] });
    // 12-hour turns in New York; the override across the March clock change keeps its instants.
    const us = result.teams.squads.get('platform-us')!.rotations!['on-call']!;
    expect(us).toMatchObject({ every: '12h', handoff: '08:00', timezone: 'America/New_York', members: ['emma-johnson', 'farid-haddad'] });
    expect(us.overrides).toEqual([{ person: 'grace-hopper', start: '2026-03-08T09:00-04:00', end: '2026-03-08T21:00-04:00' }]);
  });

  it('reads policies and routing', () => {
    const payments = result.teams.squads.get('payments')!;
    // A step naming the two-layer schedule notifies both rotations (one is on duty at a time).
    expect(payments.escalations!.standard).toEqual({
      name: 'Standard',
      responseTarget: '55m',
      repeat: 2,
      steps: [
        { notify: [{ rotation: 'primary' }, { rotation: 'primary-nights' }] },
        { after: '15m', notify: { rotation: 'secondary' } },
        { after: '45m', notify: { person: 'grace-hopper' } },
      ],
    });
    expect(payments.services).toEqual({
      checkout: {
        escalation: 'standard',
        coverage: [{ days: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'], from: '09:00', to: '18:00' }],
        timezone: 'Europe/Paris',
      },
    });
    expect(payments.routing).toEqual([
      {
        rotation: 'primary',
        escalation: 'business-hours',
        during: [{ days: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'], from: '09:00', to: '18:00' }],
      },
      { rotation: 'primary-nights', escalation: 'standard' },
    ]);
    expect(result.teams.squads.get('platform-us')!.routing).toEqual([
      {
        rotation: 'on-call',
        escalation: 'default',
        during: [{ days: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'], from: '08:00', to: '20:00' }],
      },
      { rotation: 'on-call', escalation: 'default', urgency: 'low' },
    ]);
  });

  it('lists everything the YAML cannot say, with its source object', () => {
    const what = result.findings.map((f) => `${f.source.type}: ${f.what}`);
    expect(what.sort()).toEqual(
      [
        'escalation_policy: a team target of step 3',
        'escalation_policy: resolve the page when the policy ends',
        'escalation_policy: round-robin assignment of step 2',
        'escalation_policy: step 2 waits 1830 seconds',
        'escalation_policy: the next on-call of a schedule in step 2',
        'notification_rule: call at 0m (high urgency)',
        'notification_rule: sms at 5m (high urgency)',
        'notification_rule: notification rule',
        "override: 9h of override 2026-07-14T09:00+02:00 → 2026-07-15T09:00+02:00 outside the rotation's hours",
        'override: override',
        'override: override',
        'schedule: 1 override(s) ended before now',
        'schedule: 1 empty turn(s) of layer `Backup`',
        'schedule: 2 layers in force together',
        'schedule: layer `Backup` starts between two handoffs',
        'schedule: layer `Old rota` (ended 2025-12-01T09:00:00+01:00)',
        'team: empty description',
        'team_routing_rules: dynamic urgency of rule 5',
        'team_routing_rules: rule 3 (`env:staging`)',
        'team_routing_rules: the actions of rule 4',
      ].sort(),
    );
  });
});
