/**
 * Form fields of a webhook body (`application/x-www-form-urlencoded`), decoded as `node:querystring` decodes
 * them: `+` is a space, `%XX` escapes are UTF-8 (text with only malformed escapes is kept as written), a field
 * without `=` has an empty value.
 *
 * Twilio sends some twenty-five fields with each call, most of them plain. Decoded fields are kept as two lists
 * in the order received, not as an object: the signature needs them sorted by name (and Twilio sends them
 * sorted, so the order is only checked), the router reads five of them, and filling an object with twenty-five
 * fresh names costs more than the rest of the parsing. Only fields with `+` or a valid escape are decoded, with
 * `querystring.unescape`. Property-tested against `querystring.parse` and `URLSearchParams`
 * (`test/router/form.test.ts`).
 */
import { unescape as qsUnescape } from 'node:querystring';

export class FormFields {
  constructor(
    readonly names: readonly string[],
    readonly values: readonly string[],
  ) {}

  /** The value of `name`; the last one when the name is repeated. */
  get(name: string): string | undefined {
    for (let i = this.names.length - 1; i >= 0; i--) if (this.names[i] === name) return this.values[i];
    return undefined;
  }

  /** Fields by name, the last value of a repeated name winning; no prototype, so `__proto__` is just a name. */
  record(): Record<string, string> {
    const out = Object.create(null) as Record<string, string>;
    for (let i = 0; i < this.names.length; i++) out[this.names[i] as string] = this.values[i] as string;
    return out;
  }

  /** Whether the names are strictly increasing (sorted as JavaScript sorts strings, none repeated). */
  sorted(): boolean {
    const names = this.names;
    for (let i = 1; i < names.length; i++) if (!((names[i - 1] as string) < (names[i] as string))) return false;
    return true;
  }
}

/** A valid escape: as with `querystring`, text with only malformed ones is kept as written. */
const ESCAPE = /%[0-9a-fA-F]{2}/;

/** A field's name or value, decoded when it holds `+` or `%`. */
function decoded(part: string): string {
  const plus = part.includes('+');
  const percent = part.includes('%');
  if (!plus && !percent) return part;
  const spaced = plus ? part.replace(/\+/g, ' ') : part;
  return percent && ESCAPE.test(part) ? qsUnescape(spaced) : spaced;
}

export function readForm(body: string): FormFields {
  return new FormBody(body).fields();
}

const PLUS = 43;
const PERCENT = 37;
const AMPERSAND = 38;
const EQUALS = 61;
/** Value of a hexadecimal digit by character code, -1 for any other character. */
const HEX = new Int8Array(128).fill(-1);
for (let i = 0; i < 10; i++) HEX[48 + i] = i;
for (let i = 0; i < 6; i++) HEX[65 + i] = HEX[97 + i] = 10 + i;

/**
 * A webhook body as received, for the router's hot path. Nothing is done until asked: a field is found by
 * searching for its name and decoded only when read, and the text Twilio signs is written as bytes straight
 * from the body when its field names are plain (no `+` or `%`) and sorted, as Twilio sends them. Anything else goes through
 * `fields()`, the general decoding. Property-tested against `readForm` and the official Twilio signature
 * (`test/router/form.test.ts`, `test/router/signature.test.ts`).
 */
export class FormBody {
  private decoded: FormFields | undefined;
  /** Whether no field name holds `+` or `%` (names then read as they are written); undefined until known. */
  private plain: boolean | undefined;

  constructor(readonly text: string) {}

  /** Every field, decoded (the general path). */
  fields(): FormFields {
    if (!this.decoded) {
      const text = this.text;
      const names: string[] = [];
      const values: string[] = [];
      const length = text.length;
      for (let start = 0; start < length; ) {
        const end = fieldEnd(text, start);
        if (end > start) {
          const eq = nameEnd(text, start, end);
          names.push(decoded(text.slice(start, eq)));
          values.push(eq < end ? decoded(text.slice(eq + 1, end)) : '');
        }
        start = end + 1;
      }
      this.decoded = new FormFields(names, values);
    }
    return this.decoded;
  }

