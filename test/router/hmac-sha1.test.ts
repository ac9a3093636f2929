import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HmacSha1 } from '../../modules/router/hmac-sha1';

const hmacSha1Base64 = (key: string) => { const mac = new HmacSha1(key); return (message: string) => mac.base64(message); };

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

  it('grows its buffer for long messages and keeps the key', () => {
    const mac = new HmacSha1('token');
    const long = 'x'.repeat(5000) + 'é'.repeat(3000);
    expect(mac.base64('short')).toBe(reference('token', 'short'));
    expect(mac.base64(long)).toBe(reference('token', long));
    expect(mac.base64('short again')).toBe(reference('token', 'short again'));
  });

  it('matches the RFC 2202 test vectors', () => {
    expect(Buffer.from(hmacSha1Base64('Jefe')('what do ya want for nothing?'), 'base64').toString('hex')).toBe('effcdf6ae5eb2fa2d27416d5f184df9c259a7c79');
    expect(Buffer.from(hmacSha1Base64('\u000b'.repeat(20))('Hi There'), 'base64').toString('hex')).toBe('b617318655057264e28bc0b6fb378c8ef146be00');
  });
});
