/**
 * Form fields of a webhook body (`application/x-www-form-urlencoded`), decoded by `URLSearchParams`: `+` is a
 * space, `%XX` escapes are UTF-8, a repeated name keeps its last value (as the official Twilio library reads a
 * record). The record has no prototype, so `__proto__` or `constructor` are names like any other.
 */
export type FormFields = Readonly<Record<string, string>>;

export const EMPTY_FORM: FormFields = Object.freeze(Object.create(null) as Record<string, string>);

export function readForm(body: string): FormFields {
  if (body === '') return EMPTY_FORM;
  const fields = Object.create(null) as Record<string, string>;
  for (const [name, value] of new URLSearchParams(body)) fields[name] = value;
  return fields;
}
