/**
 * Day and span swaps: who is on call, what validation says when a side is not on call for what it gives, and
 * that a roster change is caught at the swap. Expected instants are written with their UTC offsets, from the
 * calendar (Europe/Paris leaves summer time on Sunday 2026-10-25 at 03:00), not from the engine.
 */
import { describe, expect, it } from 'vitest';
import { loadOrganisation } from '../../modules/model/load';
import { analyse } from '../../modules/pipeline';
import { isoInZone } from '../../modules/core/local-time';
import { whoIsOnCall } from '../../modules/schedule/who';
import { rotationShifts } from '../../modules/schedule/shifts';
import type { SourceTree } from '../../modules/spec/source';
import type { Problem } from '../../modules/core/problem';
import type { Organisation } from '../../modules/model/types';
import { compensation } from '../../modules/schedule/compensation';
import { roster } from '../../modules/schedule/roster';
import { errorsOf, fixtureTree, lineOf } from '../helpers';
import { DST_AND_HANDOFF_SWAPS, TEAM, withRosterChange, withSwaps } from './trees';

const NOW = Date.parse('2026-10-01T12:00:00Z');

const loaded = new WeakMap<SourceTree, Organisation>();
function who(tree: SourceTree, at: string): string | null {
  let org = loaded.get(tree);
  if (!org) loaded.set(tree, (org = loadOrganisation(tree).organisation!));
  return whoIsOnCall(org, Date.parse(at), 'storefront').find((r) => r.rotation === 'oncall')!.person;
}

function problems(tree: SourceTree, code: string): Problem[] {
  return analyse(tree, NOW).problems.filter((p) => p.code === code);
}

describe('a day swap and a span swap, across the autumn change and at a handoff', () => {
  const tree = withSwaps(DST_AND_HANDOFF_SWAPS);

  it('validates without a problem', () => {
    expect(analyse(tree, NOW).problems).toEqual([]);
  });

  it.each([
    ['2026-10-24T08:59+02:00', 'bruno', 'the minute before the swapped day'],
    ['2026-10-24T09:00+02:00', 'chloe', "bruno's Saturday, from the handoff time"],
    ['2026-10-25T02:30+02:00', 'chloe', 'the first 02:30 of the night clocks go back'],
    ['2026-10-25T02:30+01:00', 'chloe', 'the second 02:30'],
    ['2026-10-25T08:59+01:00', 'chloe', 'the 25th hour of the day'],
    ['2026-10-25T09:00+01:00', 'bruno', 'the day ends at 09:00 on the winter clock'],
    ['2026-10-26T05:59+01:00', 'bruno', 'before the span'],
    ['2026-10-26T06:00+01:00', 'chloe', "bruno's last three hours go to chloe"],
    ['2026-10-26T09:00+01:00', 'bruno', "the first four hours of chloe's week go to bruno"],
    ['2026-10-26T12:59+01:00', 'bruno', 'the last minute of the span'],
    ['2026-10-26T13:00+01:00', 'chloe', 'chloe from 13:00'],
    ['2026-10-27T09:00+01:00', 'bruno', "chloe's Tuesday goes to bruno"],
    ['2026-10-28T09:00+01:00', 'chloe', 'and back to chloe on Wednesday'],
  ])('at %s: %s (%s)', (at, person) => {
    expect(who(tree, at)).toBe(person);
  });

  it('gives each swapped stretch its own shift, marked as a swap with the giver', () => {
    const org = loadOrganisation(tree).organisation!;
    const rotation = org.rotations.get('storefront/oncall')!;
    const shifts = rotationShifts(rotation, Date.parse('2026-10-24T00:00+02:00'), Date.parse('2026-10-26T14:00+01:00'));
    expect(
      shifts.map((s) => [
        isoInZone(s.start, rotation.timezone),
        isoInZone(s.end, rotation.timezone),
        s.person,
        s.source,
        s.swappedWith ?? '',
      ]),
    ).toEqual([
      ['2026-10-24T00:00:00+02:00', '2026-10-24T09:00:00+02:00', 'bruno', 'roster', ''],
      ['2026-10-24T09:00:00+02:00', '2026-10-25T09:00:00+01:00', 'chloe', 'swap', 'bruno'],
      ['2026-10-25T09:00:00+01:00', '2026-10-26T06:00:00+01:00', 'bruno', 'roster', ''],
      ['2026-10-26T06:00:00+01:00', '2026-10-26T09:00:00+01:00', 'chloe', 'swap', 'bruno'],
      ['2026-10-26T09:00:00+01:00', '2026-10-26T13:00:00+01:00', 'bruno', 'swap', 'chloe'],
      ['2026-10-26T13:00:00+01:00', '2026-10-26T14:00:00+01:00', 'chloe', 'roster', ''],
    ]);
    expect(shifts[1]!.end - shifts[1]!.start).toBe(25 * 3_600_000);
  });
});

