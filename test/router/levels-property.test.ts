/**
 * The levels of a line at any instant of a year, against `oncall who` (modules/schedule/who.ts): for a
 * GTI 1h pool (technician #1 at once, #1 and #2 together at M+30, #2 again at M+45, the manager at M+60), the first level is
 * technician #1 alone, the second both technicians at once, the third the manager — whatever the week,
 * handoff or swap. For every line of the example, each level brings someone new.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadOrganisation } from '../../modules/model/load';
import { callLevels } from '../../modules/router/levels';
import { whoIsOnCall } from '../../modules/schedule/who';
import { fixtureTree, withFiles } from '../helpers';

const GTI_TEAM = `name: GTI 1h
manager: manon
members: [emma, farid, gina]
rotations:
  tech1:
    members: [emma, farid, gina]
    start: 2026-01-05
    swaps:
      - between: [emma, gina]
        shifts: [2026-03-02, 2026-03-16]
  tech2:
    follows: tech1
    offset: 1
escalations:
  gti-1h:
    steps:
      - notify: { rotation: tech1 }
      - after: 30m
        notify: [{ rotation: tech1 }, { rotation: tech2 }]
      - after: 45m
        notify: { rotation: tech2 }
      - after: 60m
        notify: manager
phone:
  number: "+33199000104"
`;

const { organisation: org, problems } = loadOrganisation(withFiles({ 'gti/team.yaml': GTI_TEAM }, fixtureTree()));
const YEAR = { min: Date.parse('2026-01-05T09:00:00+01:00'), max: Date.parse('2027-01-04T09:00:00+01:00') };

describe('levels of a line, any instant of a year', () => {
  it('the fixture with a GTI squad validates', () => {
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('GTI 1h: #1 alone, then #1 and #2 at once, then the manager (the step naming #2 alone again is skipped)', () => {
    fc.assert(
      fc.property(fc.integer(YEAR), (instant) => {
        const who = new Map(whoIsOnCall(org!, instant, 'gti').map((o) => [o.rotation, o.person]));
        const levels = callLevels(org!, org!.squads.get('gti')!, instant).map((l) => l.map((c) => c.person));
        expect(levels).toEqual([[who.get('tech1')], [who.get('tech1'), who.get('tech2')], ['manon']]);
      }),
      { numRuns: 300 },
    );
  });

  it('every level of every line brings someone not rung before', () => {
    fc.assert(
      fc.property(fc.integer(YEAR), (instant) => {
        for (const squad of org!.squads.values()) {
          if (!squad.phone) continue;
          const seen = new Set<string>();
          for (const level of callLevels(org!, squad, instant)) {
            expect(level.length).toBeGreaterThan(0);
            expect(level.some((c) => !seen.has(c.person))).toBe(true);
            level.forEach((c) => seen.add(c.person));
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});
