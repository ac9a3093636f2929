/**
 * The example organisations over 52 weeks, on each backend their stacks use: every rendered schedule pages whom the
 * engine has on call (handoffs, swaps, overrides, both clock changes), each squad's `on-call` pages the same person
 * (public holidays as off hours included, through their dated overrides), and each service with a promise pages the
 * same people at the same urgency as `oncall who --service`. The backends are read by the interpreters of
 * modules/interpret, which share nothing with the engine.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { holidaysBetween } from '../../modules/model/holiday-calendar';
import type { Organisation } from '../../modules/model/types';
import { analyse } from '../../modules/pipeline';
import { renderStack } from '../../modules/render/stack';
import { compensation } from '../../modules/schedule/compensation';
import { shiftsOverlapping } from '../../modules/schedule/shifts';
import { whoIsOnCall } from '../../modules/schedule/who';
import { instantOf, localDateMinute } from '../../modules/core/local-time';
import { readStacksDir } from '../../modules/spec/read-stacks';
import { readTeamsDir } from '../../modules/spec/read-dir';
import { instants, mismatches } from '../fidelity/compare';
import { backendPages, enginePages, MINUTE, shiftIndex } from '../fidelity/holiday-paging';
import { expectedPaged, SERVICE_INTERPRETERS } from '../fidelity/service-routing';
import { ROOT } from '../helpers';

const EXAMPLES = join(ROOT, 'examples');
const FROM = Date.parse('2026-01-05T00:00:00+01:00');
const TO = Date.parse('2027-01-04T00:00:00+01:00');
/** Every 3 hours, a minute either side of every shift's edges, and every 15 minutes of each public holiday. */
function squadInstants(org: Organisation): number[] {
  const out = new Set<number>();
  for (let t = FROM; t < TO; t += 180 * MINUTE) out.add(t);
  for (const rotation of org.rotations.values())
    for (const s of shiftsOverlapping(rotation, FROM, TO)) for (const e of [s.start, s.end]) out.add(e - MINUTE).add(e);
  if (org.holidays.offHours) {
    for (const h of holidaysBetween(org.holidays, '2026-01-05', '2027-01-03')) {
      const start = instantOf(org.timezone, localDateMinute(h.date));
      for (let t = start - 60 * MINUTE; t < start + 1500 * MINUTE; t += 15 * MINUTE) out.add(t);
    }
  }
  return [...out].filter((t) => t >= FROM && t < TO).sort((a, b) => a - b);
}