describe('a side not on call for what it gives', () => {
  it('is an error at the day, naming who is on call then, with the order reversed as the suggestion', () => {
    const tree = withSwaps('      - between: [chloe, bruno]\n        days: [2026-10-24, 2026-10-27]\n');
    const found = problems(tree, 'swap/not-on-call');
    expect(found).toHaveLength(2);
    const line = lineOf(TEAM, 'days: [2026-10-24', tree);
    const text = tree.files.get(TEAM)!.split('\n')[line - 1]!;
    expect(found.map((p) => [p.line, p.column])).toEqual([
      [line, text.indexOf('2026-10-24') + 1],
      [line, text.indexOf('2026-10-27') + 1],
    ]);
    expect(found[0]!.message).toContain('chloe gives the day 2026-10-24 (2026-10-24 09:00 → 2026-10-25 09:00)');
    expect(found[0]!.message).toContain('bruno from 2026-10-24 09:00 to 2026-10-25 09:00');
    expect(found[0]!.suggestion).toContain('`between: [bruno, chloe]`');
    // Not applied: the roster stands.
    expect(who(tree, '2026-10-24T12:00+02:00')).toBe('bruno');
  });

  it('is an error at a span that runs over a handoff into the next person’s week, naming both', () => {
    const tree = withSwaps(
      '      - between: [bruno, alice]\n        spans:\n          - { start: 2026-10-26 08:00, end: 2026-10-26 10:00 }\n          - { start: 2026-11-09 09:00, end: 2026-11-09 11:00 }\n',
    );
    const [problem, ...more] = problems(tree, 'swap/not-on-call');
    expect(more).toEqual([]);
    expect(problem!.line).toBe(lineOf(TEAM, '{ start: 2026-10-26 08:00', tree));
    expect(problem!.message).toContain('bruno from 2026-10-26 08:00 to 2026-10-26 09:00; chloe from 2026-10-26 09:00 to 2026-10-26 10:00');
    expect(problem!.suggestion).toContain("bruno's nearest turn runs from 2026-10-19 09:00 to 2026-10-26 09:00");
  });

  it('is caught when a roster change moves the turns after the swap was written', () => {
    const tree = withRosterChange('2026-10-05', 'bruno, alice, chloe, david', withSwaps(DST_AND_HANDOFF_SWAPS));
    // From 2026-10-05: bruno, alice, chloe (week of 2026-10-19), david (week of 2026-10-26).
    const found = problems(tree, 'swap/not-on-call');
    expect(found.map((p) => p.message.split(', but ')[0])).toEqual([
      'bruno gives the day 2026-10-24 (2026-10-24 09:00 → 2026-10-25 09:00) of `storefront/oncall` in a swap with chloe',
      'chloe gives the day 2026-10-27 (2026-10-27 09:00 → 2026-10-28 09:00) of `storefront/oncall` in a swap with bruno',
      'bruno gives 2026-10-26 06:00 → 2026-10-26 09:00 of `storefront/oncall` in a swap with chloe',
      'chloe gives 2026-10-26 09:00 → 2026-10-26 13:00 of `storefront/oncall` in a swap with bruno',
    ]);
    expect(found[0]!.message).toContain('chloe from 2026-10-24 09:00 to 2026-10-25 09:00');
    expect(found[1]!.message).toContain('david from 2026-10-27 09:00 to 2026-10-28 09:00');
    expect(who(tree, '2026-10-24T12:00+02:00')).toBe('chloe');
  });
});

