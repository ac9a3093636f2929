/** How a person is reached when paged: contact methods per urgency, at once or after a delay. */
import type { JsonSchema } from './defs';

export const NOTIFY_METHODS = ['call', 'sms', 'push', 'email'] as const;

const notify: JsonSchema = {
  description:
    'contact methods per urgency. Each entry is a method (`call`, `sms`, `push`, `email`) at once, or `{ method: delay }` after that delay since the page (`{ push: 10m }`)',
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: {
    high: { $ref: '#/$defs/notifyRules', description: 'high-urgency pages (every page on Opsgenie)' },
    low: { $ref: '#/$defs/notifyRules', description: 'low-urgency pages (routing `urgency: low`)' },
  },
};

const notifyRules: JsonSchema = {
  description: 'the contact methods of one urgency, each at once or after a delay',
  type: 'array',
  minItems: 1,
  items: { $ref: '#/$defs/notifyRule' },
};

const notifyMethod: JsonSchema = {
  description: "`call` and `sms` use the person's `phone`, `push` their `pushDevice`, `email` their `email`",
  enum: [...NOTIFY_METHODS],
};

const notifyRule: JsonSchema = {
  description: 'a contact method at once (`sms`), or after a delay since the page in whole minutes (`{ sms: 5m }`)',
  anyOf: [
    { $ref: '#/$defs/notifyMethod' },
    {
      type: 'object',
      additionalProperties: false,
      minProperties: 1,
      maxProperties: 1,
      properties: Object.fromEntries(
        NOTIFY_METHODS.map((m) => [m, { $ref: '#/$defs/duration', description: `${m} after this delay since the page` }]),
      ),
    },
  ],
};

/** The definitions org.schema.json adds for `notify`. */
export const NOTIFY_DEFS = { notify, notifyRules, notifyMethod, notifyRule };

/** The keys a person gains: `notify` and the push device its rules point at. */
export const PERSON_NOTIFY_PROPERTIES: Record<string, JsonSchema> = {
  notify: {
    $ref: '#/$defs/notify',
    description:
      "how the person is reached when paged, per urgency; default `defaults.notify`, else the backend's rules for the user are left as they are",
  },
  pushDevice: {
    $ref: '#/$defs/text',
    description:
      "the name the backend's mobile app gave the person's phone when they signed in on it (e.g. `Pixel 8`): `push` rules point at that device, which only the app can register",
  },
};
