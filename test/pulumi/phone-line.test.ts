/**
 * The phone-line provider against a local server that plays Twilio's IncomingPhoneNumbers endpoints from
 * twilio/twilio-oai (test/fixtures/openapi/twilio-incoming-phone-numbers.json: every request the `twilio`
 * package sends and every answer is checked against it): it finds an existing number, configures it, remembers
 * and restores what it found, never buys or releases, and refuses a number whose calls or texts Twilio would
 * route elsewhere.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { phoneLineProvider, type PhoneLineInputs } from '../../modules/pulumi/twilio/phone-line';
import { openApiServer } from './openapi-server';

const ACCOUNT = `AC${'1'.repeat(32)}`;
const SID = `PN${'a'.repeat(32)}`;
const saved = { ...process.env };

function twilioNumber(fields: Record<string, unknown>) {
  return {
    sid: SID,
    account_sid: ACCOUNT,
    phone_number: '+33199000101',
    friendly_name: 'old name',
    voice_url: 'https://old.example/voice',
    voice_method: 'GET',
    voice_fallback_url: null,
    voice_fallback_method: 'POST',
    sms_url: '',
    sms_method: 'POST',
    sms_fallback_url: null,
    sms_fallback_method: 'POST',
    voice_application_sid: null,
    trunk_sid: null,
    ...fields,
  };
}

const inputs: PhoneLineInputs = {
  number: '+33199000101',
  friendlyName: 'Storefront on call',
  voiceUrl: 'https://oncall-router-1.acme.example/voice',
  voiceMethod: 'POST',
  voiceFallbackUrl: 'https://oncall-router-2.acme.example/voice',
  voiceFallbackMethod: 'POST',
  smsUrl: 'https://oncall-router-1.acme.example/sms',
  smsMethod: 'POST',
  smsFallbackUrl: 'https://oncall-router-2.acme.example/sms',
  smsFallbackMethod: 'POST',
};

async function twilioApi(extra: Record<string, unknown> = {}, found = 1, throttled = 0) {
  let current = twilioNumber(extra);
  let refusals = throttled;
  const api = await openApiServer('twilio-incoming-phone-numbers.json', (call) => {
    // Not in twilio-oai's responses for these operations: answered as the network's, unchecked.
    if (refusals-- > 0) return { status: 429, outage: true, body: { code: 20429, message: 'Too Many Requests', status: 429 } };
    if (call.operationId === 'ListIncomingPhoneNumber') {
      const list = call.query.get('PhoneNumber') === current.phone_number ? Array.from({ length: found }, () => current) : [];
      return { status: 200, body: { incoming_phone_numbers: list, page: 0, page_size: 50, uri: call.path, next_page_uri: null } };
    }
    if (call.operationId === 'FetchIncomingPhoneNumber') return { status: 200, body: current };
    const form = call.body as Record<string, string>;
    const map: Record<string, string> = {
      FriendlyName: 'friendly_name',
      VoiceUrl: 'voice_url',
      VoiceMethod: 'voice_method',
      VoiceFallbackUrl: 'voice_fallback_url',
      VoiceFallbackMethod: 'voice_fallback_method',
      SmsUrl: 'sms_url',
      SmsMethod: 'sms_method',
      SmsFallbackUrl: 'sms_fallback_url',
      SmsFallbackMethod: 'sms_fallback_method',
    };
    for (const [k, v] of Object.entries(form)) if (map[k]) current = { ...current, [map[k]!]: v };
    return { status: 200, body: current };
  });
  return { api, current: () => current };
}

beforeEach(() => {
  process.env = { ...saved, TWILIO_ACCOUNT_SID: ACCOUNT, TWILIO_AUTH_TOKEN: 'twilio-secret' };
});
afterEach(() => {
  process.env = { ...saved };
});

describe('Twilio phone line (dynamic provider)', () => {
  it('create finds the number by E.164, configures it and remembers what it found; delete restores it', async () => {
    const { api, current } = await twilioApi();
    process.env.TWILIO_API_URL = api.url;
    try {
      const created = await phoneLineProvider.create!(inputs);
      expect(created.id).toBe(SID);
      expect(current()).toMatchObject({
        voice_url: inputs.voiceUrl,
        voice_fallback_url: inputs.voiceFallbackUrl,
        sms_url: inputs.smsUrl,
        sms_fallback_url: inputs.smsFallbackUrl,
        voice_method: 'POST',
        friendly_name: 'Storefront on call',
      });
      expect(created.outs.previous).toMatchObject({ voiceUrl: 'https://old.example/voice', voiceMethod: 'GET', friendlyName: 'old name' });
      const auth = api.calls[0]!.headers.authorization!;
      expect(Buffer.from(auth.replace('Basic ', ''), 'base64').toString()).toBe(`${ACCOUNT}:twilio-secret`);
      expect(api.calls.some((r) => r.method === 'DELETE')).toBe(false);

      await phoneLineProvider.delete!(SID, created.outs);
      expect(current()).toMatchObject({ voice_url: 'https://old.example/voice', voice_method: 'GET', friendly_name: 'old name' });
      expect(api.calls.every((r) => r.method !== 'DELETE' && !r.path.includes('AvailablePhoneNumbers'))).toBe(true);
      expect(api.violations).toEqual([]);
    } finally {
      await api.close();
    }
  });

  it('update changes the configuration; diff replaces only when the number changes', async () => {
    const { api, current } = await twilioApi();
    process.env.TWILIO_API_URL = api.url;
    try {
      const created = await phoneLineProvider.create!({ ...inputs, sid: SID });
      const moved = { ...inputs, sid: SID, voiceUrl: 'https://oncall-router-3.acme.example/voice' };
      expect(await phoneLineProvider.diff!(SID, created.outs, moved)).toMatchObject({ changes: true, replaces: [] });
      expect(await phoneLineProvider.diff!(SID, created.outs, { ...inputs, sid: SID })).toMatchObject({ changes: false });
      expect(await phoneLineProvider.diff!(SID, created.outs, { ...inputs, number: '+33199000199', sid: SID })).toMatchObject({
        changes: true,
        replaces: ['number'],
      });
      const updated = await phoneLineProvider.update!(SID, created.outs, moved);
      expect(current().voice_url).toBe('https://oncall-router-3.acme.example/voice');
      expect(updated.outs!.previous).toEqual(created.outs.previous);
      expect(api.violations).toEqual([]);
    } finally {
      await api.close();
    }
  });

  it('refuses a number that is missing (it never buys one) or attached to a SIP trunk', async () => {
    const missing = await twilioApi({}, 0);
    process.env.TWILIO_API_URL = missing.api.url;
    try {
      await expect(phoneLineProvider.create!(inputs)).rejects.toThrow(
        /no Twilio number \+331…01 in this account: the number must exist \(it is never bought\)/,
      );
    } finally {
      await missing.api.close();
    }
    const trunk = await twilioApi({ trunk_sid: `TK${'b'.repeat(32)}` });
    process.env.TWILIO_API_URL = trunk.api.url;
    try {
      await expect(phoneLineProvider.create!(inputs)).rejects.toThrow(/attached to a SIP trunk: Twilio would ignore its voice URLs/);
    } finally {
      await trunk.api.close();
    }
  });

  it('refuses a number with a messaging application, whose SMS URLs Twilio ignores, at creation and at update', async () => {
    // twilio-oai twilio_api_v2010.json: "If an `sms_application_sid` is present, we ignore all `sms_*_url` values".
    const app = `AP${'c'.repeat(32)}`;
    const attached = await twilioApi({ sms_application_sid: app });
    process.env.TWILIO_API_URL = attached.api.url;
    try {
      await expect(phoneLineProvider.create!(inputs)).rejects.toThrow(
        /messaging application .*Twilio would ignore its SMS URLs and texts would never reach the router; detach it first/,
      );
      expect(attached.current().sms_url).toBe('');
      await expect(phoneLineProvider.update!(SID, { ...inputs, sid: SID }, { ...inputs, sid: SID })).rejects.toThrow(
        /messaging application/,
      );
      expect(attached.api.calls.filter((c) => c.operationId === 'UpdateIncomingPhoneNumber')).toEqual([]);
      expect(attached.api.violations).toEqual([]);
    } finally {
      await attached.api.close();
    }
  });

  it('sends a request again after a 429 (the package retries with backoff)', async () => {
    const { api, current } = await twilioApi({}, 1, 1);
    process.env.TWILIO_API_URL = api.url;
    try {
      await phoneLineProvider.create!(inputs);
      expect(api.calls[0]!.operationId).toBe('ListIncomingPhoneNumber');
      expect(api.calls[1]!.operationId).toBe('ListIncomingPhoneNumber');
      expect(current().voice_url).toBe(inputs.voiceUrl);
      expect(api.violations).toEqual([]);
    } finally {
      await api.close();
    }
  });
});
