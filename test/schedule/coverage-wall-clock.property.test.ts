/**
 * A window is read on the wall clock: the intervals the shifts are built from (`coveredIntervals`) hold exactly the
 * minutes `isCovered` (the router's reading, and the backends' weekly restrictions) says are covered, minute by
 * minute over days of both clock changes in zones that have them.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { WeeklyWindows } from '../../modules/model/types';
import { coveredIntervals, isCovered } from '../../modules/schedule/coverage';

const MINUTE = 60_000;
/** Days around each zone's clock changes of 2026 (UTC midnight of the day before). */
const CHANGES: Record<string, string[]> = {
  'Europe/Paris': ['2026-03-28', '2026-10-24'],
  'America/New_York': ['2026-03-07', '2026-10-31'],
  'Australia/Sydney': ['2026-04-04', '2026-10-03'],
  'America/Santiago': ['2026-04-04', '2026-09-05'],
};

const daily = (start: number, end: number): WeeklyWindows => ({
  kind: 'custom',
  intervals: [0, 1, 2, 3, 4, 5, 6].map((d): [number, number] => [d * 1440 + start, d * 1440 + end]),
});

const windowArb = fc.tuple(fc.integer({ min: 0, max: 47 }), fc.integer({ min: 1, max: 47 })).map(([from, length]): WeeklyWindows => {
  const start = from * 30;
  const end = Math.min(1440, start + length * 30);
  const intervals = [0, 1, 2, 3, 4, 5, 6].map((d): [number, number] => [d * 1440 + start, d * 1440 + end]);
  return { kind: 'custom', intervals };
});

describe('windows on the wall clock', () => {
  it('coveredIntervals holds exactly the minutes isCovered covers, across clock changes', () => {
    fc.assert(
      fc.property(fc.constantFrom(...Object.keys(CHANGES)), fc.nat(1), windowArb, (zone, which, windows) => {
        const from = Date.parse(`${CHANGES[zone]![which]}T00:00:00Z`);
        const to = from + 3 * 86_400_000;
        const intervals = coveredIntervals(zone, windows, from, to);
        const inIntervals = (t: number) => intervals.some(([s, e]) => t >= s && t < e);
        const wrong: string[] = [];
        for (let t = from; t < to && wrong.length < 3; t += MINUTE) {
          if (inIntervals(t) !== isCovered(zone, windows, t)) wrong.push(new Date(t).toISOString());
        }
        expect(wrong).toEqual([]);
      }),
      {
        numRuns: 60,
        // Windows ending in the repeated hour of an autumn change (Sydney on 2026-04-05, Paris on 2026-10-25).
        examples: [
          ['Australia/Sydney', 0, daily(60, 150)],
          ['Europe/Paris', 1, daily(60, 150)],
          ['America/New_York', 1, daily(90, 105)],
        ],
      },
    );
  });
});
