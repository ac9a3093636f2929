import fc from 'fast-check';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { fold, renderCalendar, renderEvent } from '../../modules/schedule/ics';

describe('iCalendar text', () => {
  it('folds lines at 75 octets of UTF-8, never inside a character', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'é', '€', '😀', ' ', ',', 'z'), minLength: 0, maxLength: 300 }), (text) => {
        const folded = fold(`DESCRIPTION:${text}`);
        for (const physical of folded.split('\r\n')) expect(Buffer.byteLength(physical, 'utf8')).toBeLessThanOrEqual(75);
        expect(folded.split('\r\n ').join('')).toBe(`DESCRIPTION:${text}`);
      }),
      { numRuns: 300 },
    );
  });

  it('escapes text so that an independent parser reads back exactly what was written', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', 'é', 'Ü', '€', ';', ',', '\\', '\n', ' ', '😀', ':'), minLength: 1, maxLength: 200 }),
        (text) => {
          const event = renderEvent(
            { uid: 'u1@t', start: 0, end: 3_600_000, summary: text, description: text, categories: ['a,b', 'c;d'] },
            0,
          );
          const parsed = new ICAL.Event(
            new ICAL.Component(ICAL.parse(renderCalendar('Été, hiver; astreinte', [event]))).getFirstSubcomponent('vevent')!,
          );
          expect(parsed.summary).toBe(text);
          expect(parsed.description).toBe(text);
        },
      ),
      { numRuns: 200 },
    );
  });
});
