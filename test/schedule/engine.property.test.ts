/**
 * Properties of the schedule engine over random rotations, zones, coverage windows and overrides:
 * shifts never overlap, cover exactly the coverage windows, hand off at the configured local time, and
 * honour overrides and span swaps to the minute; calendars parse back to the same shifts.
 */
import fc from 'fast-check';
import { caseArb, organisationAround, source } from '../arbitraries';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import type { Rotation } from '../../modules/model/types';
import { coveredIntervals } from '../../modules/schedule/coverage';
import { intersect, type Interval } from '../../modules/core/intervals';
import { localMinute, MINUTE } from '../../modules/core/local-time';
import { clockFor, rotationShifts, shiftAt } from '../../modules/schedule/shifts';
import { handoffAt, memberFor, turnAt, turnsBetween } from '../../modules/schedule/turns';
import { calendars, shiftUid } from '../../modules/schedule/calendar';
import { roster } from '../../modules/schedule/roster';
import { ALWAYS } from '../../modules/model/windows';

function sampleRotation(zone: string): Rotation {
  return {
    id: 'r',
    squad: 't',
    key: 't/r',
    name: 'r',
    timezone: zone,
    every: { unit: 'weeks', count: 1 },
    handoffMinute: 540,
    segments: [{ from: '2026-01-05', members: ['ann', 'ben'], source }],
    offset: 0,
    coverage: ALWAYS,
    overrides: [],
    swaps: [],
    retired: false,
    source,
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
        const staffedTimes = union([
          [handoffAt(clockFor(rotation), 0), Number.MAX_SAFE_INTEGER],
          ...rotation.overrides.map((o) => [o.start, o.end] as const),
        ]);
        expect(shifts).toEqual(union(intersect(covered, staffedTimes)));
      }),
      runs,
    );
  });

  it('handoffs fall on the configured local time (or, when it does not exist that day, when the clocks jump over it)', () => {
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
          // The wanted wall-clock time does not exist in this zone: the handoff is when the clocks jump over
          // it, so the minute before reads earlier and no instant nearby reads it.
          expect(shown).toBeGreaterThan(wanted);
          expect(shown - wanted).toBeLessThanOrEqual(120);
          expect(localMinute(rotation.timezone, turn.start - MINUTE)).toBeLessThan(wanted);
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
      fc.property(
        caseArb,
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 5, maxLength: 5 }),
        ({ rotation, from, to }, samples) => {
          const covered = coveredIntervals(rotation.timezone, rotation.coverage, from, to);
          const clock = clockFor(rotation);
          const minutes = [
            ...samples.map((x) => from + Math.floor((x * (to - from)) / MINUTE) * MINUTE),
            ...rotation.overrides.flatMap((o) => [o.start - MINUTE, o.start, o.end - MINUTE, o.end]),
            ...rotation.swaps.flatMap((s) =>
              s.kind === 'shifts' ? [] : s.gives.flatMap((g) => [g.start - MINUTE, g.start, g.end - MINUTE, g.end]),
            ),
          ].filter((t) => t >= from && t < to);
          for (const t of minutes) {
            const shift = shiftAt(rotation, t);
            const inCoverage = covered.some(([s, e]) => s <= t && t < e);
            const override = rotation.overrides.find((o) => o.start <= t && t < o.end);
            // What a span swap gives: the first person's span goes to the second, and the other way round.
            const taker = rotation.swaps.flatMap((s) =>
              s.kind === 'shifts' ? [] : s.gives.flatMap((g, i) => (g.start <= t && t < g.end ? [s.between[1 - i] as string] : [])),
            )[0];
            if (!inCoverage) expect(shift).toBeUndefined();
            else if (override) expect(shift).toMatchObject({ person: override.person, source: 'override' });
            else if (taker) expect(shift).toMatchObject({ person: taker, source: 'swap' });
            else if (turnAt(clock, t) < 0) expect(shift).toBeUndefined();
            else expect(shift).toMatchObject({ person: memberFor(clock, turnAt(clock, t)), source: 'roster' });
          }
        },
      ),
      runs,
    );
  });

  it('calendars parse back (with an independent parser) to exactly the shifts', () => {
    fc.assert(
      fc.property(caseArb, ({ rotation, from }) => {
        const to = from + 10 * 86_400_000;
        const org = organisationAround(rotation);
        const expected = roster(org, from, to).map((r) => ({
          uid: shiftUid(r),
          start: r.start,
          end: r.end,
          summary: `On call: t (${r.person})`,
        }));
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
