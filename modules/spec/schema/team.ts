import { schemaDocument, type JsonSchema } from './defs';
import { phoneSpeechProperties } from './phone-speech';
import { alert, alertsMap } from './alert';
import { snippets } from './editor';
import { ESCALATION_SNIPPETS, ROTATION_SNIPPETS, SERVICE_SNIPPETS } from './snippets';

const personList: JsonSchema = {
  type: 'array',
  items: { $ref: '#/$defs/id' },
  minItems: 1,
  uniqueItems: true,
};

const override: JsonSchema = {
  description: 'someone covers a rotation for a dated period, whoever was due',
  type: 'object',
  additionalProperties: false,
  required: ['person', 'start', 'end'],
  properties: {
    person: { $ref: '#/$defs/id', description: 'who is on call instead' },
    start: { $ref: '#/$defs/dateTime', description: "from (inclusive), in the rotation's zone unless an offset is given" },
    end: { $ref: '#/$defs/dateTime', description: 'until (exclusive)' },
    replaces: {
      $ref: '#/$defs/id',
      description:
        'whom it replaces: checked to be on call (after swaps) for the whole override, so a roster change cannot move it silently',
    },
    reason: { $ref: '#/$defs/text', description: 'why, shown in the roster and calendars' },
  },
};

const swapSpan: JsonSchema = {
  description: 'a stretch of hours one side gives: from `start` (inclusive) to `end` (exclusive)',
  type: 'object',
  additionalProperties: false,
  required: ['start', 'end'],
  properties: {
    start: { $ref: '#/$defs/dateTime', description: "from (inclusive), in the rotation's zone unless an offset is given" },
    end: { $ref: '#/$defs/dateTime', description: 'until (exclusive)' },
  },
};

const swap: JsonSchema = {
  description:
    'two people exchange time on call, written with one of `shifts` (whole turns), `days` or `spans`: the first person gives the first entry to the second person, and the second person gives the second entry to the first',
  type: 'object',
  additionalProperties: false,
  required: ['between'],
  properties: {
    between: { type: 'array', items: { $ref: '#/$defs/id' }, minItems: 2, maxItems: 2, description: 'the two people, `[a, b]`' },
    shifts: {
      type: 'array',
      items: { $ref: '#/$defs/date' },
      minItems: 2,
      maxItems: 2,
      description: "whole turns: start dates of a's shift and of b's shift",
    },
    days: {
      type: 'array',
      items: { $ref: '#/$defs/date' },
      minItems: 2,
      maxItems: 2,
      description: "a's day and b's day; a day runs from the handoff time on that date to the handoff time the next day",
    },
    spans: {
      type: 'array',
      items: swapSpan,
      minItems: 2,
      maxItems: 2,
      description: "a's span and b's span, `{ start, end }` each; they may differ in length",
    },
    reason: { $ref: '#/$defs/text', description: 'why, shown in the roster and in the calendar of whoever takes the time' },
  },
};

const rosterChange: JsonSchema = {
  description: 'a new order of members, starting with its first member at the first handoff on or after `from`',
  type: 'object',
  additionalProperties: false,
  required: ['from', 'members'],
  properties: {
    from: { $ref: '#/$defs/date', description: 'the new order applies from the first handoff on or after this date' },
    members: { ...personList, description: 'the new order of turns' },
  },
};

const rotation: JsonSchema = {
  description: 'people taking turns to be on call',
  type: 'object',
  additionalProperties: false,
  properties: {
    name: { $ref: '#/$defs/text', description: 'display name; default: the id' },
    members: { ...personList, description: 'the order of turns' },
    start: { $ref: '#/$defs/date', description: "the date of the first member's first handoff" },
    every: { $ref: '#/$defs/duration', description: 'turn length in hours, days or weeks; default `defaults.every`' },
    handoff: { $ref: '#/$defs/handoff', description: 'default `defaults.handoff`' },
    timezone: { $ref: '#/$defs/timezone', description: 'default `defaults.timezone`' },
    coverage: { $ref: '#/$defs/coverage', description: 'default `always`' },
    follows: {
      $ref: '#/$defs/id',
      description: 'copy members, start, turn, handoff, zone and coverage from another rotation of the squad',
    },
    offset: { type: 'integer', minimum: 1, maximum: 100, description: 'with `follows`: turns ahead; default 1' },
    changes: {
      type: 'array',
      items: rosterChange,
      description: 'later orders of members; who is on call before each change is unchanged',
    },
    overrides: { type: 'array', items: override, description: 'dated replacements of whoever is due' },
    swaps: { type: 'array', items: swap, description: 'whole shifts, days or spans of hours exchanged between two people' },
    retired: { $ref: '#/$defs/retired' },
  },
  ...snippets(...ROTATION_SNIPPETS),
};

