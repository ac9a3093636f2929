/**
 * Phone numbers are used to ring people and shown nowhere else in full: this masks them in any text we print
 * (problem messages, quoted source lines, logs), in whatever form they were written — E.164, with spaces,
 * dots or dashes, or in national format.
 */
import { findPhoneNumbersInText, type CountryCode } from 'libphonenumber-js/max';

/** `+33639980101` → `+336••••••01`: the country code and last two digits only. */
export function maskPhone(phone: string): string {
  if (phone.length <= 6) return '••••';
  return `${phone.slice(0, 4)}${'•'.repeat(Math.max(phone.length - 6, 2))}${phone.slice(-2)}`;
}

interface Span {
  readonly start: number;
  readonly end: number;
  /** The number in E.164 form, when libphonenumber-js recognised it. */
  readonly e164?: string;
}

/**
 * What libphonenumber-js does not recognise (invalid or unknown ranges, no default country) but still looks
 * like someone's number: `+` and six digits or more; a national number (a leading 0, 9 to 12 digits); a bare
 * run of 10 to 15 digits (E.164 without its `+`). Separators: spaces, dots, dashes, slashes, parentheses.
 */
const LOOKS_LIKE_A_NUMBER = [
  /\+\(?\d(?:[ .\-/()]{0,2}\d){5,}/g,
  /(?<![\w.+\-/])\(?0\d(?:[ .\-/()]{0,2}\d){7,10}(?![\w.]|-\d)/g,
  /(?<![\w.+\-/])\d{10,15}(?![\w.])/g,
];

/** Texts longer than this are masked by the patterns only (libphonenumber's scan is slower). */
const LIBRARY_SCAN_LIMIT = 10_000;

function spansOf(text: string, defaultCountry: CountryCode | undefined): Span[] {
  if (!/\d/.test(text)) return [];
  const spans: Span[] = [];
  if (text.length <= LIBRARY_SCAN_LIMIT) {
    // extended: every possible number (leniency POSSIBLE), not only those in allocated ranges.
    for (const m of findPhoneNumbersInText(text, { defaultCountry, extended: true }))
      spans.push({ start: m.startsAt, end: m.endsAt, e164: m.number.number });
  }
  for (const pattern of LOOKS_LIKE_A_NUMBER) {
    for (const m of text.matchAll(pattern)) {
      const start = m.index ?? 0;
      const end = start + m[0].length;
      if (!spans.some((s) => s.start < end && start < s.end)) spans.push({ start, end });
    }
  }
  return spans.sort((a, b) => a.start - b.start);
}

function digitsOf(raw: string): string {
  return raw.replace(/\D/g, '');
}

/** The number in the project's masking style, normalised: `+33 6 39 98 01 01` → `+336••••••01`. */
function masked(raw: string, span: Span): string {
  if (span.e164) return maskPhone(span.e164);
  const digits = digitsOf(raw);
  if (raw.includes('+')) return maskPhone(`+${digits}`);
  return digits.length <= 4 ? '••••' : `${digits.slice(0, 2)}${'•'.repeat(digits.length - 4)}${digits.slice(-2)}`;
}

/** The same masking, keeping every separator in place so a quoted line keeps its columns. */
function maskedInPlace(raw: string): string {
  const total = digitsOf(raw).length;
  const keepFirst = raw.includes('+') ? 3 : 2;
  let seen = 0;
  return raw.replace(/\d/g, (d) => {
    seen++;
    return seen <= keepFirst || seen > total - 2 ? d : '•';
  });
}

export interface MaskOptions {
  /** Reads national numbers (`06 39 98 01 01`) as this country's. */
  readonly defaultCountry?: CountryCode;
  /** Keeps the text's length and columns (source lines under a caret). */
  readonly inPlace?: boolean;
}

export function maskPhonesInText(text: string, options: MaskOptions = {}): string {
  const spans = spansOf(text, options.defaultCountry);
  if (spans.length === 0) return text;
  let out = '';
  let at = 0;
  for (const span of spans) {
    const raw = text.slice(span.start, span.end);
    out += text.slice(at, span.start) + (options.inPlace ? maskedInPlace(raw) : masked(raw, span));
    at = span.end;
  }
  return out + text.slice(at);
}
