/** Random rotations for property tests: zones with odd offsets and both hemispheres' DST, any cadence. */
import fc from 'fast-check';
import type { Organisation, Override, Rotation, Squad, Swap, WeeklyWindows } from '../modules/model/types';
import { clockOf, handoffAt, memberFor, turnAt } from '../modules/schedule/turns';
import { instantOf, localDateMinute, MINUTE } from '../modules/core/local-time';
import { ALWAYS, normaliseIntervals } from '../modules/model/windows';
import { NO_HOLIDAYS } from '../modules/model/holiday-calendar';
import { isoWeekday, parseIsoDate } from '../modules/core/clock';

export const ZONES = [
  'Europe/Paris',
  'America/New_York',
  'Australia/Sydney',
  'Asia/Kolkata',
  'America/St_Johns',
  'Pacific/Chatham',
  'UTC',
  'America/Sao_Paulo',
  'Europe/London',
];
export const source = { file: 'x.yaml', line: 1, column: 1 };

const turnArb = fc.oneof(
  fc.record({ unit: fc.constant('hours' as const), count: fc.integer({ min: 1, max: 48 }) }),
  fc.record({ unit: fc.constant('days' as const), count: fc.integer({ min: 1, max: 10 }) }),
  fc.record({ unit: fc.constant('weeks' as const), count: fc.integer({ min: 1, max: 3 }) }),
);

const windowsArb: fc.Arbitrary<WeeklyWindows> = fc.oneof(
  fc.constant(ALWAYS),
  fc
    .array(
      fc.record({
        day: fc.integer({ min: 0, max: 6 }),
        from: fc.integer({ min: 0, max: 1439 }),
        length: fc.oneof(fc.integer({ min: 1, max: 2880 }), fc.integer({ min: 8000, max: 10079 })),
      }),
      { minLength: 1, maxLength: 4 },
    )
    .map((list) => ({
      kind: 'custom' as const,
      intervals: normaliseIntervals(list.map((w) => [w.day * 1440 + w.from, w.day * 1440 + w.from + w.length] as const)),
    })),
);

