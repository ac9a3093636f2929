/**
 * Checking `X-Twilio-Signature` with the official `twilio` package's webhook helpers (its webhooks module
 * alone: the whole package takes far longer to load). Twilio signs the URL it called, as configured, followed
 * by the form fields sorted by name, with HMAC-SHA1 keyed by the auth token; `validateRequest` also tries the
 * URL with and without its default port, as Twilio may sign either.
 *
 * The header's shape is checked first: a signature is the base64 of 20 bytes, and anything else is refused
 * before the body is read.
 */
import { getExpectedTwilioSignature, validateRequest } from 'twilio/lib/webhooks/webhooks';
import type { FormFields } from './form';

/** Base64 of an HMAC-SHA1 (20 bytes): 27 characters and one `=`. */
const SIGNATURE_SHAPE = /^[A-Za-z0-9+/]{27}=$/;

export function wellFormedSignature(signature: string | undefined): signature is string {
  return signature !== undefined && SIGNATURE_SHAPE.test(signature);
}

/** Twilio's signature of these fields for exactly this URL. */
export function expectedSignature(authToken: string, url: string, fields: FormFields): string {
  return getExpectedTwilioSignature(authToken, url, fields);
}

export function validSignature(authToken: string, signature: string, url: string, fields: FormFields): boolean {
  return wellFormedSignature(signature) && validateRequest(authToken, signature, url, fields);
}