const target: JsonSchema = {
  description: "`on-call` (the rotation the routing chose), `manager` (the squad's manager), `{rotation: id}` or `{person: id}`",
  anyOf: [
    { enum: ['on-call', 'manager'] },
    {
      type: 'object',
      additionalProperties: false,
      minProperties: 1,
      maxProperties: 1,
      properties: { rotation: { $ref: '#/$defs/rotationRef' }, person: { $ref: '#/$defs/id' } },
    },
  ],
};

const escalation: JsonSchema = {
  description: 'who is notified, in order, until someone acknowledges',
  type: 'object',
  additionalProperties: false,
  required: ['steps'],
  properties: {
    name: { $ref: '#/$defs/text', description: 'display name; default: the id' },
    responseTarget: { $ref: '#/$defs/duration', description: 'default `defaults.responseTarget`' },
    repeat: { type: 'integer', minimum: 0, maximum: 9, description: 'times the whole chain runs again; default 0' },
    steps: {
      description: 'in order of `after`',
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['notify'],
        properties: {
          after: { $ref: '#/$defs/duration', description: 'time since the alert; default `0m`' },
          notify: {
            description: 'one target or a list of targets notified together',
            anyOf: [{ $ref: '#/$defs/target' }, { type: 'array', items: { $ref: '#/$defs/target' }, minItems: 1 }],
          },
        },
      },
    },
    retired: { $ref: '#/$defs/retired' },
  },
  ...snippets(...ESCALATION_SNIPPETS),
};

const routingRule: JsonSchema = {
  description: 'which rotation is `on-call` and which policy applies, by time; the last rule has no `during`',
  type: 'object',
  additionalProperties: false,
  required: ['rotation'],
  properties: {
    during: { $ref: '#/$defs/coverage', description: "when this rule applies, in the rotation's zone; absent on the last rule" },
    rotation: {
      $ref: '#/$defs/rotationRef',
      description:
        "the rotation `on-call` means under this rule: the squad's (`oncall`) or another squad's, such as a pool's (`technicians/primary`)",
    },
    escalation: { $ref: '#/$defs/id', description: "default: the squad's only escalation policy" },
    urgency: { enum: ['high', 'low'], description: 'default `high`' },
  },
};

const service: JsonSchema = {
  description: 'something the squad owns and watches',
  type: 'object',
  additionalProperties: false,
  properties: {
    name: { $ref: '#/$defs/text', description: 'display name; default: the id' },
    description: { type: 'string', maxLength: 4000, description: 'what it is, for the catalog' },
    coverage: {
      $ref: '#/$defs/coverage',
      description:
        "the service's promise: when its alerts page (`always`, `business-hours`, `off-hours` or weekly windows, in `timezone`); default: as the squad's routing, 24/7",
    },
    timezone: { $ref: '#/$defs/timezone', description: 'zone in which `coverage` is read; default `defaults.timezone`' },
    responseTarget: {
      $ref: '#/$defs/duration',
      description: 'the response time promised (GTI `1h`, `4h`); default: that of its `escalation` policy',
    },
    escalation: { $ref: '#/$defs/id', description: "the squad's escalation policy that pages for it; default: the squad's routing" },
    outsideCoverage: {
      enum: ['none', 'low'],
      description: 'outside `coverage`: `none` (default) pages nobody, `low` pages at low urgency',
    },
    statusPage: {
      description: 'customer-facing: the component name on the status page, or `{name, group}`',
      anyOf: [
        { $ref: '#/$defs/text' },
        {
          type: 'object',
          additionalProperties: false,
          required: ['name'],
          properties: { name: { $ref: '#/$defs/text' }, group: { $ref: '#/$defs/text' } },
        },
      ],
    },
    retired: { $ref: '#/$defs/retired' },
  },
  ...snippets(...SERVICE_SNIPPETS),
};

