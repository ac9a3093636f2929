import { describe, expect, it } from 'vitest';
import { loadOrganisation } from '../../modules/model/load';
import { compensation } from '../../modules/schedule/compensation';
import { rotationShifts } from '../../modules/schedule/shifts';
import { fixtureTree, withFiles } from '../helpers';

// manon is alone on call, on three 24/7 weekly rotations at once, for the week of Monday 2026-02-02 09:00.
const threeAtOnce = withFiles({
  'triple/team.yaml': [
    'name: Triple',
    'members: [manon, emma, farid, gina]',
    'rotations:',
    '  first: { members: [manon, emma, farid, gina], start: 2026-02-02 }',
    '  second: { members: [manon, gina, farid, emma], start: 2026-02-02 }',
    '  third: { members: [manon, farid, emma, gina], start: 2026-02-02 }',
    'escalations:',
    '  main: { steps: [{ notify: on-call }] }',
  ].join('\n'),
});

/** Hours of the union of each person's shifts in February 2026 (Paris), computed here from the shifts alone. */
function mergedHours(org: ReturnType<typeof load>): Map<string, number> {
  const from = Date.parse('2026-02-01T00:00:00+01:00');
  const to = Date.parse('2026-03-01T00:00:00+01:00');
  const spans = new Map<string, Array<[number, number]>>();
  for (const rotation of org.rotations.values()) {
    if (rotation.retired) continue;
    expect(rotation.timezone).toBe('Europe/Paris');
    for (const s of rotationShifts(rotation, from, to)) {
      const start = Math.max(s.start, from);
      const end = Math.min(s.end, to);
      if (start < end) spans.set(s.person, [...(spans.get(s.person) ?? []), [start, end]]);
    }
  }
  const hours = new Map<string, number>();
  for (const [person, list] of spans) {
    list.sort((a, b) => a[0] - b[0]);
    let total = 0;
    let [cs, ce] = list[0] ?? [0, 0];
    for (const [s, e] of list.slice(1)) {
      if (s <= ce) ce = Math.max(ce, e);
      else {
        total += ce - cs;
        [cs, ce] = [s, e];
      }
    }
    total += ce - cs;
    hours.set(person, Math.round((total / 3_600_000) * 100) / 100);
  }
  return hours;
}

function load(tree = threeAtOnce) {
  const { organisation: org, problems } = loadOrganisation(tree);
  expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  if (!org) throw new Error('the tree does not load');
  return org;
}

describe('compensation hours are the union of simultaneous shifts', () => {
  it('counts a week on three rotations at once as 168 hours and 7 days', () => {
    const manon = compensation(load(), '2026-02').find((r) => r.person === 'manon');
    expect(manon).toMatchObject({ days: 7, weekendDays: 2, hours: 168, weekendHours: 48 });
  });

  it.each([
    ['three rotations at once', threeAtOnce],
    ['the fixture organisation', fixtureTree()],
  ])('agrees with the merged shifts of every person (%s)', (_, tree) => {
    const org = load(tree);
    const expected = mergedHours(org);
    const rows = compensation(org, '2026-02');
    expect(rows.length).toBeGreaterThan(0);
    expect(new Map(rows.map((r) => [r.person, r.hours]))).toEqual(expected);
  });
});
