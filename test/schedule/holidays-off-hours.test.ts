/**
 * With `holidays.offHours`, a public holiday routes to the off-hours rotation: `who`, the phone line's levels and
 * compensation agree. Payments (the fixture) routes business hours to `run` [jules, hugo, ines] and the rest to
 * `oncall` [hugo, ines, jules], both weekly from Monday 2026-01-05 09:00 Paris: Easter Monday 2026-04-06 starts
 * turn 13, so `run` would be hugo's and `oncall` is ines's from 09:00 (hugo's before).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { loadOrganisation } from '../../modules/model/load';
import { callLevels } from '../../modules/router/levels';
import { compensation } from '../../modules/schedule/compensation';
import { shiftAt } from '../../modules/schedule/shifts';
import { fixtureTree, runCli, withEdit, writeTree } from '../helpers';

const ON = withEdit('org.yaml', /holidays:\n(  - .*\n)+/, 'holidays:\n  country: FR\n  offHours: true\n');
const REPORTED = withEdit('org.yaml', /holidays:\n(  - .*\n)+/, 'holidays:\n  country: FR\n');
const org = loadOrganisation(ON).organisation!;
const easterNoon = Date.parse('2026-04-06T12:00+02:00');

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('a public holiday with offHours', () => {
  it("routes the squad's pages and its phone line to the off-hours rotation", () => {
    expect(callLevels(org, org.squads.get('payments')!, easterNoon)[0]).toEqual([{ person: 'ines', role: 'on-call (payments/oncall)' }]);
    const reported = loadOrganisation(REPORTED).organisation!;
    expect(callLevels(reported, reported.squads.get('payments')!, easterNoon)[0]).toEqual([
      { person: 'hugo', role: 'on-call (payments/run)' },
    ]);
    // The handoff of the holiday Monday still happens at 09:00.
    expect(shiftAt(org.rotations.get('payments/oncall')!, Date.parse('2026-04-06T08:59+02:00'))?.person).toBe('hugo');
  });

  it('routes the same after a structured clone (how the phone line receives the organisation from its reload worker)', () => {
    const cloned = structuredClone(org);
    expect(callLevels(cloned, cloned.squads.get('payments')!, easterNoon)[0]).toEqual([
      { person: 'ines', role: 'on-call (payments/oncall)' },
    ]);
  });

  it('`oncall who --at` the holiday noon shows the off-hours person and nobody on the business-hours rotation', async () => {
    const dir = writeTree(ON);
    dirs.push(dir);
    const run = await runCli(['who', '--teams', dir, '--at', '2026-04-06T12:00+02:00', '--team', 'payments', '--format', 'json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual([
      { team: 'payments', rotation: 'run', person: null, start: null, end: null },
      { team: 'payments', rotation: 'oncall', person: 'ines', start: '2026-04-06T09:00:00+02:00', end: '2026-04-07T09:00:00+02:00' },
    ]);
  });

  it("counts the holiday's hours for whoever is on call then: 15 h for ines, 9 h for hugo, none for the run", () => {
    const rows = new Map(compensation(org, '2026-04').map((r) => [r.person, r]));
    expect(rows.get('ines')).toMatchObject({ holidayDays: 1, holidayHours: 15 });
    expect(rows.get('hugo')).toMatchObject({ holidayDays: 0, holidayHours: 9 });
    // Reported only: hugo is on the run 09:00–18:00 and on call 00:00–09:00, ines 18:00–24:00.
    const reported = new Map(compensation(loadOrganisation(REPORTED).organisation!, '2026-04').map((r) => [r.person, r]));
    expect(reported.get('hugo')).toMatchObject({ holidayHours: 18 });
    expect(reported.get('ines')).toMatchObject({ holidayHours: 6 });
  });

  it('changes nothing for the list form of the fixture', () => {
    const acme = loadOrganisation(fixtureTree()).organisation!;
    expect(callLevels(acme, acme.squads.get('payments')!, Date.parse('2026-12-25T12:00+01:00'))[0]?.[0]?.role).toBe(
      'on-call (payments/run)',
    );
  });
});