  /** The value of `name`; the last one when the name is repeated. */
  get(name: string): string | undefined {
    this.plain ??= plainNames(this.text);
    if (!this.plain || name === '') return this.fields().get(name);
    // Names are plain: the last field that starts with `name` followed by `=`, `&` or the end is the one.
    const text = this.text;
    const length = text.length;
    for (let from = length; from >= 0; ) {
      const at = text.lastIndexOf(name, from);
      if (at < 0) return undefined;
      const after = at + name.length;
      const next = after < length ? text.charCodeAt(after) : AMPERSAND;
      if ((at === 0 || text.charCodeAt(at - 1) === AMPERSAND) && (next === EQUALS || next === AMPERSAND)) {
        if (next === AMPERSAND) return '';
        const end = text.indexOf('&', after);
        return decoded(text.slice(after + 1, end < 0 ? length : end));
      }
      from = at - 1;
    }
    return undefined;
  }

  /**
   * Writes the signed fields (each name, then its decoded value, in order) as UTF-8 bytes into `out` from
   * `at`, in one pass over the fields, returning where they end; -1 when the body is not of the simple shape
   * this handles (a name holding `+` or `%`, names not strictly increasing, or a character outside ASCII), and
   * the caller takes the general path. An escape is written as its byte; bytes that are not valid UTF-8 then
   * differ from what the general path signs (it decodes them to U+FFFD), so such a body can only fail here,
   * never pass wrongly.
   */
  writeSigned(out: Buffer, at: number): number {
    const text = this.text;
    const length = text.length;
    let n = at;
    let previous = -1;
    let previousEnd = -1;
    for (let start = 0; start < length; ) {
      const end = fieldEnd(text, start);
      if (end > start) {
        const eq = nameEnd(text, start, end);
        for (let i = start; i < eq; i++) {
          const c = text.charCodeAt(i);
          if (c === PLUS || c === PERCENT) {
            this.plain = false;
            return -1;
          }
          if (c > 127) return -1;
          out[n++] = c;
        }
        if (previous >= 0 && !rangeBefore(text, previous, previousEnd, start, eq)) return -1;
        previous = start;
        previousEnd = eq;
        for (let i = eq + 1; i < end; i++) {
          const c = text.charCodeAt(i);
          if (c > 127) return -1;
          if (c === PLUS) out[n++] = 32;
          else if (c === PERCENT && i + 2 < end) {
            const high = HEX[text.charCodeAt(i + 1)] ?? -1;
            const low = HEX[text.charCodeAt(i + 2)] ?? -1;
            if (high >= 0 && low >= 0) {
              out[n++] = high * 16 + low;
              i += 2;
            } else out[n++] = c;
          } else out[n++] = c;
        }
      }
      start = end + 1;
    }
    this.plain = true;
    return n;
  }
}

/** Where the field starting at `start` ends: its `&`, or the end of the body. */
function fieldEnd(text: string, start: number): number {
  const end = text.indexOf('&', start);
  return end < 0 ? text.length : end;
}

/** Where a field's name ends: its first `=`, or the end of the field when it has none. */
function nameEnd(text: string, start: number, end: number): number {
  const eq = text.indexOf('=', start);
  return eq < 0 || eq > end ? end : eq;
}

/** Whether no field name of a body holds `+` or `%`: each of those characters is checked, not every character. */
function plainNames(text: string): boolean {
  for (let special = nextSpecial(text, 0); special < text.length; special = nextSpecial(text, special + 1)) {
    const fieldStart = text.lastIndexOf('&', special) + 1;
    const eq = text.indexOf('=', fieldStart);
    // in the name when its field has no `=` before it
    if (eq < 0 || eq > special) return false;
  }
  return true;
}

function nextSpecial(text: string, from: number): number {
  const plus = text.indexOf('+', from);
  const percent = text.indexOf('%', from);
  if (plus < 0) return percent < 0 ? text.length : percent;
  return percent < 0 || plus < percent ? plus : percent;
}

/** Whether text[a, aEnd) sorts strictly before text[b, bEnd), by UTF-16 code units. */
function rangeBefore(text: string, a: number, aEnd: number, b: number, bEnd: number): boolean {
  while (a < aEnd && b < bEnd) {
    const x = text.charCodeAt(a++);
    const y = text.charCodeAt(b++);
    if (x !== y) return x < y;
  }
  return aEnd - a < bEnd - b;
}

export const EMPTY_FORM = new FormBody('');
