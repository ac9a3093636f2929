/**
 * Checking `X-Twilio-Signature`. Twilio signs the URL it called, as configured, followed by the form fields
 * sorted by name (each name then its value), with HMAC-SHA1 keyed by the auth token, in base64.
 *
 * The signature of the public URL plus the request path is computed first, with the key prepared once per
 * token (`hmac-sha1.ts`); only when that does not match does the official `twilio.validateRequest` try the
 * variants it accepts (with or without the port, normalised URL, legacy query strings). A valid request thus
 * costs one HMAC, and nothing the official library accepts is refused. The tests check the first computation
 * against the official library's signature.
 */
import { timingSafeEqual } from 'node:crypto';
import twilio from 'twilio';
import type { FormFields } from './form';
import { hmacSha1Base64, type HmacSha1Base64 } from './hmac-sha1';

const macs = new Map<string, HmacSha1Base64>();

function macFor(authToken: string): HmacSha1Base64 {
  let mac = macs.get(authToken);
  if (!mac) {
    if (macs.size > 16) macs.clear(); // tokens change rarely: a rotation leaves at most a few behind
    mac = hmacSha1Base64(authToken);
    macs.set(authToken, mac);
  }
  return mac;
}

/**
 * Twilio's signature of a form-encoded request: the URL, then each field's name and value by sorted name (a
 * repeated name counts once, with its last value, as in the official library).
 */
export function expectedSignature(authToken: string, url: string, fields: FormFields): string {
  let data = url;
  if (fields.sorted()) {
    const { names, values } = fields;
    for (let i = 0; i < names.length; i++) data += (names[i] as string) + (values[i] as string);
  } else {
    const record = fields.record();
    for (const name of Object.keys(record).sort()) data += name + record[name];
  }
  return macFor(authToken)(data);
}

export function validSignature(authToken: string, signature: string, url: string, fields: FormFields): boolean {
  const expected = expectedSignature(authToken, url, fields);
  if (expected.length === signature.length && timingSafeEqual(Buffer.from(expected, 'latin1'), Buffer.from(signature, 'latin1'))) return true;
  return twilio.validateRequest(authToken, signature, url, fields.record());
}