const cases = readdirSync(EXAMPLES, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .flatMap((e) => readStacksDir(join(EXAMPLES, e.name, 'stacks')).stacks.map((stack) => ({ example: e.name, stack })));

describe.each(cases.map((c) => [`${c.example} ${c.stack.name}`, c] as const))('%s', (_, { example, stack }) => {
  const tree = readTeamsDir(join(EXAMPLES, example, 'teams'));
  const analysis = analyse(tree, FROM, { stacks: [stack], problems: [] });
  const org = analysis.organisation!;
  const backend = stack.backend;
  const squads = [...org.squads.values()].filter((s) => !stack.teams || stack.teams.includes(s.id));
  const state = renderStack(org, { now: FROM, name: stack.name, backend, teams: stack.teams, pagerdutySubdomain: 'example' });

  it('is valid for this stack', () => {
    expect(analysis.problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('pages, schedule by schedule, whom the engine has on call', () => {
    const rotations = squads.flatMap((s) => [...s.rotations.values()]);
    // A holiday overrides the schedules routing picks then: those are compared as the squad's paging below.
    const followsHolidays = rotations.filter((r) => org.holidays.offHours && r.coverage.holidays !== undefined);
    expect(followsHolidays.every((r) => squads.some((s) => s.routing.some((rule) => rule.rotation === r.key)))).toBe(true);
    for (const rotation of rotations.filter((r) => !followsHolidays.includes(r))) {
      const times = instants(rotation, FROM, TO, 180);
      expect(times.length).toBeGreaterThan(52 * 7 * 8);
      expect(mismatches(org, state, backend, rotation, times)).toEqual([]);
    }
  });

  it("pages, squad by squad, whom the engine's routing pages", () => {
    const personAt = shiftIndex(org, FROM - 14 * 86_400_000, TO + 14 * 86_400_000);
    const times = squadInstants(org);
    const wrong: string[] = [];
    for (const squad of squads.filter((s) => s.routing.length > 0)) {
      for (const t of times) {
        const engine = enginePages(squad, personAt, t);
        const said = backendPages(org, state, backend, squad, t);
        if (engine !== said && wrong.length < 5)
          wrong.push(`${new Date(t).toISOString()} ${squad.id}: engine ${engine}, ${backend} ${said}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('pages each service as its promise says', () => {
    const services = squads.flatMap((s) => [...s.services.values()]).filter((s) => s.promise && !s.retired);
    const wrong: string[] = [];
    for (const service of services) {
      for (let t = FROM; t < TO; t += 60 * MINUTE) {
        const engine = expectedPaged(org, backend, service, t);
        const said = SERVICE_INTERPRETERS[backend](org, state, service, t);
        if (JSON.stringify(engine) !== JSON.stringify(said) && wrong.length < 5)
          wrong.push(`${new Date(t).toISOString()} ${service.id}: engine ${JSON.stringify(engine)}, ${backend} ${JSON.stringify(said)}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});

it('the managed-services example: one schedule per pool rotation, nobody for the HNO contract at noon on a weekday', async () => {
  const [stack] = readStacksDir(join(EXAMPLES, 'managed-services', 'stacks')).stacks.filter((s) => s.backend === 'pagerduty');
  const org = analyse(readTeamsDir(join(EXAMPLES, 'managed-services', 'teams')), FROM, { stacks: [stack!], problems: [] }).organisation!;
  for (const backend of ['pagerduty', 'opsgenie', 'datadog'] as const) {
    const state = renderStack(org, { now: FROM, name: 's', backend, pagerdutySubdomain: 'alpha' });
    const schedules = state.resources.filter((r) => /schedule:Schedule$|onCallSchedule:OnCallSchedule$/.test(r.type));
    expect(schedules.map((r) => r.name).sort()).toEqual(['technicians-primary-schedule', 'technicians-second-schedule']);
  }
  const noon = Date.parse('2026-12-02T12:00:00+01:00');
  const hno = org.services.get('usine-supervision')!;
  expect(expectedPaged(org, 'datadog', hno, noon)).toEqual({ urgency: null, first: [] });
  expect(expectedPaged(org, 'datadog', hno, Date.parse('2026-12-02T22:00:00+01:00')).first).toHaveLength(1);
  // Three contracts route to the pool: its two 24/7 rotations are paid once, 2 × 672 hours in February.
  const paid = compensation(org, '2026-02');
  expect(paid.reduce((sum, row) => sum + row.hours, 0)).toBe(2 * 28 * 24);
  expect(Math.max(...paid.map((row) => row.hours))).toBeLessThanOrEqual(2 * 7 * 24);
});

it('the signing example: on 14 July at noon the on-call rotation answers, not run', () => {
  const org = analyse(readTeamsDir(join(EXAMPLES, 'signing', 'teams')), FROM).organisation!;
  const noon = Date.parse('2026-07-14T12:00:00+02:00');
  const who = whoIsOnCall(org, noon, 'signature');
  expect(who.find((w) => w.rotation === 'run')?.person).toBeNull();
  expect(who.find((w) => w.rotation === 'oncall')?.person).toEqual(expect.any(String));
  // The day before, an ordinary Monday, it is the other way round.
  const monday = whoIsOnCall(org, noon - 86_400_000, 'signature');
  expect(monday.find((w) => w.rotation === 'run')?.person).toEqual(expect.any(String));
  expect(monday.find((w) => w.rotation === 'oncall')?.person).toBeNull();
});
