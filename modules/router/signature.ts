/**
 * Checking `X-Twilio-Signature`. Twilio signs the URL it called, as configured, followed by the form fields
 * sorted by name (each name then its value), with HMAC-SHA1 keyed by the auth token, in base64.
 *
 * The header is checked first: a signature is the base64 of 20 bytes, and anything else is refused before
 * the body is read. Then, with `crypto.createHmac`, the sorted fields are joined once and signed after each
 * URL the official `twilio.validateRequest` tries (as received, with and without the default port, then
 * normalised by `new URL`, with the legacy query string), each distinct URL once. A forged webhook thus costs
 * about what a valid one costs. The tests check this against `twilio.validateRequest` and
 * `twilio.getExpectedTwilioSignature`.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { parse as parseQuery, stringify as stringifyQuery } from 'node:querystring';
import type { FormFields } from './form';

/** Base64 of an HMAC-SHA1 (20 bytes): 27 characters and one `=`. */
const SIGNATURE_SHAPE = /^[A-Za-z0-9+/]{27}=$/;

export function wellFormedSignature(signature: string | undefined): signature is string {
  return signature !== undefined && SIGNATURE_SHAPE.test(signature);
}

/** As `twilio`'s webhooks.js splits a URL: scheme, user info, host, port and the rest. */
function splitUrl(url: string): { scheme: string; userInfo: string; host: string; port: string; rest: string } | undefined {
  const match = /^([a-z][a-z0-9+.-]*:\/\/)([^/?#]*)/i.exec(url);
  if (!match) return undefined;
  const [prefix, scheme, authority] = match as unknown as [string, string, string];
  const userInfoEnd = authority.lastIndexOf('@');
  const hostAndPort = authority.slice(userInfoEnd + 1);
  const portStart = hostAndPort.indexOf(':', hostAndPort.lastIndexOf(']') + 1);
  return {
    scheme,
    userInfo: authority.slice(0, userInfoEnd + 1),
    host: portStart === -1 ? hostAndPort : hostAndPort.slice(0, portStart),
    port: portStart === -1 ? '' : hostAndPort.slice(portStart),
    rest: url.slice(prefix.length),
  };
}

function withoutPort(url: string): string {
  const p = splitUrl(url);
  return p ? p.scheme + p.userInfo + p.host + p.rest : url;
}

function withPort(url: string): string {
  const p = splitUrl(url);
  if (!p || p.port) return url;
  return p.scheme + p.userInfo + p.host + (p.scheme.toLowerCase() === 'https://' ? ':443' : ':80') + p.rest;
}

function withLegacyQuerystring(url: string): string {
  const q = url.indexOf('?');
  if (q === -1 || q === url.length - 1) return url;
  return `${url.slice(0, q)}?${stringifyQuery(parseQuery(url.slice(q + 1)))}`;
}

/** The URLs the official library accepts a signature for, in its order, each once. */
export function candidateUrls(url: string): string[] {
  const asReceived = [withoutPort(url), withPort(url)];
  let normalised: string;
  try {
    normalised = new URL(url).toString();
  } catch {
    return [...new Set(asReceived)];
  }
  const more = [withoutPort(normalised), withPort(normalised)];
  return [...new Set([...asReceived, ...more, ...more.map(withLegacyQuerystring)])];
}

/** The fields as signed: each name then its value, by sorted name. */
function signedFields(fields: FormFields): string {
  let data = '';
  for (const name of Object.keys(fields).sort()) data += name + fields[name];
  return data;
}

function sign(authToken: string, url: string, data: string): string {
  return createHmac('sha1', authToken).update(url, 'utf8').update(data, 'utf8').digest('base64');
}

/** Twilio's signature of these fields for exactly this URL. */
export function expectedSignature(authToken: string, url: string, fields: FormFields): string {
  return sign(authToken, url, signedFields(fields));
}

export function validSignature(authToken: string, signature: string, url: string, fields: FormFields): boolean {
  if (!wellFormedSignature(signature)) return false;
  // Compared as text, as the official library does (two spellings of the same bytes are not the same signature).
  const given = Buffer.from(signature, 'latin1');
  const data = signedFields(fields);
  return candidateUrls(url).some((candidate) => timingSafeEqual(Buffer.from(sign(authToken, candidate, data), 'latin1'), given));
}
