/**
 * Checking `X-Twilio-Signature`. Twilio signs the URL it called as configured, so the signature of the public
 * URL plus the request path is computed first (one HMAC, with the official library); only when that does not
 * match does `twilio.validateRequest` try the variants it accepts (with or without the port, normalised URL,
 * legacy query strings). A valid request thus costs one HMAC, and nothing valid is refused.
 */
import { timingSafeEqual } from 'node:crypto';
import twilio from 'twilio';

export function validSignature(authToken: string, signature: string, url: string, params: Readonly<Record<string, string>>): boolean {
  const expected = Buffer.from(twilio.getExpectedTwilioSignature(authToken, url, params));
  const given = Buffer.from(signature);
  if (given.length === expected.length && timingSafeEqual(given, expected)) return true;
  return twilio.validateRequest(authToken, signature, url, params);
}
