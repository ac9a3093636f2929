/**
 * Form fields of a webhook body (`application/x-www-form-urlencoded`), decoded as `node:querystring` decodes
 * them: `+` is a space, `%XX` escapes are UTF-8 (text with only malformed escapes is kept as written), a field
 * without `=` has an empty value.
 *
 * Twilio sends some twenty-five fields with each call, most of them plain. The fields are kept as two lists in
 * the order received, not as an object: the signature needs them sorted by name (and Twilio sends them sorted,
 * so the order is only checked), the router reads five of them, and filling an object with twenty-five fresh
 * names costs more than the rest of the parsing. Only fields with `+` or a valid escape are decoded, with
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

const PLUS = 43;
const PERCENT = 37;

function isHex(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}

function decode(body: string, from: number, to: number): string {
  let plus = false;
  let escaped = false;
  for (let i = from; i < to; i++) {
    const c = body.charCodeAt(i);
    if (c === PLUS) plus = true;
    else if (c === PERCENT && i + 2 < to && isHex(body.charCodeAt(i + 1)) && isHex(body.charCodeAt(i + 2))) escaped = true;
  }
  const part = body.slice(from, to);
  if (!plus && !escaped) return part;
  const spaced = plus ? part.replace(/\+/g, ' ') : part;
  return escaped ? qsUnescape(spaced) : spaced;
}

export function readForm(body: string): FormFields {
  const names: string[] = [];
  const values: string[] = [];
  const length = body.length;
  let start = 0;
  while (start < length) {
    let end = body.indexOf('&', start);
    if (end < 0) end = length;
    if (end > start) {
      const eq = body.indexOf('=', start);
      if (eq >= 0 && eq < end) {
        names.push(decode(body, start, eq));
        values.push(decode(body, eq + 1, end));
      } else {
        names.push(decode(body, start, end));
        values.push('');
      }
    }
    start = end + 1;
  }
  return new FormFields(names, values);
}

export const NO_FIELDS = new FormFields([], []);