const dateArb = fc.integer({ min: 0, max: 3 * 365 }).map((n) => new Date(Date.UTC(2025, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));

export interface Case {
  rotation: Rotation;
  from: number;
  to: number;
}

export const caseArb: fc.Arbitrary<Case> = fc
  .record({
    zone: fc.constantFrom(...ZONES),
    every: turnArb,
    handoffMinute: fc.oneof(fc.integer({ min: 0, max: 1439 }), fc.constantFrom(9 * 60, 2 * 60 + 30, 0)),
    start: dateArb,
    members: fc.uniqueArray(fc.constantFrom('ann', 'ben', 'cat', 'dan', 'eve'), { minLength: 1, maxLength: 5 }),
    coverage: windowsArb,
    offsetDays: fc.integer({ min: -20, max: 400 }),
    spanHours: fc.integer({ min: 1, max: 24 * 40 }),
    overrides: fc.array(
      fc.record({
        at: fc.integer({ min: 0, max: 24 * 40 * 60 }),
        minutes: fc.integer({ min: 1, max: 5 * 24 * 60 }),
        person: fc.constantFrom('ann', 'zed'),
      }),
      { maxLength: 3 },
    ),
    offset: fc.integer({ min: 0, max: 3 }),
    change: fc.option(
      fc.record({
        afterDays: fc.integer({ min: 1, max: 200 }),
        members: fc.uniqueArray(fc.constantFrom('ann', 'ben', 'cat', 'dan', 'eve'), { minLength: 1, maxLength: 5 }),
      }),
    ),
    // A span swap: an instant of the window, a turn 1–4 turns later and a point in it, how long each side gives.
    swap: fc.option(
      fc.record({
        at: fc.double({ min: 0, max: 1, noNaN: true }),
        later: fc.integer({ min: 1, max: 4 }),
        into: fc.double({ min: 0, max: 0.99, noNaN: true }),
        minutes: fc.tuple(fc.integer({ min: 1, max: 36 * 60 }), fc.integer({ min: 1, max: 36 * 60 })),
      }),
    ),
  })
  .map((c) => {
    const firstLocal = localDateMinute(c.start) + c.handoffMinute;
    const from = instantOf(c.zone, firstLocal) + c.offsetDays * 86_400_000;
    const to = from + c.spanHours * 3_600_000;
    // Overrides do not overlap each other (the loader rejects that).
    const overrides: Override[] = [];
    for (const o of c.overrides) {
      const start = from - 2 * 86_400_000 + o.at * MINUTE;
      const end = start + o.minutes * MINUTE;
      if (overrides.some((x) => x.start < end && start < x.end)) continue;
      overrides.push({ person: o.person, start, end, reason: 'test', source });
    }
    const rotation: Rotation = {
      id: 'r',
      squad: 't',
      key: 't/r',
      name: 'r',
      timezone: c.zone,
      every: c.every,
      handoffMinute: c.handoffMinute,
      handoffWeekday: c.every.unit === 'weeks' ? isoWeekday(parseIsoDate(c.start)!) : undefined,
      segments: [
        { from: c.start, members: c.members, source },
        ...(c.change
          ? [
              {
                from: new Date(Date.parse(`${c.start}T00:00:00Z`) + c.change.afterDays * 86_400_000).toISOString().slice(0, 10),
                members: c.change.members,
                source,
              },
            ]
          : []),
      ],
      offset: c.offset,
      coverage: c.coverage,
      overrides,
      swaps: [],
      retired: false,
      source,
    };
    return { rotation: c.swap ? { ...rotation, swaps: spanSwap(rotation, from, to, c.swap) } : rotation, from, to };
  });

/** A span swap between the people due at an instant of [from, to) and some turns later, or none when it cannot be one. */
function spanSwap(
  rotation: Rotation,
  from: number,
  to: number,
  c: { at: number; later: number; into: number; minutes: readonly [number, number] },
): Swap[] {
  const clock = clockOf(rotation);
  const side = (start: number, minutes: number) => {
    const k = turnAt(clock, start);
    return { person: memberFor(clock, k), start, end: Math.min(start + minutes * MINUTE, handoffAt(clock, k + 1)) };
  };
  const a = side(from + Math.floor((c.at * (to - from)) / MINUTE) * MINUTE, c.minutes[0]);
  const k = turnAt(clock, a.start) + c.later;
  const [ks, ke] = [handoffAt(clock, k), handoffAt(clock, k + 1)];
  const b = side(ks + Math.floor((c.into * (ke - ks)) / MINUTE) * MINUTE, c.minutes[1]);
  if (!a.person || !b.person || a.person === b.person || a.end <= a.start || b.end <= b.start) return [];
  const give = (s: typeof a) => ({ start: s.start, end: s.end, text: '', source });
  return [{ kind: 'spans', between: [a.person, b.person], gives: [give(a), give(b)], reason: 'test', source }];
}

/** A one-squad organisation around a rotation, with people who have e-mails (for backend lookups). */
export function organisationAround(rotation: Rotation): Organisation {
  const ids = ['ann', 'ben', 'cat', 'dan', 'eve', 'zed'];
  const team: Squad = {
    id: rotation.squad,
    name: 'T',
    members: ids,
    rotations: new Map([[rotation.id, rotation]]),
    escalations: new Map(),
    routing: [],
    services: new Map(),
    alerts: new Map(),
    emailIntake: false,
    retired: false,
    source,
  };
  return {
    name: 'Test',
    timezone: 'UTC',
    people: new Map(ids.map((id) => [id, { id, name: id, email: `${id}@t.example`, timezone: 'UTC', source }])),
    squads: new Map([[team.id, team]]),
    rotations: new Map([[rotation.key, rotation]]),
    services: new Map(),
    alerts: new Map(),
    holidays: NO_HOLIDAYS,
    unavailability: [],
    businessHours: ALWAYS,
    readiness: { runbookSections: [], pagingSeverities: [], checks: new Map() },
    fairness: { maxAboveMeanPercent: 50 },
    reports: { intervention: 'acknowledge-to-resolve', noisy: { pages: 10, days: 30 } },
    statusPage: { name: 'Test', domainPrefix: 'test', type: 'public' },
    source,
    tree: { root: '', files: new Map(), oversized: new Map() },
  };
}
