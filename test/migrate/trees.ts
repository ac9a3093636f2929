/**
 * Small random organisations for the rehearsal's properties: one squad, a business-hours rotation and an off-hours one
 * (daily or weekly turns, handoffs on half hours), a policy of three steps with random delays and repeats, a service
 * without a promise and one with a promise of the business hours' weekly windows (nobody or low urgency outside), holidays as off hours or
 * not, and an override; in a zone on either side of the world.
 */
import fc from 'fast-check';
import type { SourceTree } from '../../modules/spec/source';
import { sourceTreeOf } from '../helpers';

export const treeCaseArb = fc.record({
  zone: fc.constantFrom('Europe/Paris', 'America/New_York', 'Australia/Sydney', 'Asia/Kolkata', 'UTC'),
  turn: fc.constantFrom('1d', '1w'),
  handoff: fc.integer({ min: 0, max: 47 }),
  bhFrom: fc.integer({ min: 12, max: 22 }),
  bhLength: fc.integer({ min: 4, max: 20 }),
  second: fc.integer({ min: 1, max: 12 }).map((n) => n * 5),
  third: fc.integer({ min: 1, max: 12 }).map((n) => n * 5),
  target: fc.integer({ min: 1, max: 6 }).map((n) => n * 30),
  repeat: fc.integer({ min: 0, max: 1 }),
  outside: fc.constantFrom('none', 'low'),
  holidays: fc.boolean(),
  override: fc.option(
    fc.record({ day: fc.integer({ min: 0, max: 2 }), hour: fc.integer({ min: 0, max: 23 }), hours: fc.integer({ min: 1, max: 30 }) }),
  ),
});
export type TreeCase = typeof treeCaseArb extends fc.Arbitrary<infer T> ? T : never;

const hhmm = (halfHours: number): string => `${String(Math.floor(halfHours / 2)).padStart(2, '0')}:${halfHours % 2 ? '30' : '00'}`;
const iso = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const DAY = 86_400_000;

/** The tree of a case whose window opens at `from` (00:00 UTC); the rotations start on a Monday two weeks or more before. */
export function treeOf(c: TreeCase, from: number): SourceTree {
  const before = from - 14 * DAY;
  const start = iso(before - ((new Date(before).getUTCDay() + 6) % 7) * DAY);
  const handoff = c.turn === '1d' ? hhmm(c.handoff) : `monday ${hhmm(c.handoff)}`;
  const org = [
    'name: R',
    'defaults:',
    `  timezone: ${c.zone}`,
    `  every: ${c.turn}`,
    `  handoff: ${handoff}`,
    `  businessHours: { days: monday-friday, from: "${hhmm(c.bhFrom)}", to: "${hhmm(Math.min(c.bhFrom + c.bhLength, 47))}" }`,
    'people:',
    ...['ann', 'ben', 'cat', 'dan', 'max'].map((p) => `  ${p}: { name: ${p}, email: ${p}@r.example }`),
    ...(c.holidays
      ? ['holidays:', '  country: FR', '  extra:', `    - { date: ${iso(from + DAY)}, name: Extra }`, '  offHours: true']
      : []),
    '',
  ].join('\n');
  const o = c.override;
  const overrideStart = o ? from + o.day * DAY + o.hour * 3_600_000 : 0;
  const fmt = (ms: number): string => new Date(ms).toISOString().slice(0, 16).replace('T', ' ');
  const [second, third] = [c.second, c.second + c.third];
  const team = [
    'name: Ops',
    'manager: max',
    'members: [ann, ben, cat, dan]',
    'rotations:',
    `  run: { members: [ann, ben, cat], start: ${start}, coverage: business-hours }`,
    '  oncall:',
    '    members: [ben, cat, dan]',
    `    start: ${start}`,
    '    coverage: off-hours',
    ...(o ? [`    overrides: [{ person: ann, start: ${fmt(overrideStart)}, end: ${fmt(overrideStart + o.hours * 3_600_000)} }]`] : []),
    'escalations:',
    '  main:',
    `    responseTarget: ${Math.max(c.target, third + 5)}m`,
    `    repeat: ${c.repeat}`,
    '    steps:',
    '      - notify: on-call',
    `      - { after: ${second}m, notify: on-call }`,
    `      - { after: ${third}m, notify: manager }`,
    'routing:',
    '  - { during: business-hours, rotation: run }',
    '  - rotation: oncall',
    'services:',
    '  api: { name: API }',
    '  client:',
    '    name: Client',
    // Weekly hours of its own: no backend can follow holidays in a service's routing (validate refuses it).
    `    coverage: [{ days: monday-friday, from: "${hhmm(c.bhFrom)}", to: "${hhmm(Math.min(c.bhFrom + c.bhLength, 47))}" }]`,
    '    escalation: main',
    `    outsideCoverage: ${c.outside}`,
    '',
  ].join('\n');
  return sourceTreeOf({ 'org.yaml': org, 'ops/team.yaml': team });
}
