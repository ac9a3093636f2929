/**
 * Small variations of the fixture's `storefront/oncall` (weekly, Monday 09:00 Europe/Paris, from 2026-01-05, in
 * the order alice, bruno, chloe, david): week k is members[k % 4], so the week of Monday 2026-10-19 is bruno's,
 * that of 2026-10-26 chloe's (the first of winter time: clocks went back on Sunday 2026-10-25 at 03:00),
 * 2026-12-21 chloe's and 2026-12-28 david's.
 */
import type { SourceTree } from '../../modules/spec/source';
import { fixtureTree, withEdit } from '../helpers';

export const TEAM = 'storefront/team.yaml';
const AFTER_SWAP = '        reason: chloe is on holiday; bruno takes her week and she takes his\n';
const AFTER_OVERRIDE = '        reason: Christmas\n';

/** The fixture with more entries under `swaps:` (each line indented as a list item of it). */
export function withSwaps(lines: string, base: SourceTree = fixtureTree()): SourceTree {
  return withEdit(TEAM, AFTER_SWAP, AFTER_SWAP + lines, base);
}

/** The fixture with more entries under `overrides:`. */
export function withOverrides(lines: string, base: SourceTree = fixtureTree()): SourceTree {
  return withEdit(TEAM, AFTER_OVERRIDE, AFTER_OVERRIDE + lines, base);
}

/** The fixture with a roster change of `storefront/oncall`. */
export function withRosterChange(from: string, members: string, base: SourceTree = fixtureTree()): SourceTree {
  return withEdit(TEAM, '    start: 2026-01-05', `    start: 2026-01-05\n    changes: [{ from: ${from}, members: [${members}] }]`, base);
}

/**
 * A day swap across the autumn change (bruno's Saturday 2026-10-24 runs 25 hours, 09:00 CEST to 09:00 CET) and a
 * span swap at the handoff of Monday 2026-10-26 09:00, of unequal lengths: chloe takes bruno's last three hours
 * before it and bruno the first four of chloe's week.
 */
export const DST_AND_HANDOFF_SWAPS = [
  '      - between: [bruno, chloe]',
  '        days: [2026-10-24, 2026-10-27]',
  '        reason: bruno is at a wedding',
  '      - between: [bruno, chloe]',
  '        spans:',
  '          - { start: 2026-10-26 06:00, end: 2026-10-26 09:00 }',
  '          - { start: 2026-10-26 09:00, end: 2026-10-26 13:00 }',
  '        reason: chloe has a train to catch',
  '',
].join('\n');
