/**
 * The phone line (`pulumi-nodejs:dynamic/twilio:PhoneLine`): its inputs become the form parameters of
 * `POST /2010-04-01/Accounts/{AccountSid}/IncomingPhoneNumbers/{Sid}.json`, so they must be what that operation
 * accepts. Read from twilio/twilio-oai@2.6.7:spec/json/twilio_api_v2010.json (IncomingPhoneNumber update).
 * The provider stores what it sent and reads back the number's fields under the same names: read-back is the
 * inputs when Twilio keeps them as sent.
 */
import type { ResourceContract, Violation } from '../contract';
import { TWILIO } from '../../../modules/backends/twilio/resources';

const SPEC =
  'twilio/twilio-oai@2.6.7:spec/json/twilio_api_v2010.json#/paths/~12010-04-01~1Accounts~1{AccountSid}~1IncomingPhoneNumbers~1{Sid}.json/post';

const URLS = ['voiceUrl', 'voiceFallbackUrl', 'smsUrl', 'smsFallbackUrl'] as const;
const METHODS = ['voiceMethod', 'voiceFallbackMethod', 'smsMethod', 'smsFallbackMethod'] as const;

export const phoneLineContract: ResourceContract = {
  type: TWILIO.phoneLine.type,
  source: SPEC,
  validate(resource) {
    const out: Violation[] = [];
    const inputs = resource.inputs;
    const v = (path: string, message: string): void => void out.push({ path, message, source: SPEC });
    // `Sid` path parameter: minLength 34, pattern ^PN[0-9a-fA-F]{32}$.
    if (inputs.sid !== undefined && !(typeof inputs.sid === 'string' && /^PN[0-9a-fA-F]{32}$/.test(inputs.sid)))
      v('sid', 'not an IncomingPhoneNumber SID (^PN[0-9a-fA-F]{32}$)');
    // PhoneNumber: E.164 (the number is looked up by it when no SID is given).
    if (!(typeof inputs.number === 'string' && /^\+[1-9][0-9]{1,14}$/.test(inputs.number))) v('number', 'not an E.164 number');
    // FriendlyName: "It can be up to 64 characters long".
    if (typeof inputs.friendlyName !== 'string' || inputs.friendlyName.length > 64) v('friendlyName', 'a string of 64 characters at most');
    // VoiceUrl, SmsUrl and their fallbacks: `format: uri`; Twilio must reach them, so absolute http(s).
    for (const key of URLS) {
      const url = inputs[key];
      if (url === undefined) continue;
      if (typeof url !== 'string' || !URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol)) v(key, 'not an absolute http(s) URI');
    }
    // VoiceMethod, SmsMethod and the fallbacks': enum GET, POST.
    for (const key of METHODS)
      if (inputs[key] !== undefined && inputs[key] !== 'GET' && inputs[key] !== 'POST') v(key, 'must be GET or POST');
    if (inputs.voiceUrl === undefined || inputs.smsUrl === undefined)
      v('voiceUrl', 'the line answers calls and texts: both URLs are needed');
    return out;
  },
  readBack: (resource) => ({ ...resource.inputs }),
  computed: [],
  forceNew: ['number', 'sid'],
};

export const twilioContracts: ResourceContract[] = [phoneLineContract];
