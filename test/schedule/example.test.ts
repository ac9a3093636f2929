/** The example organisation's schedule, exactly as the issue states it. */
import { describe, expect, it } from 'vitest';
import { loadOrganisation } from '../../modules/model/load';
import { analyse } from '../../modules/pipeline';
import { isoInZone } from '../../modules/core/local-time';
import { whoIsOnCall } from '../../modules/schedule/who';
import { compensation } from '../../modules/schedule/compensation';
import { fixtureTree, withEdit } from '../helpers';
import type { SourceTree } from '../../modules/spec/source';

const org = loadOrganisation(fixtureTree()).organisation!;

function who(team: string, rotation: string, at: string): string | null {
  const row = whoIsOnCall(org, Date.parse(at), team).find((r) => r.rotation === rotation);
  if (!row) throw new Error(`no rotation ${team}/${rotation}`);
  return row.person;
}

describe('who is on call in the example organisation', () => {
  it.each([
    ['2026-03-30T08:30+02:00', 'david', 'the last minutes of the week before the spring change'],
    ['2026-03-30T09:30+02:00', 'alice', 'the handoff stays at 09:00 local in summer time (07:00Z)'],
    ['2026-10-26T08:59+01:00', 'bruno', 'a minute before the first winter handoff'],
    ['2026-10-26T09:00+01:00', 'chloe', 'the handoff at 09:00 local in winter time (08:00Z)'],
    ['2026-08-05T12:00+02:00', 'bruno', "swap: bruno takes chloe's week"],
    ['2026-08-26T12:00+02:00', 'chloe', "swap: chloe takes bruno's week"],
    ['2026-12-24T17:00+01:00', 'chloe', 'an hour before the Christmas override'],
    ['2026-12-25T12:00+01:00', 'bruno', 'the Christmas override'],
  ])('storefront oncall at %s is %s (%s)', (at, person) => {
    expect(who('storefront', 'oncall', at)).toBe(person);
  });

  it('payments: run in business hours, oncall outside them', () => {
    expect(who('payments', 'run', '2026-01-07T10:00+01:00')).toBe('jules');
    expect(who('payments', 'oncall', '2026-01-07T10:00+01:00')).toBeNull();
    expect(who('payments', 'run', '2026-01-07T20:00+01:00')).toBeNull();
    expect(who('payments', 'oncall', '2026-01-07T20:00+01:00')).toBe('hugo');
    expect(who('payments', 'oncall', '2026-01-10T12:00+01:00')).toBe('hugo');
  });

  it('platform: primary emma and secondary farid, one week ahead', () => {
    expect(who('platform', 'primary', '2026-01-07T12:00+01:00')).toBe('emma');
    expect(who('platform', 'secondary', '2026-01-07T12:00+01:00')).toBe('farid');
  });

  it('bounds the shift containing the instant, with offsets', () => {
    const row = whoIsOnCall(org, Date.parse('2026-03-30T09:30+02:00'), 'storefront')[0]!;
    expect(isoInZone(row.shift!.start, row.timezone)).toBe('2026-03-30T09:00:00+02:00');
    expect(isoInZone(row.shift!.end, row.timezone)).toBe('2026-04-06T09:00:00+02:00');
    const night = whoIsOnCall(org, Date.parse('2026-01-10T12:00+01:00'), 'payments').find((r) => r.rotation === 'oncall')!;
    expect(isoInZone(night.shift!.start, night.timezone)).toBe('2026-01-09T18:00:00+01:00');
    expect(isoInZone(night.shift!.end, night.timezone)).toBe('2026-01-12T09:00:00+01:00');
  });
});

