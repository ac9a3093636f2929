/**
 * Shared JSON Schema definitions. Each definition carries a `description` that the loader
 * reuses in its messages ("`25:00` is not a time of day, HH:MM from 00:00 to 23:59").
 */
import { DURATION_PATTERN } from '../../core/duration';
import { DATE_PATTERN, DATETIME_PATTERN, END_TIME_PATTERN, TIME_PATTERN, WEEKDAYS } from '../../core/clock';

export type JsonSchema = Record<string, unknown>;

const weekdayAlternatives = WEEKDAYS.join('|');

/** Ids name things in YAML, in resource names and in tags: short, lowercase, dash-separated. */
export const ID_PATTERN = '^[a-z][a-z0-9]*(-[a-z0-9]+)*$';

export const defs: Record<string, JsonSchema> = {
  id: {
    description: 'an id: lowercase letters, digits and single dashes, starting with a letter (e.g. `storefront`, `api-errors`)',
    type: 'string',
    pattern: ID_PATTERN,
    maxLength: 63,
    not: { enum: ['constructor', 'prototype'] },
  },
  rotationRef: {
    description: 'a rotation of this squad (`oncall`) or of another squad (`platform/primary`)',
    type: 'string',
    pattern: '^[a-z][a-z0-9]*(-[a-z0-9]+)*(/[a-z][a-z0-9]*(-[a-z0-9]+)*)?$',
    maxLength: 127,
  },
  text: { description: 'a line of text', type: 'string', minLength: 1, maxLength: 500 },
  duration: {
    description: 'a duration such as `30m`, `1h`, `1h30m`, `2w` (units w, d, h, m, s)',
    type: 'string',
    pattern: DURATION_PATTERN,
  },
  time: {
    description: 'a time of day, HH:MM from 00:00 to 23:59 (e.g. `09:00`)',
    type: 'string',
    pattern: TIME_PATTERN,
  },
  endTime: {
    description: 'a time of day, HH:MM from 00:00 to 24:00 (e.g. `18:00`)',
    type: 'string',
    pattern: END_TIME_PATTERN,
  },
  date: {
    description: 'an ISO date, YYYY-MM-DD (e.g. `2026-01-05`)',
    type: 'string',
    pattern: DATE_PATTERN,
  },
  dateTime: {
    description: "a date and time, `YYYY-MM-DD HH:MM` in the rotation's zone, or with an offset (`2026-12-24T18:00+01:00`)",
    type: 'string',
    pattern: DATETIME_PATTERN,
  },
  weekday: { description: 'a day of the week, `monday` … `sunday`', enum: [...WEEKDAYS] },
  days: {
    description:
      'days of the week: a list (`[saturday, sunday]`), a range (`monday-friday`), one day, `weekdays`, `weekend` or `every-day`',
    anyOf: [
      { type: 'array', items: { $ref: '#/$defs/weekday' }, minItems: 1, uniqueItems: true },
      {
        type: 'string',
        pattern: `^((${weekdayAlternatives})(-(${weekdayAlternatives}))?|weekdays|weekend|every-day)$`,
      },
    ],
  },
  handoff: {
    description: 'when shifts change hands: a time (`09:00`) or a weekday and a time (`monday 09:00`)',
    type: 'string',
    pattern: `^((${weekdayAlternatives}) )?([01][0-9]|2[0-3]):[0-5][0-9]$`,
  },
  timezone: {
    description: 'an IANA time zone such as `Europe/Paris`',
    type: 'string',
    minLength: 1,
    maxLength: 64,
  },
  email: {
    description: 'an e-mail address',
    type: 'string',
    pattern: '^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$',
    maxLength: 254,
  },
  phone: {
    description: 'a phone number in E.164 form, `+` then digits only (e.g. `+33639980101`)',
    type: 'string',
    pattern: '^\\+[1-9][0-9]{6,14}$',
  },
  url: {
    description: 'an http(s) URL',
    type: 'string',
    pattern: '^https?://[^\\s]+$',
    maxLength: 2048,
  },
  severity: { description: 'a severity, `P1` (most urgent) to `P5`', enum: ['P1', 'P2', 'P3', 'P4', 'P5'] },
  checkSeverity: { description: '`error`, `warning` or `off`', enum: ['error', 'warning', 'off'] },
  tag: {
    description: 'a tag, `key:value` or a bare word',
    type: 'string',
    pattern: '^[A-Za-z][A-Za-z0-9_./:-]*$',
    maxLength: 200,
  },
  window: {
    description: 'a weekly window: `days`, `from` and `to` (`to` at or before `from` ends the next day)',
    type: 'object',
    additionalProperties: false,
    required: ['days', 'from', 'to'],
    properties: {
      days: { $ref: '#/$defs/days' },
      from: { $ref: '#/$defs/time' },
      to: { $ref: '#/$defs/endTime' },
    },
  },
  coverage: {
    description: 'when a rotation is on duty: `always` (24/7), `business-hours`, `off-hours`, or a list of weekly windows',
    anyOf: [{ enum: ['always', 'business-hours', 'off-hours'] }, { type: 'array', items: { $ref: '#/$defs/window' }, minItems: 1 }],
  },
  retired: {
    description: 'marks an object as deliberately removed: the plan may delete what it provisioned',
    type: 'boolean',
  },
};

/** A schema document with the shared definitions that it (transitively) uses. */
export function schemaDocument(
  id: string,
  title: string,
  description: string,
  root: JsonSchema,
  extraDefs: Record<string, JsonSchema>,
): JsonSchema {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `https://oncall-as-code.dev/schemas/${id}.schema.json`,
    title,
    description,
    ...root,
    $defs: { ...defs, ...extraDefs },
  };
}