describe('what the model refuses in a swap', () => {
  it.each([
    [
      'shifts and days',
      '      - between: [bruno, chloe]\n        shifts: [2026-10-19, 2026-10-26]\n        days: [2026-10-24, 2026-10-27]\n',
      'schema/conflicting-keys',
      'days',
    ],
    ['neither', '      - between: [bruno, chloe]\n        reason: nothing\n', 'schema/missing-key', '- between: [bruno, chloe]'],
    [
      'the same day twice',
      '      - between: [bruno, chloe]\n        days: [2026-10-24, 2026-10-24]\n',
      'swap/same-shift',
      'days: [2026-10-24, 2026-10-24]',
    ],
    [
      'a span ending before it starts',
      '      - between: [bruno, chloe]\n        spans: [{ start: 2026-10-24 10:00, end: 2026-10-24 09:00 }, { start: 2026-10-27 10:00, end: 2026-10-27 11:00 }]\n',
      'swap/end-before-start',
      'spans: [{ start: 2026-10-24 10:00',
    ],
    [
      'two swaps exchanging the same hours',
      '      - between: [bruno, chloe]\n        days: [2026-10-24, 2026-10-27]\n      - between: [bruno, david]\n        days: [2026-10-24, 2026-11-03]\n',
      'swap/overlap',
      'days: [2026-10-24, 2026-11-03]',
    ],
    ['an unknown key', '      - between: [bruno, chloe]\n        day: [2026-10-24, 2026-10-27]\n', 'schema/unknown-key', '        day: ['],
  ])('%s', (_what, lines, code, at) => {
    const tree = withSwaps(lines);
    const errors = errorsOf(tree);
    expect(errors.map((e) => e.code)).toEqual([code]);
    expect(errors[0]!.line).toBe(lineOf(TEAM, at, tree));
  });
});

describe('compensation follows the swapped days', () => {
  it("moves bruno's weekend (Saturday 09:00 to Sunday 09:00, 25 hours that night) to chloe, and chloe's Tuesday to bruno", () => {
    const row = (tree: SourceTree, person: string) =>
      compensation(loadOrganisation(tree).organisation!, '2026-10').find((r) => r.person === person)!;
    const swapped = withSwaps(DST_AND_HANDOFF_SWAPS);
    const delta = (person: string) => {
      const [a, b] = [row(swapped, person), row(fixtureTree(), person)];
      return {
        days: a.days - b.days,
        weekendDays: a.weekendDays - b.weekendDays,
        hours: a.hours - b.hours,
        weekendHours: a.weekendHours - b.weekendHours,
      };
    };
    // Calendar days go to whoever is on call longest that day: Saturday the 24th to chloe (15 h of 24), Sunday
    // the 25th stays bruno's (15 h of 25), Tuesday the 27th to bruno (15 h), Wednesday the 28th stays chloe's.
    // Hours: −25 + 24 for the days, −3 + 4 for the spans.
    expect(delta('bruno')).toEqual({ days: 0, weekendDays: -1, hours: 0, weekendHours: -25 });
    expect(delta('chloe')).toEqual({ days: 0, weekendDays: 1, hours: 0, weekendHours: 25 });
  });
});

describe('the roster', () => {
  it('lists each swapped stretch with whom it was swapped and why', () => {
    const org = loadOrganisation(withSwaps(DST_AND_HANDOFF_SWAPS)).organisation!;
    const rows = roster(org, Date.parse('2026-10-24T00:00+02:00'), Date.parse('2026-10-27T00:00+01:00'), 'storefront').filter(
      (r) => r.rotation === 'oncall' && r.shift.source === 'swap',
    );
    expect(rows.map((r) => [r.date, r.person, r.notes])).toEqual([
      ['2026-10-24', 'chloe', ['swap with bruno: bruno is at a wedding']],
      ['2026-10-26', 'chloe', ['swap with bruno: chloe has a train to catch']],
      ['2026-10-26', 'bruno', ['swap with chloe: chloe has a train to catch']],
    ]);
  });
});

describe('a day swap inside a week already swapped whole', () => {
  // The fixture swaps chloe's week of 2026-08-03 with bruno's of 2026-08-24; alice's week is that of 2026-08-17.
  it("is checked against the swapped week: bruno, who took chloe's week, can give a day of it", () => {
    const tree = withSwaps('      - between: [bruno, alice]\n        days: [2026-08-05, 2026-08-19]\n');
    expect(analyse(tree, NOW).problems).toEqual([]);
    expect([who(tree, '2026-08-05T12:00+02:00'), who(tree, '2026-08-19T12:00+02:00')]).toEqual(['alice', 'bruno']);
  });

  it('and chloe, who gave that week away, cannot', () => {
    const tree = withSwaps('      - between: [chloe, alice]\n        days: [2026-08-05, 2026-08-19]\n');
    const [problem, ...more] = problems(tree, 'swap/not-on-call');
    expect(more).toEqual([]);
    expect(problem!.message).toContain('on call then: bruno from 2026-08-05 09:00 to 2026-08-06 09:00');
    expect(who(tree, '2026-08-05T12:00+02:00')).toBe('bruno');
  });
});