describe('schedule validation of the example', () => {
  const now = Date.parse('2026-11-22T12:00:00Z');

  it('is valid as it stands', () => {
    expect(analyse(fixtureTree(), now).problems).toEqual([]);
  });

  it('removing the August swap is an unavailability error naming chloe, with a swap partner', () => {
    const tree = withEdit('storefront/team.yaml', /    swaps:\n(.*\n){3}/, '');
    const errors = analyse(tree, now).problems.filter((p) => p.severity === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: 'teams/storefront/team.yaml', code: 'schedule/unavailable-on-call', line: 20, column: 5 });
    expect(errors[0]!.message).toBe(
      'chloe is on call in `storefront/oncall` from 2026-08-03 09:00 to 2026-08-10 09:00 but unavailable from 2026-08-03 to 2026-08-16 (summer holidays)',
    );
    expect(errors[0]!.suggestion).toBe(
      'swap with alice, who is free then and due on 2026-08-17: add to `oncall` `swaps: [{between: [chloe, alice], shifts: [2026-08-03, 2026-08-17]}]`',
    );
  });

  it('never suggests a swap that makes someone primary and secondary at once', () => {
    // emma is away during her primary week of 2026-03-30; the secondary follows the primary one week ahead, so
    // farid (due next) is the secondary that week, and with three members every swap doubles someone up.
    const away = (tree: SourceTree) =>
      withEdit(
        'platform/team.yaml',
        'escalations:',
        'unavailable:\n  - { person: emma, from: 2026-03-30, to: 2026-04-05 }\n\nescalations:',
        tree,
      );
    const primaryConflict = (tree: SourceTree) =>
      analyse(tree, now).problems.find((p) => p.code === 'schedule/unavailable-on-call' && p.message.includes('`platform/primary`'));
    expect(primaryConflict(away(fixtureTree()))?.suggestion).toBe('nobody in the rotation is free then: add an override');
    // With a fourth member, gina takes emma's week and emma takes gina's: neither is the secondary then.
    const org = withEdit('org.yaml', '  manon:', '  kim: { name: Kim Lee, email: kim@acme.example }\n  manon:');
    const squad = withEdit('platform/team.yaml', 'members: [emma, farid, gina]\n\n', 'members: [emma, farid, gina, kim]\n\n', org);
    const four = away(
      withEdit('platform/team.yaml', '    members: [emma, farid, gina]\n', '    members: [emma, farid, gina, kim]\n', squad),
    );
    expect(primaryConflict(four)?.suggestion).toBe(
      'swap with gina, who is free then and due on 2026-04-13: add to `primary` `swaps: [{between: [emma, gina], shifts: [2026-03-30, 2026-04-13]}]`',
    );
  });

  it('a swap that no longer matches the roster is an error', () => {
    const tree = withEdit('storefront/team.yaml', 'between: [chloe, bruno]', 'between: [chloe, david]');
    const errors = analyse(tree, now).problems.filter((p) => p.severity === 'error');
    expect(errors.map((p) => p.code)).toContain('swap/not-due');
    expect(errors.find((p) => p.code === 'swap/not-due')!.message).toMatch(/starting 2026-08-24 09:00 is bruno's, not david's/);
  });

  it('a swap naming a day no shift starts on is an error', () => {
    const tree = withEdit('storefront/team.yaml', 'shifts: [2026-08-03, 2026-08-24]', 'shifts: [2026-08-04, 2026-08-24]');
    const errors = analyse(tree, now).problems.filter((p) => p.code === 'swap/no-shift');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toMatch(/no shift of `storefront\/oncall` starts on 2026-08-04; shifts start on 2026-08-03 and 2026-08-10/);
  });

  it('routing alerts to a rotation that does not cover them is a coverage gap, per week', () => {
    const tree = withEdit(
      'payments/team.yaml',
      'coverage: business-hours',
      'coverage: [{ days: monday-thursday, from: "09:00", to: "18:00" }]',
    );
    const gaps = analyse(tree, now).problems.filter((p) => p.code === 'coverage/gap');
    expect(gaps.length).toBeGreaterThanOrEqual(8);
    expect(gaps[0]).toMatchObject({ severity: 'error', file: 'teams/payments/team.yaml' });
    expect(gaps[0]!.message).toMatch(
      /`payments` has nobody on call for 9h in the week of 2026-11-23 \(2026-11-27 09:00 → 2026-11-27 18:00\): routing sends alerts to `run`/,
    );
  });

  it('a rotation that has not started yet is a warning, not an error', () => {
    const tree = withEdit('platform/team.yaml', 'start: 2026-01-05', 'start: 2026-12-07');
    const problems = analyse(tree, now).problems;
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(problems.some((p) => p.code === 'coverage/not-started' && /week of 2026-11-23/.test(p.message))).toBe(true);
  });

  it('warns when someone carries much more than the mean', () => {
    const tree = withEdit(
      'storefront/team.yaml',
      '        reason: Christmas\n',
      '        reason: Christmas\n      - person: alice\n        start: 2026-11-23 09:00\n        end: 2026-12-07 09:00\n',
    );
    const warnings = analyse(tree, now).problems.filter((p) => p.code === 'fairness/overloaded');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.message).toMatch(
      /^alice carries 4w of on-call in `storefront\/oncall` .* 100% above the mean of 2w \(limit 50%\)$/,
    );
  });
});

