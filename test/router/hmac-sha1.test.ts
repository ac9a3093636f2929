import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import twilio from 'twilio';
import { describe, expect, it } from 'vitest';
import { hmacSha1Base64 } from '../../modules/router/hmac-sha1';
import { readForm } from '../../modules/router/form';
import { expectedSignature } from '../../modules/router/signature';

const reference = (key: string, message: string): string => createHmac('sha1', Buffer.from(key, 'utf8')).update(message, 'utf8').digest('base64');

/** ASCII keys of every length around the 64-byte block, Unicode keys, and keys longer than a block. */
const keyArb = fc.oneof(fc.string({ unit: 'grapheme-ascii', maxLength: 80 }), fc.string({ unit: 'grapheme', maxLength: 40 }), fc.string({ minLength: 65, maxLength: 200 }));

describe('hmacSha1Base64', () => {
  it('gives what crypto.createHmac gives, for any key and message', () => {
    fc.assert(
      fc.property(keyArb, fc.array(fc.string({ unit: 'grapheme', maxLength: 300 }), { minLength: 1, maxLength: 3 }), (key, messages) => {
        const mac = hmacSha1Base64(key);
        for (const message of messages) expect(mac(message)).toBe(reference(key, message));
      }),
      { numRuns: 1000 },
    );
  });

  it('matches the RFC 2202 test vectors', () => {
    expect(Buffer.from(hmacSha1Base64('Jefe')('what do ya want for nothing?'), 'base64').toString('hex')).toBe('effcdf6ae5eb2fa2d27416d5f184df9c259a7c79');
    expect(Buffer.from(hmacSha1Base64('\u000b'.repeat(20))('Hi There'), 'base64').toString('hex')).toBe('b617318655057264e28bc0b6fb378c8ef146be00');
  });
});

describe('expectedSignature', () => {
  it('is the signature the official Twilio library computes on the same fields, sorted or not, repeated or not', () => {
    const fieldArb = fc.tuple(fc.oneof(fc.constantFrom('To', 'From', 'CallSid', 'Body', '__proto__'), fc.string({ unit: 'grapheme', maxLength: 10 })), fc.string({ unit: 'grapheme', maxLength: 20 }));
    const listArb = fc.oneof(
      fc.array(fieldArb, { maxLength: 25 }),
      fc.uniqueArray(fieldArb, { maxLength: 25, selector: ([name]) => name }).map((list) => [...list].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
    );
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 40 }), fc.webUrl({ withQueryParameters: true }), listArb, (token, url, list) => {
        const fields = readForm(new URLSearchParams(list).toString());
        expect(expectedSignature(token, url, fields)).toBe(twilio.getExpectedTwilioSignature(token, url, Object.fromEntries(list)));
      }),
      { numRuns: 500 },
    );
  });
});
