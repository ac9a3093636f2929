/**
 * Properties of the schedule engine over random rotations, zones, coverage windows and overrides:
 * shifts never overlap, cover exactly the coverage windows, hand off at the configured local time, and
 * honour overrides to the minute; calendars parse back to the same shifts.
 */
import fc from 'fast-check';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import type { Organisation, Override, Rotation, Team, WeeklyWindows } from '../../modules/model/types';
import { coveredIntervals, intersect, type Interval } from '../../modules/schedule/coverage';
import { instantOf, localDateMinute, localMinute, MINUTE } from '../../modules/schedule/local-time';
import { clockFor, rotationShifts, shiftAt } from '../../modules/schedule/shifts';
import { handoffAt, memberFor, turnAt, turnsBetween } from '../../modules/schedule/turns';
import { calendars, shiftUid } from '../../modules/schedule/calendar';
import { roster } from '../../modules/schedule/roster';
import { ALWAYS, normaliseIntervals } from '../../modules/model/windows';
import { isoWeekday, parseIsoDate } from '../../modules/core/clock';

const ZONES = ['Europe/Paris', 'America/New_York', 'Australia/Sydney', 'Asia/Kolkata', 'America/St_Johns', 'Pacific/Chatham', 'UTC', 'America/Sao_Paulo', 'Europe/London'];
const source = { file: 'x.yaml', line: 1, column: 1 };

const turnArb = fc.oneof(
  fc.record({ unit: fc.constant('hours' as const), count: fc.integer({ min: 1, max: 48 }) }),
  fc.record({ unit: fc.constant('days' as const), count: fc.integer({ min: 1, max: 10 }) }),
  fc.record({ unit: fc.constant('weeks' as const), count: fc.integer({ min: 1, max: 3 }) }),
);

const windowsArb: fc.Arbitrary<WeeklyWindows> = fc.oneof(
  fc.constant(ALWAYS),
  fc
    .array(
      fc.record({ day: fc.integer({ min: 0, max: 6 }), from: fc.integer({ min: 0, max: 1439 }), length: fc.integer({ min: 1, max: 2880 }) }),
      { minLength: 1, maxLength: 4 },
    )
    .map((list) => ({ kind: 'custom' as const, intervals: normaliseIntervals(list.map((w) => [w.day * 1440 + w.from, w.day * 1440 + w.from + w.length] as const)) })),
);

const dateArb = fc.integer({ min: 0, max: 3 * 365 }).map((n) => new Date(Date.UTC(2025, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));

interface Case {
  rotation: Rotation;
  from: number;
  to: number;
}

const caseArb: fc.Arbitrary<Case> = fc
  .record({
    zone: fc.constantFrom(...ZONES),
    every: turnArb,
    handoffMinute: fc.oneof(fc.integer({ min: 0, max: 1439 }), fc.constantFrom(9 * 60, 2 * 60 + 30, 0)),
    start: dateArb,
    members: fc.uniqueArray(fc.constantFrom('ann', 'ben', 'cat', 'dan', 'eve'), { minLength: 1, maxLength: 5 }),
    coverage: windowsArb,
    offsetDays: fc.integer({ min: -20, max: 400 }),
    spanHours: fc.integer({ min: 1, max: 24 * 40 }),
    overrides: fc.array(fc.record({ at: fc.integer({ min: 0, max: 24 * 40 * 60 }), minutes: fc.integer({ min: 1, max: 5 * 24 * 60 }), person: fc.constantFrom('ann', 'zed') }), { maxLength: 3 }),
    offset: fc.integer({ min: 0, max: 3 }),
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
      team: 't',
      key: 't/r',
      name: 'r',
      timezone: c.zone,
      every: c.every,
      handoffMinute: c.handoffMinute,
      handoffWeekday: c.every.unit === 'weeks' ? isoWeekday(parseIsoDate(c.start)!) : undefined,
      segments: [{ from: c.start, members: c.members, source }],
      offset: c.offset,
      coverage: c.coverage,
      overrides,
      swaps: [],
      retired: false,
      source,
    };
    return { rotation, from, to };
  });

function sampleRotation(zone: string): Rotation {
  return {
    id: 'r', team: 't', key: 't/r', name: 'r', timezone: zone, every: { unit: 'weeks', count: 1 }, handoffMinute: 540,
    segments: [{ from: '2026-01-05', members: ['ann', 'ben'], source }], offset: 0, coverage: ALWAYS, overrides: [], swaps: [], retired: false, source,
  };
}

