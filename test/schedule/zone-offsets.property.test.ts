import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { offsetMinutes } from '../../modules/core/zone-offsets';

const ZONES = [
  'Europe/Paris',
  'America/New_York',
  'Australia/Sydney',
  'Australia/Lord_Howe',
  'Asia/Kolkata',
  'America/St_Johns',
  'Pacific/Chatham',
  'America/Sao_Paulo',
  'Europe/London',
  'Africa/Casablanca',
  'UTC',
];

describe('zone offset table', () => {
  it("gives Luxon's offset at any instant of 2020–2035", () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2035, 11, 31) }), (zone, instant) => {
        expect(offsetMinutes(zone, instant)).toBe(DateTime.fromMillis(instant, { zone }).offset);
      }),
      { numRuns: 2000 },
    );
  });

  it('switches at the exact second of each 2026 transition in Paris', () => {
    // Clocks go forward at 01:00Z on 29 March and back at 01:00Z on 25 October 2026.
    expect(offsetMinutes('Europe/Paris', Date.UTC(2026, 2, 29, 0, 59, 59))).toBe(60);
    expect(offsetMinutes('Europe/Paris', Date.UTC(2026, 2, 29, 1, 0, 0))).toBe(120);
    expect(offsetMinutes('Europe/Paris', Date.UTC(2026, 9, 25, 0, 59, 59))).toBe(120);
    expect(offsetMinutes('Europe/Paris', Date.UTC(2026, 9, 25, 1, 0, 0))).toBe(60);
  });
});
