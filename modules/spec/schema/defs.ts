/**
 * Shared JSON Schema definitions. Each definition carries a `description` that the loader
 * reuses in its messages ("`25:00` is not a time of day, HH:MM from 00:00 to 23:59").
 */
import { DURATION_PATTERN } from '../../core/duration';
import { editorsOnly } from './editor';
import { ZONE_NAMES } from './zone-names';
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
    patternErrorMessage:
      'not an id: use lowercase letters, digits and single dashes, starting with a letter (e.g. `storefront`, `api-errors`)',
    maxLength: 63,
    not: { enum: ['constructor', 'prototype'] },
  },
  rotationRef: {
    description: 'a rotation of this squad (`oncall`) or of another squad (`platform/primary`)',
    type: 'string',
    pattern: '^[a-z][a-z0-9]*(-[a-z0-9]+)*(/[a-z][a-z0-9]*(-[a-z0-9]+)*)?$',
    patternErrorMessage: "not a rotation: write its id (`oncall`) or, for another squad's, `squad/rotation` (`platform/primary`)",
    maxLength: 127,
  },
  text: { description: 'a line of text', type: 'string', minLength: 1, maxLength: 500 },
  duration: {
    description: 'a duration such as `30m`, `1h`, `1h30m`, `2w` (units w, d, h, m, s)',
    type: 'string',
    pattern: DURATION_PATTERN,
    patternErrorMessage: 'not a duration: write a number and a unit, such as `30m`, `1h`, `1h30m`, `2w` (units w, d, h, m, s)',
  },
  time: {
    description: 'a time of day, HH:MM from 00:00 to 23:59 (e.g. `09:00`)',
    type: 'string',
    pattern: TIME_PATTERN,
    patternErrorMessage: 'not a time of day: write HH:MM from 00:00 to 23:59 (e.g. `09:00`)',
  },
  endTime: {
    description: 'a time of day, HH:MM from 00:00 to 24:00 (e.g. `18:00`)',
    type: 'string',
    pattern: END_TIME_PATTERN,
    patternErrorMessage: 'not a time of day: write HH:MM from 00:00 to 24:00 (e.g. `18:00`)',
  },
  date: {
    description: 'an ISO date, YYYY-MM-DD (e.g. `2026-01-05`)',
    type: 'string',
    pattern: DATE_PATTERN,
    patternErrorMessage: 'not a date: write YYYY-MM-DD (e.g. `2026-01-05`)',
  },
  dateTime: {
    description: "a date and time, `YYYY-MM-DD HH:MM` in the rotation's zone, or with an offset (`2026-12-24T18:00+01:00`)",
    type: 'string',
    pattern: DATETIME_PATTERN,
    patternErrorMessage:
      'not a date and time: write `YYYY-MM-DD HH:MM` (e.g. `2026-12-24 18:00`), or with an offset (`2026-12-24T18:00+01:00`)',
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
        patternErrorMessage:
          'not days of the week: write one day (`monday`), a range (`monday-friday`), `weekdays`, `weekend` or `every-day`',
      },
    ],
  },
  handoff: {
    description: 'when shifts change hands: a time (`09:00`) or a weekday and a time (`monday 09:00`)',
    type: 'string',
    pattern: `^((${weekdayAlternatives}) )?([01][0-9]|2[0-3]):[0-5][0-9]$`,
    patternErrorMessage: 'not a handoff: write a time (`09:00`) or a weekday and a time (`monday 09:00`)',
  },
  timezone: {
    description: 'an IANA time zone such as `Europe/Paris`',
    type: 'string',
    minLength: 1,
    maxLength: 64,
    // The loader checks names itself, with a suggestion (modules/model/zones.ts); editors get the list.
    allOf: [
      editorsOnly({
        enum: [...ZONE_NAMES],
        errorMessage: 'not an IANA time zone: names are case-sensitive (`Europe/Paris`, `America/New_York`, `UTC`)',
      }),
    ],
  },
  email: {
    description: 'an e-mail address',
    type: 'string',
    pattern: '^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$',
    patternErrorMessage: 'not an e-mail address (e.g. `alice@example.com`)',
    maxLength: 254,
  },
  phone: {
    description: 'a phone number in E.164 form, `+` then digits only (e.g. `+33639980101`)',
    type: 'string',
    pattern: '^\\+[1-9][0-9]{6,14}$',
    patternErrorMessage: 'not a phone number in E.164 form: `+`, the country code, then the number, digits only (e.g. `+33639980101`)',
  },
  url: {
    description: 'an http(s) URL',
    type: 'string',
    pattern: '^https?://[^\\s]+$',
    patternErrorMessage: 'not an http(s) URL (e.g. `https://status.example.com`)',
    maxLength: 2048,
  },
  severity: { description: 'a severity, `P1` (most urgent) to `P5`', enum: ['P1', 'P2', 'P3', 'P4', 'P5'] },
  checkSeverity: { description: '`error`, `warning` or `off`', enum: ['error', 'warning', 'off'] },
  tag: {
    description: 'a tag, `key:value` or a bare word',
    type: 'string',
    pattern: '^[A-Za-z][A-Za-z0-9_./:-]*$',
    patternErrorMessage: 'not a tag: a letter, then letters, digits and `_ . / : -` (e.g. `tier:1`)',
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
