/**
 * `@pulumi/twilio` does not exist: this dynamic provider, on the official `twilio` package, configures an
 * EXISTING Twilio number (found by SID or by its E.164 number) to call the router: voice and SMS URLs with
 * their fallbacks and methods, and a friendly name. It never buys or releases a number; on delete it puts
 * back the configuration it found. Credentials: TWILIO_ACCOUNT_SID with TWILIO_AUTH_TOKEN (or TWILIO_API_KEY
 * and TWILIO_API_SECRET), from the environment of `pulumi up`. TWILIO_API_URL points it elsewhere (tests).
 */
import * as pulumi from '@pulumi/pulumi';
import { dynamicModuleAndName } from '../../backends/descriptor';
import { TWILIO } from '../../backends/twilio/resources';

export interface PhoneLineInputs {
  /** E.164; used when `sid` is not given. */
  number: string;
  sid?: string;
  friendlyName: string;
  voiceUrl: string;
  voiceMethod: string;
  voiceFallbackUrl?: string;
  voiceFallbackMethod: string;
  smsUrl: string;
  smsMethod: string;
  smsFallbackUrl?: string;
  smsFallbackMethod: string;
}

export const CONFIG_FIELDS = [
  'friendlyName',
  'voiceUrl',
  'voiceMethod',
  'voiceFallbackUrl',
  'voiceFallbackMethod',
  'smsUrl',
  'smsMethod',
  'smsFallbackUrl',
  'smsFallbackMethod',
] as const;
type Config = Partial<Record<(typeof CONFIG_FIELDS)[number], string>>;

interface NumberResource extends Config {
  sid: string;
  phoneNumber: string;
  voiceApplicationSid?: string | null;
  trunkSid?: string | null;
  smsApplicationSid?: string | null;
}

interface Client {
  incomingPhoneNumbers: ((sid: string) => { fetch(): Promise<NumberResource>; update(p: Config): Promise<NumberResource> }) & {
    list(p: { phoneNumber: string; limit: number }): Promise<NumberResource[]>;
  };
  api: { baseUrl: string };
}

function client(): Client {
  // Required when the provider runs, not at the top, so the serialized provider stays small.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const twilio = require('twilio') as (
    user: string,
    password: string,
    opts?: { accountSid?: string; autoRetry?: boolean; maxRetries?: number; timeout?: number },
  ) => Client;
  const env = process.env;
  const account = env.TWILIO_ACCOUNT_SID;
  if (!account)
    throw new Error('TWILIO_ACCOUNT_SID is not set: the phone-line provider reads its credentials from the environment of `pulumi up`');
  let c: Client;
  // The package's own timeout per request, and its retries with backoff on 429 (the updates are idempotent).
  const http = { autoRetry: true, maxRetries: 4, timeout: 30_000 };
  if (env.TWILIO_API_KEY && env.TWILIO_API_SECRET) c = twilio(env.TWILIO_API_KEY, env.TWILIO_API_SECRET, { accountSid: account, ...http });
  else if (env.TWILIO_AUTH_TOKEN) c = twilio(account, env.TWILIO_AUTH_TOKEN, http);
  else throw new Error('TWILIO_AUTH_TOKEN (or TWILIO_API_KEY and TWILIO_API_SECRET) is not set');
  if (env.TWILIO_API_URL) c.api.baseUrl = env.TWILIO_API_URL;
  return c;
}

async function find(c: Client, inputs: PhoneLineInputs): Promise<NumberResource> {
  if (inputs.sid) return c.incomingPhoneNumbers(inputs.sid).fetch();
  const found = await c.incomingPhoneNumbers.list({ phoneNumber: inputs.number, limit: 2 });
  if (found.length !== 1)
    throw new Error(
      `${found.length === 0 ? 'no' : 'several'} Twilio number${found.length === 0 ? '' : 's'} ${inputs.number.slice(0, 4)}…${inputs.number.slice(-2)} in this account: the number must exist (it is never bought)`,
    );
  return found[0] as NumberResource;
}

/** What to send: each field, with unset optional URLs cleared. */
function desired(inputs: PhoneLineInputs): Config {
  return Object.fromEntries(CONFIG_FIELDS.map((f) => [f, inputs[f] ?? ''])) as Config;
}

function pick(n: NumberResource): Config {
  return Object.fromEntries(CONFIG_FIELDS.map((f) => [f, n[f] ?? ''])) as Config;
}

/**
 * twilio/twilio-oai spec/json/twilio_api_v2010.json, api.v2010.account.incoming_phone_number: a `trunk_sid` or a
 * `voice_application_sid` makes Twilio ignore the voice URLs, an `sms_application_sid` the SMS URLs. The line
 * refuses such a number rather than detaching it: the application may serve something else, and the
 * configuration put back on delete would not hold it.
 */
function refuseAttached(n: NumberResource): void {
  if (n.voiceApplicationSid || n.trunkSid) {
    throw new Error(
      `the number is attached to a ${n.trunkSid ? 'SIP trunk' : 'TwiML application'}: Twilio would ignore its voice URLs; detach it first`,
    );
  }
  if (n.smsApplicationSid) {
    throw new Error(
      'the number is attached to a messaging application (SmsApplicationSid): Twilio would ignore its SMS URLs and texts would never reach the router; detach it first',
    );
  }
}

export const phoneLineProvider: pulumi.dynamic.ResourceProvider = {
  async create(inputs: PhoneLineInputs) {
    const c = client();
    const found = await find(c, inputs);
    refuseAttached(found);
    await c.incomingPhoneNumbers(found.sid).update(desired(inputs));
    return { id: found.sid, outs: { ...inputs, sid: found.sid, previous: pick(found) } };
  },
  async diff(_id: string, olds: PhoneLineInputs & { previous?: Config }, news: PhoneLineInputs) {
    const replaces = (['number', 'sid'] as const).filter(
      (k) => news[k] !== undefined && olds[k] !== news[k] && !(k === 'sid' && olds.sid === undefined),
    );
    const changes = replaces.length > 0 || CONFIG_FIELDS.some((f) => (olds[f] ?? '') !== (news[f] ?? ''));
    return { changes, replaces, deleteBeforeReplace: true };
  },
  async update(id: string, olds: PhoneLineInputs & { previous?: Config }, news: PhoneLineInputs) {
    const c = client();
    // Attached since the line was created: the new URLs would be ignored as well.
    refuseAttached(await c.incomingPhoneNumbers(id).fetch());
    await c.incomingPhoneNumbers(id).update(desired(news));
    return { outs: { ...news, sid: id, previous: olds.previous } };
  },
  async delete(id: string, props: PhoneLineInputs & { previous?: Config }) {
    // Put back what was there before; the number itself stays in the account.
    if (props.previous) await client().incomingPhoneNumbers(id).update(props.previous);
  },
};

const DYNAMIC = dynamicModuleAndName(TWILIO.phoneLine);

export class PhoneLine extends pulumi.dynamic.Resource {
  static readonly __pulumiType = TWILIO.phoneLine.type;
  declare readonly sid: pulumi.Output<string>;

  constructor(name: string, args: { [K in keyof PhoneLineInputs]: pulumi.Input<PhoneLineInputs[K]> }, opts?: pulumi.CustomResourceOptions) {
    super(phoneLineProvider, name, { ...args, sid: args.sid, previous: undefined }, opts, DYNAMIC.module, DYNAMIC.name);
  }
}
