/**
 * Form fields of a webhook body (`application/x-www-form-urlencoded`), decoded as `node:querystring` decodes
 * them: `+` is a space, `%XX` escapes are UTF-8 (text with only malformed escapes is kept as written), a field
 * without `=` has an empty value.
 *
 * Twilio sends some twenty-five fields with each call, most of them plain. The fields are kept as two lists in
 * the order received, not as an object: the signature needs them sorted by name (and Twilio sends them sorted,
 * so the order is only checked), the router reads five of them, and filling an object with twenty-five fresh
 * names costs more than the rest of the parsing. Only fields with `+` or a valid escape are decoded, with
 * `querystring.unescape`; the others are sliced as they are. Property-tested against `querystring.parse` and `URLSearchParams`
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

/** Decodes a part known to hold `+` or `%`. */
function decode(part: string): string {
  const spaced = part.includes('+') ? part.replace(/\+/g, ' ') : part;
  return part.includes('%') && ESCAPE.test(part) ? qsUnescape(spaced) : spaced;
}

export function readForm(body: string): FormFields {
  const names: string[] = [];
  const values: string[] = [];
  const length = body.length;
  // The next `+` or `%` at or after the part being read: a part without either is taken as it is, so plain
  // fields cost two searches and a slice, and the body is not scanned character by character.
  let special = nextSpecial(body, 0);
  let start = 0;
  while (start < length) {
    let end = body.indexOf('&', start);
    if (end < 0) end = length;
    if (end > start) {
      let eq = body.indexOf('=', start);
      if (eq < 0 || eq > end) eq = end;
      if (special < start) special = nextSpecial(body, start);
      names.push(special < eq ? decode(body.slice(start, eq)) : body.slice(start, eq));
      if (eq < end) {
        if (special <= eq) special = nextSpecial(body, eq + 1);
        values.push(special < end ? decode(body.slice(eq + 1, end)) : body.slice(eq + 1, end));
      } else values.push('');
    }
    start = end + 1;
  }
  return new FormFields(names, values);
}

function nextSpecial(body: string, from: number): number {
  let plus = body.indexOf('+', from);
  let percent = body.indexOf('%', from);
  if (plus < 0) plus = Number.MAX_SAFE_INTEGER;
  if (percent < 0) percent = Number.MAX_SAFE_INTEGER;
  return plus < percent ? plus : percent;
}

export const NO_FIELDS = new FormFields([], []);
