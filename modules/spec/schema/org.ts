import { schemaDocument, type JsonSchema } from './defs';
import { phoneSpeechProperties } from './phone-speech';
import { NOTIFY_DEFS, PERSON_NOTIFY_PROPERTIES } from './notify';

const person: JsonSchema = {
  description: 'a person who can be on call, manage a squad or be notified',
  type: 'object',
  additionalProperties: false,
  required: ['name', 'email'],
  properties: {
    name: { $ref: '#/$defs/text', description: 'full name' },
    email: { $ref: '#/$defs/email', description: 'work e-mail; backends find the user by it, so it is unique' },
    timezone: { $ref: '#/$defs/timezone', description: "the person's zone; default: `defaults.timezone`" },
    phone: {
      $ref: '#/$defs/phone',
      description:
        "sensitive: used only to ring the person (router, provider user); masked in every other output. May instead come from the router's secrets file",
    },
    ...PERSON_NOTIFY_PROPERTIES,
  },
};

const holiday: JsonSchema = {
  description: 'a dated holiday: reported in rosters and compensation; non-business hours where `offHours` is on',
  type: 'object',
  additionalProperties: false,
  required: ['date', 'name'],
  properties: {
    date: { $ref: '#/$defs/date', description: 'the day' },
    name: { $ref: '#/$defs/text', description: 'its name' },
  },
};

const holidayCalendar: JsonSchema = {
  description: "the organisation's public holidays: a country's (and region's) from the `date-holidays` library, plus dated ones",
  type: 'object',
  additionalProperties: false,
  properties: {
    country: {
      type: 'string',
      minLength: 1,
      description: 'ISO 3166-1 country code (`FR`, `DE`, `US`): its public holidays, every year',
    },
    region: {
      type: 'string',
      minLength: 1,
      description: "the country's state or region as `date-holidays` names it (`67` for Bas-Rhin, `BY` for Bavaria): its holidays too",
    },
    extra: { description: 'more holidays, by date', type: 'array', items: { $ref: '#/$defs/holiday' } },
    offHours: {
      type: 'boolean',
      description:
        'public holidays are non-business hours, all day in the zone each window is read in: `business-hours` windows are empty and `off-hours` windows cover the whole day (rotation coverage, routing `during`, promises); custom windows are unchanged. Default `false`: holidays are only reported',
    },
  },
};

const defaultsSection: JsonSchema = {
  description: 'values used wherever a team file leaves them out',
  type: 'object',
  additionalProperties: false,
  properties: {
    timezone: { $ref: '#/$defs/timezone', description: 'zone of rotations and people; default `UTC`' },
    every: { $ref: '#/$defs/duration', description: 'turn length of rotations; default `1w`' },
    handoff: { $ref: '#/$defs/handoff', description: 'handoff of rotations; default `monday 09:00`' },
    businessHours: {
      $ref: '#/$defs/window',
      description: "the organisation's business hours, in each rotation's zone; default Monday–Friday 09:00–18:00",
    },
    responseTarget: {
      $ref: '#/$defs/duration',
      description: 'time within which someone must be working on a page; default `1h`',
    },
    notify: {
      $ref: '#/$defs/notify',
      description:
        "how people without a `notify` of their own are reached; default: none (the backend's rules for each user are left as they are)",
    },
  },
};

const phoneDefaults: JsonSchema = {
  description: "the router hosts every squad's phone line points at, and how the lines speak, unless the squad says otherwise",
  type: 'object',
  additionalProperties: false,
  properties: {
    router: { $ref: '#/$defs/url', description: 'primary router base URL (first host)' },
    fallback: { $ref: '#/$defs/url', description: 'fallback router base URL (second, independent host)' },
    ...phoneSpeechProperties('org'),
  },
};

