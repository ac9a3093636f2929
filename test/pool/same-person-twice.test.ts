/** One person holding two levels of one escalation policy at the same time: a warning at what causes it. */
import { describe, expect, it } from 'vitest';
import { analyse } from '../../modules/pipeline';
import type { SourceTree } from '../../modules/spec/source';
import { fixtureTree, NOW, withEdit } from '../helpers';
import { poolTree, POOL_NOW } from './pool-fixture';

const T = 'technicians/team.yaml';
const warnings = (tree: SourceTree, now = POOL_NOW) => analyse(tree, now).problems.filter((p) => p.code === 'escalation/same-person-twice');

describe('escalation/same-person-twice', () => {
  it('is not raised for a pool whose secondary is one turn ahead of its primary', () => {
    expect(warnings(poolTree())).toEqual([]);
    expect(warnings(fixtureTree(), NOW)).toEqual([]);
  });

  it("is raised at the override that makes the week's secondary primary too, once per policy it breaks", () => {
    // The week of 2026-11-23: sam is primary, zoe secondary (one turn ahead); zoe takes a day of primary.
    const tree = withEdit(
      T,
      '    overrides:\n',
      '    overrides:\n      - { person: zoe, start: 2026-11-25 09:00, end: 2026-11-26 09:00, reason: sam at a customer }\n',
      poolTree(),
    );
    const found = warnings(tree);
    // contract-a pages primary then secondary; contract-b pages primary twice, which is not two levels.
    expect(found.map((p) => [p.file, p.line, p.severity])).toEqual([['teams/technicians/team.yaml', 12, 'warning']]);
    expect(found[0]?.message).toBe(
      'zoe is on call in both `technicians/primary` (step 1) and `technicians/secondary` (step 2) of policy `contract-a/gti-1h` from 2026-11-25 09:00 to 2026-11-26 09:00: step 2 calls the person who did not answer step 1',
    );
  });

  it('is raised at the secondary rotation when its roster gives it the primary’s person, with how often', () => {
    // With four members, four turns ahead is the same person.
    const tree = withEdit(T, 'offset: 1', 'offset: 4', poolTree());
    const found = warnings(tree);
    expect(found.map((p) => [p.file, p.line])).toEqual([['teams/technicians/team.yaml', 13]]);
    expect(found[0]?.message).toMatch(
      /^sam is on call in both `technicians\/primary` \(step 1\) and `technicians\/secondary` \(step 2\) of policy `contract-a\/gti-1h` from 2026-11-23 12:00 to 2026-11-30 09:00 \(and \d+ more times before 2027-01-18 12:00\)/,
    );
  });
});

describe('the swap validate suggests for an absence', () => {
  it('never puts anyone on two levels: applied, it leaves no absence on call and no one primary and secondary', () => {
    // sam is primary the week of 2026-11-23, when zoe is secondary: zoe must not be the one suggested.
    const away = withEdit(
      'contract-a/team.yaml',
      'intake:',
      'unavailable:\n  - { person: sam, from: 2026-11-24, to: 2026-11-26 }\n\nintake:',
      poolTree(),
    );
    const problem = analyse(away, POOL_NOW).problems.find((p) => p.code === 'schedule/unavailable-on-call');
    const swap = /`swaps: \[\{between: \[sam, (\w+)\], shifts: \[(2026-11-23), ([0-9-]+)\]\}\]`/.exec(problem?.suggestion ?? '');
    expect(swap?.[1]).toBeDefined();
    expect(swap?.[1]).not.toBe('zoe');
    const swapped = withEdit(
      T,
      '    overrides:\n',
      `    swaps:\n      - { between: [sam, ${swap![1]}], shifts: [${swap![2]}, ${swap![3]}] }\n    overrides:\n`,
      away,
    );
    const after = analyse(swapped, POOL_NOW).problems;
    expect(after.filter((p) => p.code === 'schedule/unavailable-on-call' || p.code === 'escalation/same-person-twice')).toEqual([]);
    expect(after.filter((p) => p.severity === 'error')).toEqual([]);
  });
});

describe('levels by the hour', () => {
  // contract-a: by day `on-call` is the secondary (step 2 pages it again: one level); at night it is the primary.
  const byHours = withEdit(
    'contract-a/team.yaml',
    'routing:\n  - rotation: technicians/primary\n',
    'routing:\n  - during: business-hours\n    rotation: technicians/secondary\n  - rotation: technicians/primary\n',
    poolTree(),
  );
  const overrideAt = (start: string, end: string) =>
    withEdit(T, '    overrides:\n', `    overrides:\n      - { person: zoe, start: ${start}, end: ${end} }\n`, byHours);

  it('a primary override on the secondary person by day, when routing pages the secondary, is not two levels', () => {
    expect(warnings(overrideAt('2026-11-25 10:00', '2026-11-25 12:00'))).toEqual([]);
  });

  it('the same override at night, when routing pages the primary first, is', () => {
    const found = warnings(overrideAt('2026-11-25 20:00', '2026-11-25 22:00'));
    expect(found.map((p) => [p.line, p.message.split(' of policy ')[0]])).toEqual([
      [12, 'zoe is on call in both `technicians/primary` (step 1) and `technicians/secondary` (step 2)'],
    ]);
  });
});
