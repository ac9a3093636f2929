import fc from 'fast-check';
import twilio from 'twilio';
import { describe, expect, it } from 'vitest';
import { readForm } from '../../modules/router/form';
import { expectedSignature, validSignature, wellFormedSignature } from '../../modules/router/signature';
import { signatureHeader } from '../../modules/router/server';

const TOKEN = 'test-auth-token-0123456789abcdef';
const PARAMS = { CallSid: 'CA1', From: '+33612345678', To: '+33199000101' };
const BODY = readForm(new URLSearchParams(PARAMS).toString());

describe('validSignature', () => {
  it('accepts the signature Twilio computes for the public URL', () => {
    const url = 'https://router.acme.example/voice/next?level=1';
    expect(validSignature(TOKEN, twilio.getExpectedTwilioSignature(TOKEN, url, PARAMS), url, BODY)).toBe(true);
  });

  it('accepts a signature made on the same URL with its default port, as the official library does', () => {
    const signed = twilio.getExpectedTwilioSignature(TOKEN, 'https://router.acme.example:443/voice', PARAMS);
    expect(validSignature(TOKEN, signed, 'https://router.acme.example/voice', BODY)).toBe(true);
  });

  it('refuses another token, another URL, changed parameters and garbage', () => {
    const url = 'https://router.acme.example/voice';
    const good = twilio.getExpectedTwilioSignature(TOKEN, url, PARAMS);
    expect(validSignature(TOKEN, twilio.getExpectedTwilioSignature('other-token', url, PARAMS), url, BODY)).toBe(false);
    expect(validSignature(TOKEN, good, 'https://evil.example/voice', BODY)).toBe(false);
    expect(validSignature(TOKEN, good, url, readForm(new URLSearchParams({ ...PARAMS, To: '+33699999999' }).toString()))).toBe(false);
    expect(validSignature(TOKEN, 'short', url, BODY)).toBe(false);
    expect(validSignature(TOKEN, '', url, BODY)).toBe(false);
  });
});

const tokenArb = fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 40 });
const fieldArb = fc.tuple(
  fc.oneof(fc.constantFrom('To', 'From', 'CallSid', 'Body', '__proto__', 'a+b', 'x%y'), fc.string({ unit: 'grapheme', maxLength: 10 })),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
);
const byName = ([a]: [string, string], [b]: [string, string]): number => (a < b ? -1 : a > b ? 1 : 0);
/** Field lists as Twilio sends them (sorted, names unique) and as anything else might (any order, repeats). */
const plainNameArb = fc.stringMatching(/^[A-Za-z0-9_.-]{0,12}$/);
const valueArb = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.constantFrom('+33612345678', 'on call? été', 'a+b c', '%41', '100%', ''),
);
const listArb = fc.oneof(
  // Twilio's shape, which the router signs straight from the body: plain names, sorted, each once
  fc.uniqueArray(fc.tuple(plainNameArb, valueArb), { maxLength: 26, selector: ([name]) => name }).map((list) => [...list].sort(byName)),
  fc.uniqueArray(fieldArb, { maxLength: 26, selector: ([name]) => name }).map((list) => [...list].sort(byName)),
  fc.array(fieldArb, { maxLength: 26 }),
);
/** ASCII bodies made of form syntax, escapes (valid, malformed, not UTF-8) and plain text. */
const asciiBodyArb = fc
  .array(
    fc.oneof(
      fc.constantFrom('&', '=', '+', '%', '%2B', '%26', '%3D', '%C3%A9', '%E9', '%zz', '%4', 'To', 'From', 'A', 'B'),
      fc.string({ maxLength: 4, unit: 'grapheme-ascii' }),
    ),
    { maxLength: 30 },
  )
  .map((parts) => parts.join(''));

describe('signatures computed by the router', () => {
  it('expectedSignature is the official signature of the same fields, sorted or not, repeated or not', () => {
    fc.assert(
      fc.property(tokenArb, fc.webUrl({ withQueryParameters: true }), listArb, (token, url, list) => {
        const fields = readForm(new URLSearchParams(list).toString());
        expect(expectedSignature(token, url, fields)).toBe(twilio.getExpectedTwilioSignature(token, url, Object.fromEntries(list)));
      }),
      { numRuns: 500 },
    );
  });

  it('validSignature agrees with twilio.validateRequest on any URL, for its signatures and for forged ones', () => {
    const urlArb = fc.oneof(
      fc.webUrl({ withQueryParameters: true, withFragments: false }),
      fc.constantFrom(
        'https://router.acme.example:443/voice?level=1&b=a%20b',
        'http://r.example:80/sms',
        'https://r.example/voice/next?level=2&x=%7E',
        'https://u:p@[::1]:8443/voice',
      ),
    );
    fc.assert(
      fc.property(tokenArb, urlArb, urlArb, listArb, fc.boolean(), (token, signedUrl, url, list, sameUrl) => {
        const target = sameUrl ? signedUrl : url;
        const params = Object.fromEntries(list);
        const fields = readForm(new URLSearchParams(list).toString());
        const signature = twilio.getExpectedTwilioSignature(token, signedUrl, params);
        expect(validSignature(token, signature, target, fields)).toBe(twilio.validateRequest(token, signature, target, { ...fields }));
      }),
      { numRuns: 500 },
    );
  });

  it('a signature that is not the base64 of 20 bytes is refused before anything is computed', () => {
    const good = twilio.getExpectedTwilioSignature(TOKEN, 'https://r.example/voice', PARAMS);
    expect(wellFormedSignature(good)).toBe(true);
    for (const bad of [undefined, '', 'short', `${good}x`, good.slice(0, -1), `${good.slice(0, -2)}==`, `${good.slice(0, 26)}!=`])
      expect(wellFormedSignature(bad)).toBe(false);
  });

  it('validSignature accepts the official signature of any body, malformed ones included, and refuses another token', () => {
    fc.assert(
      fc.property(tokenArb, asciiBodyArb, (token, text) => {
        const url = 'https://router.acme.example/voice';
        const official = twilio.getExpectedTwilioSignature(token, url, { ...readForm(text) });
        expect(validSignature(token, official, url, readForm(text))).toBe(true);
        expect(validSignature(`${token}x`, official, url, readForm(text))).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('signatureHeader', () => {
  it('reads X-Twilio-Signature from the request headers (Node lowercases their names), the first of several', () => {
    expect(signatureHeader({ host: 'x', 'x-twilio-signature': 'abc=' })).toBe('abc=');
    expect(signatureHeader({ host: 'x', 'x-twilio-signature-extra': 'no' })).toBeUndefined();
    expect(signatureHeader({ 'x-twilio-signature': ['def=', 'later'] } as never)).toBe('def=');
    expect(signatureHeader({})).toBeUndefined();
  });
});