describe('compensation', () => {
  it('counts days by who is on call longest each day, weekends and holidays apart', () => {
    const rows = new Map(compensation(org, '2026-12').map((r) => [r.person, r]));
    expect(rows.get('alice')).toEqual({
      person: 'alice',
      days: 7,
      weekendDays: 2,
      holidayDays: 0,
      hours: 168,
      weekendHours: 48,
      holidayHours: 0,
    });
    // bruno: his week of the 14th (7 days) and Christmas day from the override (24th 18:00 → 26th 09:00 = 39 h).
    expect(rows.get('bruno')).toMatchObject({ days: 8, holidayDays: 1, hours: 168 + 39, holidayHours: 24 });
    expect(rows.get('chloe')).toMatchObject({ days: 6, hours: 168 - 39 });
    const storefrontDays = ['alice', 'bruno', 'chloe', 'david'].reduce((n, p) => n + (rows.get(p)?.days ?? 0), 0);
    expect(storefrontDays).toBe(31);
    // payments run (business hours) and oncall (off-hours) together cover every day of December once.
    // A person's day counts once: every Monday, the person ending the off-hours week starts the run
    // week (run is jules, hugo, ines; oncall hugo, ines, jules), so December's 4 Mondays count once.
    const paymentsDays = ['hugo', 'ines', 'jules'].reduce((n, p) => n + (rows.get(p)?.days ?? 0), 0);
    expect(paymentsDays).toBe(31 + 23 - 4);
  });
});

describe('roster changes take effect at the next handoff', () => {
  // Reorder storefront from Wednesday 2026-11-25: the week in progress (chloe's, from Monday the 23rd) is
  // unchanged; the new order starts with its first member at the next handoff, Monday 2026-11-30.
  const changed = loadOrganisation(
    withEdit(
      'storefront/team.yaml',
      '    start: 2026-01-05',
      '    changes:\n      - from: 2026-11-25\n        members: [david, chloe, bruno, alice]\n    start: 2026-01-05',
    ),
  ).organisation!;
  const at = (iso: string) => whoIsOnCall(changed, Date.parse(iso), 'storefront')[0]!.person;

  it('never changes who is on call now or before', () => {
    for (const iso of ['2026-11-25T12:00+01:00', '2026-11-30T08:59+01:00', '2026-08-05T12:00+02:00', '2026-03-30T09:30+02:00']) {
      expect(at(iso)).toBe(whoIsOnCall(org, Date.parse(iso), 'storefront')[0]!.person);
    }
  });

  it('starts the new order with its first member at the first handoff on or after the date', () => {
    expect(at('2026-11-30T09:00+01:00')).toBe('david');
    expect(at('2026-12-07T09:00+01:00')).toBe('chloe');
    expect(at('2026-12-14T09:00+01:00')).toBe('bruno');
    expect(at('2026-12-21T09:00+01:00')).toBe('alice');
    expect(at('2026-12-25T12:00+01:00')).toBe('bruno'); // overrides still apply
    expect(at('2026-12-28T09:00+01:00')).toBe('david');
  });

  it('a change dated on a handoff day applies from that handoff', () => {
    const onMonday = loadOrganisation(
      withEdit(
        'storefront/team.yaml',
        '    start: 2026-01-05',
        '    changes:\n      - from: 2026-11-30\n        members: [david, chloe]\n    start: 2026-01-05',
      ),
    ).organisation!;
    expect(whoIsOnCall(onMonday, Date.parse('2026-11-30T08:00+01:00'), 'storefront')[0]!.person).toBe('chloe');
    expect(whoIsOnCall(onMonday, Date.parse('2026-11-30T10:00+01:00'), 'storefront')[0]!.person).toBe('david');
  });
});
