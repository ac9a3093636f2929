import twilio from 'twilio';
import { describe, expect, it } from 'vitest';
import { validSignature } from '../../modules/router/signature';
import { formParams, signatureHeader } from '../../modules/router/server';

const TOKEN = 'test-auth-token-0123456789abcdef';
const PARAMS = { CallSid: 'CA1', From: '+33612345678', To: '+33199000101' };

describe('validSignature', () => {
  it('accepts the signature Twilio computes for the public URL', () => {
    const url = 'https://router.acme.example/voice/next?level=1';
    expect(validSignature(TOKEN, twilio.getExpectedTwilioSignature(TOKEN, url, PARAMS), url, PARAMS)).toBe(true);
  });

  it('accepts a signature made on the same URL with its default port, as the official library does', () => {
    const signed = twilio.getExpectedTwilioSignature(TOKEN, 'https://router.acme.example:443/voice', PARAMS);
    expect(validSignature(TOKEN, signed, 'https://router.acme.example/voice', PARAMS)).toBe(true);
  });

  it('refuses another token, another URL, changed parameters and garbage', () => {
    const url = 'https://router.acme.example/voice';
    const good = twilio.getExpectedTwilioSignature(TOKEN, url, PARAMS);
    expect(validSignature(TOKEN, twilio.getExpectedTwilioSignature('other-token', url, PARAMS), url, PARAMS)).toBe(false);
    expect(validSignature(TOKEN, good, 'https://evil.example/voice', PARAMS)).toBe(false);
    expect(validSignature(TOKEN, good, url, { ...PARAMS, To: '+33699999999' })).toBe(false);
    expect(validSignature(TOKEN, 'short', url, PARAMS)).toBe(false);
    expect(validSignature(TOKEN, '', url, PARAMS)).toBe(false);
  });
});

describe('formParams', () => {
  it('decodes form fields as Twilio sends them', () => {
    expect(formParams('From=%2B33612345678&Body=on+call%3F+%C3%A9t%C3%A9')).toEqual({ From: '+33612345678', Body: 'on call? été' });
  });

  it('keeps the last value of a field given twice, and empty values', () => {
    expect(formParams('To=%2B1&To=%2B2&Empty=')).toEqual({ To: '+2', Empty: '' });
  });
});

describe('signatureHeader', () => {
  it('finds X-Twilio-Signature in raw headers whatever its case, and nothing when absent', () => {
    expect(signatureHeader(['Host', 'x', 'x-twilio-signature', 'abc=', 'X-Twilio-Signature', 'later'])).toBe('abc=');
    expect(signatureHeader(['Host', 'x', 'X-TWILIO-SIGNATURE', 'def='])).toBe('def=');
    expect(signatureHeader(['Host', 'x', 'X-Twilio-Signature-Extra', 'no'])).toBeUndefined();
    expect(signatureHeader([])).toBeUndefined();
  });
});