function union(list: Interval[]): Interval[] {
  const out: Array<[number, number]> = [];
  for (const [s, e] of [...list].sort((a, b) => a[0] - b[0])) {
    const last = out[out.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

const runs = { numRuns: 150 };

describe('schedule engine (properties)', () => {
  it('shifts of a rotation never overlap', () => {
    let total = 0;
    fc.assert(
      fc.property(caseArb, ({ rotation, from, to }) => {
        const shifts = rotationShifts(rotation, from, to);
        total += shifts.length;
        for (const s of shifts) expect(s.start).toBeLessThan(s.end);
        for (let i = 1; i < shifts.length; i++) expect(shifts[i - 1]!.end).toBeLessThanOrEqual(shifts[i]!.start);
      }),
      runs,
    );
    expect(total).toBeGreaterThan(300); // the cases do produce shifts
  });

  it('shifts cover exactly the coverage windows, from the first handoff (or an override) on', () => {
    fc.assert(
      fc.property(caseArb, ({ rotation, from, to }) => {
        const shifts = union(rotationShifts(rotation, from, to).map((s) => [s.start, s.end] as const));
        const covered = coveredIntervals(rotation.timezone, rotation.coverage, from, to);
        const staffedTimes = union([[handoffAt(clockFor(rotation), 0), Number.MAX_SAFE_INTEGER], ...rotation.overrides.map((o) => [o.start, o.end] as const)]);
        expect(shifts).toEqual(union(intersect(covered, staffedTimes)));
      }),
      runs,
    );
  });

  it('handoffs fall on the configured local time (or, when it does not exist that day, just after the gap)', () => {
    let turns = 0;
    fc.assert(
      fc.property(caseArb, ({ rotation, from, to }) => {
        const clock = clockFor(rotation);
        for (const turn of turnsBetween(clock, from, to)) {
          turns++;
          const wanted = clock.firstLocal + turn.k * clock.length;
          const shown = localMinute(rotation.timezone, turn.start);
          if (shown === wanted) {
            if (rotation.every.unit !== 'hours') expect(((shown % 1440) + 1440) % 1440).toBe(rotation.handoffMinute);
            continue;
          }
          // The wanted wall-clock time does not exist in this zone: no instant nearby shows it.
          expect(shown).toBeGreaterThan(wanted);
          expect(shown - wanted).toBeLessThanOrEqual(120);
          for (let t = turn.start - 3 * 60 * MINUTE; t <= turn.start + 3 * 60 * MINUTE; t += MINUTE) {
            expect(localMinute(rotation.timezone, t)).not.toBe(wanted);
          }
        }
      }),
      runs,
    );
    expect(turns).toBeGreaterThan(300);
  });

  it('hands off at 09:00 local on both sides of the 2026 changes in Paris, Sydney and New York', () => {
    for (const zone of ['Europe/Paris', 'Australia/Sydney', 'America/New_York']) {
      const weekly: Rotation = { ...sampleRotation(zone), every: { unit: 'weeks', count: 1 }, handoffWeekday: 1 };
      const clock = clockFor(weekly);
      for (let k = 0; k < 53; k++) expect(localMinute(zone, handoffAt(clock, k)) % 1440).toBe(9 * 60);
      // Real elapsed time between handoffs is 7 days ± the hour gained or lost.
      const lengths = new Set(Array.from({ length: 52 }, (_, k) => (handoffAt(clock, k + 1) - handoffAt(clock, k)) / 3_600_000));
      expect([...lengths].sort()).toEqual([167, 168, 169]);
    }
  });

  it('honours overrides to the minute, and gives every other covered minute to whoever is due', () => {
    fc.assert(
      fc.property(caseArb, fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 5, maxLength: 5 }), ({ rotation, from, to }, samples) => {
        const covered = coveredIntervals(rotation.timezone, rotation.coverage, from, to);
        const clock = clockFor(rotation);
        const minutes = [
          ...samples.map((x) => from + Math.floor((x * (to - from)) / MINUTE) * MINUTE),
          ...rotation.overrides.flatMap((o) => [o.start - MINUTE, o.start, o.end - MINUTE, o.end]),
        ].filter((t) => t >= from && t < to);
        for (const t of minutes) {
          const shift = shiftAt(rotation, t);
          const inCoverage = covered.some(([s, e]) => s <= t && t < e);
          const override = rotation.overrides.find((o) => o.start <= t && t < o.end);
          if (!inCoverage) expect(shift).toBeUndefined();
          else if (override) expect(shift).toMatchObject({ person: override.person, source: 'override' });
          else if (turnAt(clock, t) < 0) expect(shift).toBeUndefined();
          else expect(shift).toMatchObject({ person: memberFor(clock, turnAt(clock, t)), source: 'roster' });
        }
      }),
      runs,
    );
  });

  it('calendars parse back (with an independent parser) to exactly the shifts', () => {
    fc.assert(
      fc.property(caseArb, ({ rotation, from }) => {
        const to = from + 10 * 86_400_000;
        const team: Team = {
          id: 't',
          name: 'T',
          members: ['ann', 'ben', 'cat', 'dan', 'eve'],
          rotations: new Map([['r', rotation]]),
          escalations: new Map(),
          routing: [],
          services: new Map(),
          alerts: new Map(),
          emailIntake: false,
          retired: false,
          source,
        };
        const org = {
          name: 'Test',
          timezone: 'UTC',
          people: new Map(),
          teams: new Map([['t', team]]),
          rotations: new Map([['t/r', rotation]]),
          services: new Map(),
          alerts: new Map(),
          holidays: [],
          unavailability: [],
          readiness: { runbookSections: [], pagingSeverities: [], checks: new Map() },
          fairness: { maxAboveMeanPercent: 50 },
          source,
        } as unknown as Organisation;
        const expected = roster(org, from, to).map((r) => ({ uid: shiftUid(r), start: r.start, end: r.end, summary: `On call: t (${r.person})` }));
        const all = calendars(org, from, to, new Date(0)).find((f) => f.name === 'all.ics')!;
        const parsed = new ICAL.Component(ICAL.parse(all.contents));
        const events = parsed.getAllSubcomponents('vevent').map((v) => {
          const e = new ICAL.Event(v);
          return { uid: e.uid, start: e.startDate.toJSDate().getTime(), end: e.endDate.toJSDate().getTime(), summary: e.summary };
        });
        expect(events).toEqual(expected);
      }),
      { numRuns: 60 },
    );
  });
});
