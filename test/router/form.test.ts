import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readForm } from '../../modules/router/form';

/** Any fields, in any Unicode, as a form encoder writes them. */
const fieldsArb = fc.array(fc.tuple(fc.string({ maxLength: 8, unit: 'grapheme' }), fc.string({ maxLength: 12, unit: 'grapheme' })), {
  maxLength: 30,
});

describe('readForm', () => {
  it('decodes form fields as Twilio sends them', () => {
    expect({ ...readForm('From=%2B33612345678&Body=on+call%3F+%C3%A9t%C3%A9') }).toEqual({ From: '+33612345678', Body: 'on call? été' });
  });

  it('keeps the last value of a field given twice, empty values, and fields named like Object members', () => {
    const fields = readForm('To=%2B1&To=%2B2&Empty=&Bare&__proto__=x&constructor=y');
    expect(Object.getPrototypeOf(fields)).toBeNull();
    expect(Object.keys(fields)).toEqual(['To', 'Empty', 'Bare', '__proto__', 'constructor']);
    expect(fields.To).toBe('+2');
    expect(fields.__proto__).toBe('x');
    expect(fields.constructor).toBe('y');
    expect(Object.keys(readForm(''))).toEqual([]);
  });

  it('reads back any fields a form encoder wrote, the last value of a repeated name winning', () => {
    fc.assert(
      fc.property(fieldsArb, (fields) => {
        const body = new URLSearchParams(fields).toString();
        expect({ ...readForm(body) }).toEqual(Object.fromEntries(fields));
      }),
      { numRuns: 2000 },
    );
  });
});