const phone: JsonSchema = {
  description: "the squad's on-call phone line: an existing Twilio number forwarded to whoever is on call",
  type: 'object',
  additionalProperties: false,
  required: ['number'],
  properties: {
    number: { $ref: '#/$defs/phone', description: 'the Twilio number, E.164' },
    sid: {
      type: 'string',
      pattern: '^PN[0-9a-f]{32}$',
      patternErrorMessage: 'not a Twilio number SID: `PN` and 32 lowercase hexadecimal digits',
      description: 'the Twilio number SID, when known',
    },
    router: { $ref: '#/$defs/url', description: 'primary router base URL; default `phone.router` of org.yaml' },
    fallback: { $ref: '#/$defs/url', description: 'fallback router base URL; default `phone.fallback` of org.yaml' },
    ...phoneSpeechProperties('team'),
    retired: { $ref: '#/$defs/retired' },
  },
};

const unavailability: JsonSchema = {
  description: 'a person cannot be on call between two dates, inclusive',
  type: 'object',
  additionalProperties: false,
  required: ['person', 'from', 'to'],
  properties: {
    person: { $ref: '#/$defs/id', description: 'who is away' },
    from: { $ref: '#/$defs/date', description: 'first day away' },
    to: { $ref: '#/$defs/date', description: 'last day away (inclusive)' },
    reason: { $ref: '#/$defs/text', description: 'shown in the roster' },
  },
};

export const teamSchema = schemaDocument(
  'team',
  'oncall-as-code squad',
  'teams/<squad>/team.yaml: a squad, its rotations, escalation, routing, services, alerts and phone line',
  {
    type: 'object',
    additionalProperties: false,
    required: ['name', 'members'],
    properties: {
      name: { $ref: '#/$defs/text', description: "the squad's display name; its id is its folder name" },
      description: { type: 'string', maxLength: 4000, description: 'what the squad looks after' },
      manager: { $ref: '#/$defs/id', description: "the squad's manager, a person id; `manager` in escalations" },
      members: { ...personList, description: 'the people of the squad' },
      rotations: {
        description: "rotations by id; with several, they are the layers of the squad's on-call (primary, secondary…)",
        type: 'object',
        propertyNames: { $ref: '#/$defs/id' },
        additionalProperties: rotation,
      },
      escalations: {
        description: 'escalation policies by id',
        type: 'object',
        propertyNames: { $ref: '#/$defs/id' },
        additionalProperties: escalation,
      },
      routing: {
        description:
          "ordered rules; the first matching applies. Default: the squad's first rotation (with none of its own, the first rotation its policy names) and its only policy, always",
        type: 'array',
        items: routingRule,
        minItems: 1,
      },
      services: {
        description: 'services owned by the squad, by id (unique across the organisation)',
        type: 'object',
        propertyNames: { $ref: '#/$defs/id' },
        additionalProperties: service,
      },
      alerts: alertsMap,
      phone,
      intake: {
        description: 'ways alerts reach the squad besides monitors',
        type: 'object',
        additionalProperties: false,
        properties: {
          email: { type: 'boolean', description: 'alerts can also be raised by e-mail (customers, internal services); default false' },
        },
      },
      unavailable: {
        type: 'array',
        items: unavailability,
        description: 'people of the squad away: being on call then is an error',
      },
      retired: { $ref: '#/$defs/retired' },
    },
  },
  { alert, target },
);

export const alertsFileSchema = schemaDocument(
  'alerts',
  'oncall-as-code alerts',
  'teams/<squad>/alerts/*.yaml: more alerts of the squad, for squads with many',
  {
    type: 'object',
    additionalProperties: false,
    required: ['alerts'],
    properties: { alerts: alertsMap },
  },
  { alert },
);