const readiness: JsonSchema = {
  description: 'production-readiness settings for alerts',
  type: 'object',
  additionalProperties: false,
  properties: {
    runbookSections: {
      description: 'headings a markdown runbook must have; default `Trigger`, `Resolution`, `Expected time`',
      type: 'array',
      items: { $ref: '#/$defs/text' },
      uniqueItems: true,
    },
    runbookBaseUrl: {
      $ref: '#/$defs/url',
      description:
        'where the markdown runbooks of teams/ are browsed (`https://git.example/oncall/blob/main/teams/`); alert messages link there',
    },
    pagingSeverities: {
      description: 'severities that page a person; default P1, P2 and P3',
      type: 'array',
      items: { $ref: '#/$defs/severity' },
      uniqueItems: true,
    },
    checks: {
      description: 'severity of each readiness check by name (`alert/runbook: warning`), or `off`',
      type: 'object',
      propertyNames: {
        pattern: '^[a-z]+/[a-z0-9-]+$',
        patternErrorMessage: 'not a readiness check: write its name, such as `alert/runbook`',
      },
      additionalProperties: { $ref: '#/$defs/checkSeverity' },
    },
  },
};

const fairness: JsonSchema = {
  description: 'on-call load balance',
  type: 'object',
  additionalProperties: false,
  properties: {
    maxAboveMean: {
      description: "warn when a person carries more than this percentage above the squad's mean on-call hours; default 50",
      type: 'number',
      minimum: 0,
      maximum: 1000,
    },
  },
};

const reports: JsonSchema = {
  description: 'operations reports read from the paging backend (`oncall report incidents`, `oncall readiness` with a history)',
  type: 'object',
  additionalProperties: false,
  properties: {
    intervention: {
      enum: ['acknowledge-to-resolve', 'page-to-resolve'],
      description:
        'how intervention hours are counted for the person who acknowledged a page: from the acknowledgement (default) or from the page, to its resolution',
    },
    noisy: {
      description: 'an alert that pages more than `pages` times in `days` days is noisy (`alert/noisy`); default 10 in 30',
      type: 'object',
      additionalProperties: false,
      properties: {
        pages: { type: 'integer', minimum: 1, maximum: 100000, description: 'pages allowed in the window; default 10' },
        days: { type: 'integer', minimum: 1, maximum: 366, description: 'length of the window in days, up to now; default 30' },
      },
    },
  },
};

export const orgSchema = schemaDocument(
  'org',
  'oncall-as-code organisation',
  'teams/org.yaml: the people directory, organisation defaults, public holidays and readiness settings',
  {
    type: 'object',
    additionalProperties: false,
    required: ['name', 'people'],
    properties: {
      name: { $ref: '#/$defs/text', description: "the organisation's name" },
      defaults: defaultsSection,
      phone: phoneDefaults,
      people: {
        description: 'everyone who appears in a squad, rotation or escalation, by id',
        type: 'object',
        propertyNames: { $ref: '#/$defs/id' },
        additionalProperties: { $ref: '#/$defs/person' },
        minProperties: 1,
      },
      holidays: {
        description: 'public holidays: a list of dated holidays, or a country (and region) with `extra` dates and `offHours`',
        anyOf: [{ type: 'array', items: { $ref: '#/$defs/holiday' } }, { $ref: '#/$defs/holidayCalendar' }],
      },
      statusPage: {
        description: 'the customer-facing status page: one component per service with a `statusPage` name',
        type: 'object',
        additionalProperties: false,
        properties: {
          name: { $ref: '#/$defs/text', description: "default: the organisation's name" },
          domainPrefix: {
            type: 'string',
            pattern: '^[a-z0-9][a-z0-9-]*$',
            patternErrorMessage: 'not an address prefix: lowercase letters, digits and dashes (`acme`)',
            maxLength: 63,
            description: "the page's address prefix; default: the organisation's name in lowercase",
          },
          type: { enum: ['public', 'internal'], description: 'default `public`' },
        },
      },
      readiness,
      fairness,
      reports,
    },
  },
  { person, holiday, holidayCalendar, ...NOTIFY_DEFS },
);
