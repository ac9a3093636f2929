/**
 * Checking `X-Twilio-Signature`. Twilio signs the URL it called, as configured, followed by the form fields
 * sorted by name (each name then its value), with HMAC-SHA1 keyed by the auth token, in base64.
 *
 * The signature of the public URL plus the request path is computed first, with the key prepared once per
 * token (`hmac-sha1.ts`): for a body of plain, sorted field names (what Twilio sends) the signed bytes are
 * written straight from the body (`FormBody.writeSigned`), otherwise from the decoded fields. Only when that
 * does not match does the official `twilio.validateRequest` try the variants it accepts (with or without the
 * port, normalised URL, legacy query strings). A valid request thus costs one HMAC, and nothing the official
 * library accepts is refused. The tests check the first computation against the official library's signature.
 */
import { timingSafeEqual } from 'node:crypto';
import twilio from 'twilio';
import type { FormBody, FormFields } from './form';
import { HmacSha1 } from './hmac-sha1';

const macs = new Map<string, HmacSha1>();

function macFor(authToken: string): HmacSha1 {
  let mac = macs.get(authToken);
  if (!mac) {
    if (macs.size > 16) macs.clear(); // tokens change rarely: a rotation leaves at most a few behind
    mac = new HmacSha1(authToken);
    macs.set(authToken, mac);
  }
  return mac;
}

/**
 * Twilio's signature of decoded form fields: the URL, then each field's name and value by sorted name (a
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
  return macFor(authToken).base64(data);
}

/**
 * Twilio's signature of a body as received: `expectedSignature` of its decoded fields, except for escapes that
 * are not valid UTF-8 (which Twilio never sends), signed here as their bytes; `validSignature` then falls back
 * to the official library.
 */
export function bodySignature(authToken: string, url: string, body: FormBody): string {
  const mac = macFor(authToken);
  const urlBytes = Buffer.byteLength(url, 'utf8');
  // Decoded fields never take more bytes than the ASCII body they are written from.
  const buffer = mac.buffer(urlBytes + body.text.length);
  const end = body.writeSigned(buffer, HmacSha1.MESSAGE_START + buffer.write(url, HmacSha1.MESSAGE_START, 'utf8'));
  return end >= 0 ? mac.digestWritten(end) : expectedSignature(authToken, url, body.fields());
}

function same(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a, 'latin1'), Buffer.from(b, 'latin1'));
}

export function validSignature(authToken: string, signature: string, url: string, body: FormBody): boolean {
  if (same(bodySignature(authToken, url, body), signature)) return true;
  return twilio.validateRequest(authToken, signature, url, body.fields().record());
}
