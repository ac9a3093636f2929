/**
 * Time restrictions become coverage windows that cover the same minutes: for random Opsgenie restrictions
 * (`time-of-day`, possibly wrapping midnight, and `weekday-and-time-of-day` lists, possibly wrapping the week), the
 * YAML windows the import writes, read back by the model, cover a minute of the week exactly when Opsgenie's
 * reading (the interpreter of test/fidelity/opsgenie.ts, written from the API description) allows it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { windowsOf, restrictionIntervals } from '../../../modules/migrate/opsgenie/windows';
import { resolveCoverage } from '../../../modules/model/windows';
import { isCovered } from '../../../modules/schedule/coverage';
import { allowed } from '../../../modules/interpret/opsgenie';

const MONDAY = Date.parse('2026-01-05T00:00:00Z');
const DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
const time = fc.record({ hour: fc.integer({ min: 0, max: 23 }), min: fc.constantFrom(0, 30) });
const weekday = fc.record({ startDay: fc.constantFrom(...DAYS), start: time, endDay: fc.constantFrom(...DAYS), end: time });

const restriction = fc.oneof(
  fc.record({ start: time, end: time }).map(({ start, end }) => ({
    type: 'time-of-day',
    restriction: [{ startHour: start.hour, startMin: start.min, endHour: end.hour, endMin: end.min }],
  })),
  fc.array(weekday, { minLength: 1, maxLength: 6 }).map((list) => ({
    type: 'weekday-and-time-of-day',
    restrictionList: list.map((x) => ({
      startDay: x.startDay,
      startHour: x.start.hour,
      startMin: x.start.min,
      endDay: x.endDay,
      endHour: x.end.hour,
      endMin: x.end.min,
    })),
  })),
);

describe('time restrictions as coverage windows', () => {
  it('cover the minutes Opsgenie allows, every half hour of a week', () => {
    fc.assert(
      fc.property(restriction, (tr) => {
        const intervals = restrictionIntervals([tr]) ?? [];
        const windows = windowsOf(intervals);
        const coverage = resolveCoverage(windows.length > 0 ? (windows as never) : undefined, { kind: 'custom', intervals: [] });
        for (let t = MONDAY; t < MONDAY + 7 * 86_400_000; t += 30 * 60_000) {
          const opsgenie = allowed([tr] as never, t, 'UTC');
          const yaml = windows.length > 0 && isCovered('UTC', coverage, t);
          if (opsgenie !== yaml) return false;
        }
        // Every window is one the schema accepts: `to` after `from`, or at or before it for the next day, never equal.
        return windows.every((w) => w.from !== w.to);
      }),
      { numRuns: 300, seed: 16 },
    );
  });

  it('a restriction wrapping midnight is one window ending the next day', () => {
    const tr = { type: 'time-of-day', restriction: [{ startHour: 19, startMin: 0, endHour: 8, endMin: 0 }] };
    expect(windowsOf(restrictionIntervals([tr])!)).toEqual([{ days: 'every-day', from: '19:00', to: '08:00' }]);
    const weekend = {
      type: 'weekday-and-time-of-day',
      restrictionList: [{ startDay: 'friday', startHour: 19, startMin: 0, endDay: 'monday', endHour: 9, endMin: 0 }],
    };
    expect(windowsOf(restrictionIntervals([weekend])!)).toEqual([
      { days: 'friday', from: '19:00', to: '24:00' },
      { days: ['saturday', 'sunday'], from: '00:00', to: '24:00' },
      { days: 'monday', from: '00:00', to: '09:00' },
    ]);
  });
});
