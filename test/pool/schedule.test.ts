/**
 * A pool's time counted once: `who`, rosters, calendars, compensation and load of the squads it serves read the
 * pool's rotations, never copies of them; audit and readiness see the contracts' policies.
 */
import { describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { audit } from '../../modules/checks/audit';
import { readiness } from '../../modules/checks';
import { calendars } from '../../modules/schedule/calendar';
import { compensation } from '../../modules/schedule/compensation';
import { squadLoad } from '../../modules/schedule/load';
import { roster } from '../../modules/schedule/roster';
import { whoIsOnCall } from '../../modules/schedule/who';
import { formatOrganisationSummary } from '../../modules/cli/format/organisation-summary';
import { squadPage } from '../../modules/cli/format/catalog';
import { estimateShifts } from '../../modules/schedule/shift-budget';
import { poolOrg, POOL_NOW } from './pool-fixture';

const org = poolOrg();
const WEEK = 7 * 24 * 3600_000;

/** The events of an iCalendar file, read with ical.js (an independent parser). */
function events(text: string): Array<{ uid: string; start: number; end: number }> {
  const calendar = new ICAL.Component(ICAL.parse(text) as unknown[]);
  return calendar.getAllSubcomponents('vevent').map((v) => {
    const e = new ICAL.Event(v);
    return { uid: e.uid, start: e.startDate.toJSDate().getTime(), end: e.endDate.toJSDate().getTime() };
  });
}

describe('the squads a pool serves', () => {
  it("`who` for a contract names the pool's people, under the pool's rotations", () => {
    const pool = whoIsOnCall(org, POOL_NOW, 'technicians').map((r) => [r.team, r.rotation, r.person]);
    expect(pool).toHaveLength(2);
    expect(whoIsOnCall(org, POOL_NOW, 'contract-a').map((r) => [r.team, r.rotation, r.person])).toEqual(pool);
    expect(whoIsOnCall(org, POOL_NOW, 'contract-b').map((r) => [r.team, r.rotation, r.person])).toEqual([pool[0]]);
    // The whole organisation lists each pool rotation once.
    expect(whoIsOnCall(org, POOL_NOW).map((r) => `${r.team}/${r.rotation}`)).toEqual(['technicians/primary', 'technicians/secondary']);
  });

  it("a contract's roster is the pool's shifts", () => {
    const pool = roster(org, POOL_NOW, POOL_NOW + 4 * WEEK, 'technicians');
    expect(pool.length).toBeGreaterThanOrEqual(8);
    expect(roster(org, POOL_NOW, POOL_NOW + 4 * WEEK, 'contract-a')).toEqual(pool);
    expect(roster(org, POOL_NOW, POOL_NOW + 4 * WEEK)).toEqual(pool);
  });

  it('each pool shift is one event in all.ics and in its person’s file, and is in the file of every squad it serves', () => {
    const files = new Map(calendars(org, POOL_NOW, POOL_NOW + 8 * WEEK, new Date(POOL_NOW)).map((f) => [f.name, events(f.contents)]));
    const all = files.get('all.ics')!;
    const uids = all.map((e) => e.uid);
    expect(new Set(uids).size).toBe(uids.length);
    const shifts = roster(org, POOL_NOW, POOL_NOW + 8 * WEEK);
    expect(all).toHaveLength(shifts.length);
    expect(
      files
        .get('team-contract-a.ics')!
        .map((e) => e.uid)
        .sort(),
    ).toEqual([...uids].sort());
    const primary = shifts.filter((s) => s.rotation === 'primary').length;
    expect(files.get('team-contract-b.ics')).toHaveLength(primary);
    const perPerson = [...files].filter(([name]) => name.startsWith('person-')).flatMap(([, list]) => list.map((e) => e.uid));
    expect(perPerson.sort()).toEqual([...uids].sort());
  });

  it("compensation counts a pool's hours once: two 24/7 rotations over November are 2 × 720 hours in all", () => {
    // November 2026 in Paris: 30 days, no clock change (the autumn one is on 25 October).
    const rows = compensation(org, '2026-11');
    expect(rows.reduce((sum, r) => sum + r.hours, 0)).toBeCloseTo(2 * 30 * 24, 2);
    for (const r of rows) expect(r.hours).toBeLessThanOrEqual(30 * 24);
  });

  it("a contract's load is the pool's, each shift once", () => {
    const to = POOL_NOW + 4 * WEEK;
    expect(squadLoad(org, 'contract-a', POOL_NOW, to)).toEqual(squadLoad(org, 'technicians', POOL_NOW, to));
    const primaryOnly = squadLoad(org, 'contract-b', POOL_NOW, to);
    expect(primaryOnly.reduce((sum, l) => sum + l.hours, 0)).toBeCloseTo((4 * WEEK) / 3600_000, 2);
  });

  it('audit and readiness see the contracts’ policies and their covered promises', () => {
    const report = audit(org, POOL_NOW, { today: '2026-11-23' });
    const line = (team: string) => report.teams.find((t) => t.team === team)!;
    expect(line('contract-a').escalations.map((e) => e.policy)).toEqual(['gti-1h']);
    expect(line('contract-b').escalations.map((e) => [e.policy, e.withinTarget])).toEqual([['gti-4h', true]]);
    expect(line('contract-a').coveragePercent).toBe(100);
    expect(
      line('contract-a')
        .load.map((l) => l.person)
        .sort(),
    ).toEqual(['lea', 'sam', 'tom', 'zoe']);
    const findings = readiness(org, { today: '2026-11-23' }).filter((f) => f.code === 'alert/escalation-coverage');
    expect(findings.map((f) => f.message)).toEqual([]);
  });
});

describe('what the CLI says of a squad routing to a pool', () => {
  it('names the pool rotation with its squad', () => {
    const summary = formatOrganisationSummary(org);
    expect(summary).toContain('routing: otherwise → technicians/primary (gti-1h, high urgency)');
    expect(squadPage(org, org.squads.get('contract-a')!)).toContain('`technicians/primary`, then');
  });
});

describe("a contract's shift budget", () => {
  it("counts the pool's shifts its roster would compute", () => {
    const to = POOL_NOW + 52 * WEEK;
    expect(estimateShifts(org, POOL_NOW, to, 'contract-a').total).toBe(estimateShifts(org, POOL_NOW, to, 'technicians').total);
    // Two weekly rotations over a year: about 2 × 53 shifts, not none.
    expect(estimateShifts(org, POOL_NOW, to, 'contract-a').total).toBeGreaterThan(100);
  });
});
