/**
 * Phone numbers for the router: the organisation's data, overridden by a secrets file or environment
 * variables given to the router only (so numbers need not be in the repository).
 *   secrets file (YAML):  twilioAuthToken: …      phones: { alice: "+33639980101", … }
 *   environment:          ONCALL_PHONE_ALICE=+33639980101   (the person id in capitals, dashes as _)
 */
import { isValidPhoneNumber } from 'libphonenumber-js';
import { parse } from 'yaml';
import type { Organisation } from '../model/types';

export interface RouterSecrets {
  readonly twilioAuthToken?: string;
  readonly phones: ReadonlyMap<string, string>;
}

export class SecretsError extends Error {}

export function parseSecrets(text: string, file: string): RouterSecrets {
  let value: unknown;
  try {
    value = parse(text);
  } catch (err) {
    throw new SecretsError(`${file}: not YAML: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw new SecretsError(`${file}: expected a mapping with \`twilioAuthToken\` and \`phones\``);
  const v = value as Record<string, unknown>;
  for (const key of Object.keys(v))
    if (key !== 'twilioAuthToken' && key !== 'phones')
      throw new SecretsError(`${file}: unknown key \`${key}\`; expected \`twilioAuthToken\` and \`phones\``);
  if (v.twilioAuthToken !== undefined && typeof v.twilioAuthToken !== 'string')
    throw new SecretsError(`${file}: \`twilioAuthToken\` must be text`);
  const phones = new Map<string, string>();
  if (v.phones !== undefined) {
    if (v.phones === null || typeof v.phones !== 'object') throw new SecretsError(`${file}: \`phones\` must map person ids to numbers`);
    for (const [id, number] of Object.entries(v.phones as Record<string, unknown>)) {
      if (typeof number !== 'string' || !isValidPhoneNumber(number))
        throw new SecretsError(`${file}: the number of \`${id}\` is not a valid E.164 number`);
      phones.set(id, number);
    }
  }
  return { twilioAuthToken: v.twilioAuthToken as string | undefined, phones };
}

/**
 * Person id → number: organisation data, then the secrets file, then ONCALL_PHONE_<ID>. A malformed
 * variable is refused (naming it, never its value) rather than silently leaving the person's old number.
 */
export function phoneBook(org: Organisation, secrets: RouterSecrets | undefined, env: NodeJS.ProcessEnv): Map<string, string> {
  const book = new Map<string, string>();
  for (const p of org.people.values()) if (p.phone) book.set(p.id, p.phone);
  for (const [id, number] of secrets?.phones ?? []) book.set(id, number);
  for (const p of org.people.values()) {
    const name = `ONCALL_PHONE_${p.id.toUpperCase().replace(/-/g, '_')}`;
    const fromEnv = env[name];
    if (fromEnv === undefined || fromEnv === '') continue;
    if (!isValidPhoneNumber(fromEnv)) throw new SecretsError(`${name} is not a valid E.164 number (such as +33639980101)`);
    book.set(p.id, fromEnv);
  }
  return book;
}
