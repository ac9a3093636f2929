/**
 * Webhook bodies the router benchmark sends. `voiceWebhook` is what Twilio sends for an incoming call: the
 * fields its Voice webhooks documentation lists for every call (identifiers, status, direction, the caller's
 * and the callee's geography, in the legacy `Called*`/`Caller*` spelling too), in the sorted order Twilio
 * uses. `minimalWebhook` holds only the fields the router reads, for comparison.
 */
export type Webhook = Record<string, string>;

export function voiceWebhook(line: string, caller: string): Webhook {
  return {
    AccountSid: 'AC0123456789abcdef0123456789abcdef',
    ApiVersion: '2010-04-01',
    CallSid: 'CA0123456789abcdef0123456789abcdef',
    CallStatus: 'ringing',
    CallToken: '%7B%22parentCallInfoToken%22%3A%22eyJhbGciOiJFUzI1NiJ9.eyJjYWxsU2lkIjoiQ0EwMSJ9%22%7D',
    Called: line,
    CalledCity: '',
    CalledCountry: 'FR',
    CalledState: '',
    CalledZip: '',
    Caller: caller,
    CallerCity: '',
    CallerCountry: 'FR',
    CallerState: '',
    CallerZip: '',
    Direction: 'inbound',
    From: caller,
    FromCity: '',
    FromCountry: 'FR',
    FromState: '',
    FromZip: '',
    To: line,
    ToCity: '',
    ToCountry: 'FR',
    ToState: '',
    ToZip: '',
  };
}

export function minimalWebhook(line: string, caller: string): Webhook {
  return { CallSid: 'CA0123456789abcdef0123456789abcdef', From: caller, To: line };
}
