import twilio from 'twilio';
import { describe, expect, it } from 'vitest';
import { readForm } from '../../modules/router/form';
import { validSignature } from '../../modules/router/signature';
import { signatureHeader } from '../../modules/router/server';

const TOKEN = 'test-auth-token-0123456789abcdef';
const PARAMS = { CallSid: 'CA1', From: '+33612345678', To: '+33199000101' };
const FIELDS = readForm(new URLSearchParams(PARAMS).toString());

describe('validSignature', () => {
  it('accepts the signature Twilio computes for the public URL', () => {
    const url = 'https://router.acme.example/voice/next?level=1';
    expect(validSignature(TOKEN, twilio.getExpectedTwilioSignature(TOKEN, url, PARAMS), url, FIELDS)).toBe(true);
  });

  it('accepts a signature made on the same URL with its default port, as the official library does', () => {
    const signed = twilio.getExpectedTwilioSignature(TOKEN, 'https://router.acme.example:443/voice', PARAMS);
    expect(validSignature(TOKEN, signed, 'https://router.acme.example/voice', FIELDS)).toBe(true);
  });

  it('refuses another token, another URL, changed parameters and garbage', () => {
    const url = 'https://router.acme.example/voice';
    const good = twilio.getExpectedTwilioSignature(TOKEN, url, PARAMS);
    expect(validSignature(TOKEN, twilio.getExpectedTwilioSignature('other-token', url, PARAMS), url, FIELDS)).toBe(false);
    expect(validSignature(TOKEN, good, 'https://evil.example/voice', FIELDS)).toBe(false);
    expect(validSignature(TOKEN, good, url, readForm(new URLSearchParams({ ...PARAMS, To: '+33699999999' }).toString()))).toBe(false);
    expect(validSignature(TOKEN, 'short', url, FIELDS)).toBe(false);
    expect(validSignature(TOKEN, '', url, FIELDS)).toBe(false);
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
