/**
 * An override naming whom it replaces is rechecked against the roster (after swaps); one without, over several
 * people's time, is a warning. The fixture's Christmas override (bruno, 2026-12-24 18:00 → 2026-12-26 09:00) falls in
 * chloe's week of 2026-12-21.
 */
import { describe, expect, it } from 'vitest';
import { analyse } from '../../modules/pipeline';
import { loadOrganisation } from '../../modules/model/load';
import { whoIsOnCall } from '../../modules/schedule/who';
import type { Problem } from '../../modules/core/problem';
import type { SourceTree } from '../../modules/spec/source';
import { errorsOf, lineOf } from '../helpers';
import { TEAM, withOverrides, withRosterChange, withSwaps } from './trees';
import { fixtureTree, withEdit } from '../helpers';

const NOW = Date.parse('2026-10-01T12:00:00Z');

function problems(tree: SourceTree, code: string): Problem[] {
  return analyse(tree, NOW).problems.filter((p) => p.code === code);
}

const withReplaces = (who: string, base?: SourceTree): SourceTree =>
  withEdit(TEAM, '        reason: Christmas\n', `        replaces: ${who}\n        reason: Christmas\n`, base);

describe('an override that names whom it replaces', () => {
  it('is valid while that person is on call for all of it', () => {
    expect(analyse(withReplaces('chloe'), NOW).problems).toEqual([]);
  });

  it('is an error at the override when a roster change moves that person’s turn, suggesting whom it now replaces', () => {
    // From 2026-12-07: alice, bruno, then david for the week of 2026-12-21.
    const tree = withRosterChange('2026-12-07', 'alice, bruno, david, chloe', withReplaces('chloe'));
    const [problem, ...more] = problems(tree, 'override/not-replacing');
    expect(more).toEqual([]);
    expect(problem!.severity).toBe('error');
    expect(problem!.line).toBe(lineOf(TEAM, '- person: bruno', tree));
    expect(problem!.message).toBe(
      'this override of `storefront/oncall` replaces chloe, who is not on call for all of it (2026-12-24 18:00 → 2026-12-26 09:00); on call then: david from 2026-12-24 18:00 to 2026-12-26 09:00',
    );
    expect(problem!.suggestion).toBe(
      "if bruno covers for david, write `replaces: david`; chloe's nearest turn runs from 2026-12-28 09:00 to 2027-01-04 09:00",
    );
  });

  it('is checked after swaps: a day swap that hands the time to someone else makes it false', () => {
    const tree = withSwaps('      - between: [chloe, alice]\n        days: [2026-12-25, 2026-12-30]\n', withReplaces('chloe'));
    // 2026-12-30 is in the week of 2026-12-28: david's, not alice's. Fix the roster side first: the swap is refused…
    expect(problems(tree, 'swap/not-on-call').map((p) => p.message.split(',')[0])).toEqual([
      'alice gives the day 2026-12-30 (2026-12-30 09:00 → 2026-12-31 09:00) of `storefront/oncall` in a swap with chloe',
    ]);
    // …and with a day of alice's (her week of 2027-01-04), chloe no longer holds Christmas morning.
    const swapped = withSwaps('      - between: [chloe, alice]\n        days: [2026-12-25, 2027-01-06]\n', withReplaces('chloe'));
    const [problem] = problems(swapped, 'override/not-replacing');
    expect(problem!.message).toContain(
      'on call then: chloe from 2026-12-24 18:00 to 2026-12-25 09:00; alice from 2026-12-25 09:00 to 2026-12-26 09:00',
    );
  });

  it('cannot name its own person, or an unknown one', () => {
    expect(errorsOf(withReplaces('bruno')).map((e) => e.code)).toEqual(['override/replaces-self']);
    expect(errorsOf(withReplaces('chlo')).map((e) => [e.code, e.suggestion])).toEqual([['ref/unknown-person', 'did you mean `chloe`?']]);
  });
});

describe('an override without `replaces`', () => {
  it('over one person’s time is silent (the fixture’s Christmas override)', () => {
    expect(problems(fixtureTree(), 'override/several-people')).toEqual([]);
  });

  it('over two people’s time is a warning naming them, suggesting one override each with `replaces`', () => {
    const tree = withOverrides('      - { person: bruno, start: 2026-12-26 09:00, end: 2026-12-29 09:00 }\n');
    const found = analyse(tree, NOW).problems;
    expect(found.map((p) => [p.severity, p.code, p.line])).toEqual([
      ['warning', 'override/several-people', lineOf(TEAM, '- { person: bruno', tree)],
    ]);
    expect(found[0]!.message).toBe(
      'this override of `storefront/oncall` covers the time of chloe, david: chloe from 2026-12-26 09:00 to 2026-12-28 09:00; david from 2026-12-28 09:00 to 2026-12-29 09:00',
    );
    expect(found[0]!.suggestion).toContain('`replaces:`');
  });

  it('still replaces whoever is due: the engine is unchanged by the check', () => {
    const tree = withOverrides('      - { person: bruno, start: 2026-12-26 09:00, end: 2026-12-29 09:00 }\n');
    const org = loadOrganisation(tree).organisation!;
    const at = (iso: string) => whoIsOnCall(org, Date.parse(iso), 'storefront')[0]!.person;
    expect([
      at('2026-12-26T08:59+01:00'),
      at('2026-12-27T12:00+01:00'),
      at('2026-12-28T12:00+01:00'),
      at('2026-12-29T09:00+01:00'),
    ]).toEqual(['bruno', 'bruno', 'bruno', 'david']);
  });
});

describe('an override over several people that is already over', () => {
  it('is history: no warning once it has ended', () => {
    const tree = withOverrides('      - { person: bruno, start: 2026-12-26 09:00, end: 2026-12-29 09:00 }\n');
    const after = analyse(tree, Date.parse('2026-12-29T09:00:00+01:00')).problems;
    expect(after.filter((p) => p.code === 'override/several-people')).toEqual([]);
    const before = analyse(tree, Date.parse('2026-12-29T08:59:00+01:00')).problems;
    expect(before.filter((p) => p.code === 'override/several-people')).toHaveLength(1);
  });
});
