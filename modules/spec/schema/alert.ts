import type { JsonSchema } from './defs';
import { editorsOnly, snippets } from './editor';
import { ALERT_SNIPPETS } from './snippets';

const threshold: JsonSchema = {
  description: 'a comparison and a number, e.g. `> 5`, `>= 0.99`, `< 14`',
  type: 'string',
  pattern: '^(>|>=|<|<=) ?-?[0-9]+(\\.[0-9]+)?$',
  patternErrorMessage: 'not a threshold: write a comparison (`>`, `>=`, `<`, `<=`) and a number, e.g. `> 5`, `>= 0.99`',
};

const request: JsonSchema = {
  description: 'an HTTP request',
  type: 'object',
  additionalProperties: false,
  required: ['url'],
  properties: {
    method: { enum: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'], description: 'default `GET`' },
    url: { $ref: '#/$defs/url' },
    headers: {
      description: 'request headers, `Name: value`',
      type: 'object',
      propertyNames: { pattern: '^[A-Za-z0-9-]+$', patternErrorMessage: 'not a header name: letters, digits and dashes (`X-Api-Key`)' },
      additionalProperties: { type: 'string', maxLength: 2000 },
    },
    body: { type: 'string', maxLength: 100000, description: 'request body' },
  },
};

const expectation: JsonSchema = {
  description: 'what the response must look like',
  type: 'object',
  additionalProperties: false,
  properties: {
    status: { type: 'integer', minimum: 100, maximum: 599, description: 'default 200' },
    bodyContains: { type: 'string', minLength: 1, maxLength: 1000, description: 'text the body must contain' },
    maxResponseTime: { $ref: '#/$defs/duration', description: 'slowest acceptable answer' },
  },
};

const step: JsonSchema = {
  description: 'one request of a multi-step check',
  type: 'object',
  additionalProperties: false,
  required: ['name', 'request'],
  properties: {
    name: { $ref: '#/$defs/text', description: 'what this step does' },
    request,
    expect: expectation,
    extract: {
      description: 'variables taken from the JSON response for later steps: `name: $.json.path`',
      type: 'object',
      propertyNames: {
        pattern: '^[A-Z][A-Z0-9_]*$',
        patternErrorMessage: 'not a variable name: capitals, digits and `_`, starting with a capital (`TOKEN`)',
      },
      additionalProperties: { type: 'string', pattern: '^\\$', patternErrorMessage: 'not a JSON path: start with `$` (`$.token`)' },
    },
  },
};

const slo: JsonSchema = {
  description: 'a service level objective measured as good events over total events',
  type: 'object',
  additionalProperties: false,
  required: ['target', 'good', 'total'],
  properties: {
    target: { type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 100, description: 'percent, e.g. 99.9' },
    window: { enum: ['7d', '30d', '90d'], description: 'default `30d`' },
    good: { type: 'string', minLength: 1, maxLength: 4000, description: 'query counting good events' },
    total: { type: 'string', minLength: 1, maxLength: 4000, description: 'query counting all events' },
  },
};

const silence: JsonSchema = {
  description: 'a readiness finding accepted for this alert until a date',
  type: 'object',
  additionalProperties: false,
  required: ['check', 'reason', 'until'],
  properties: {
    check: {
      type: 'string',
      pattern: '^[a-z]+/[a-z0-9-]+$',
      patternErrorMessage: 'not a readiness check: write its name, such as `alert/runbook`',
      description: 'the readiness check, such as `alert/runbook`',
    },
    reason: { $ref: '#/$defs/text', description: 'why it is acceptable for now' },
    until: { $ref: '#/$defs/date', description: 'the last day it is silenced' },
  },
};

/**
 * The fields only some kinds take; the loader reads this table too (modules/model/alert-kinds.ts KIND_FIELDS).
 * Editors flag the others; the loader reports them as `alert/field-not-for-kind`.
 */
export const ALERT_KIND_FIELDS: Record<string, readonly string[]> = {
  metric: ['query', 'window', 'thresholds', 'noData'],
  log: ['query', 'window', 'thresholds', 'noData'],
  // A service check counts check runs (`thresholds`), not time: no `window`.
  'service-check': ['query', 'thresholds', 'noData'],
  'http-check': ['request', 'expect', 'every', 'locations'],
  'multistep-check': ['steps', 'every', 'locations'],
  slo: ['slo'],
};

/** For each kind, the fields of other kinds refused with the loader's words. */
function fieldsOfOtherKinds(): JsonSchema[] {
  const kinds = Object.keys(ALERT_KIND_FIELDS);
  const specific = [...new Set(Object.values(ALERT_KIND_FIELDS).flat())];
  return kinds.map((kind) => {
    const refused = specific.filter((f) => !ALERT_KIND_FIELDS[kind]?.includes(f));
    return editorsOnly({
      if: { properties: { kind: { const: kind } }, required: ['kind'] },
      then: {
        allOf: refused.map((field) => {
          const owners = kinds.filter((k) => ALERT_KIND_FIELDS[k]?.includes(field));
          return {
            properties: { [field]: false },
            errorMessage: `\`${field}\` does not apply to kind \`${kind}\` (only to ${owners.map((k) => `\`${k}\``).join(', ')})`,
          };
        }),
      },
    });
  });
}

const kindRequirements: Array<[string, string[]]> = [
  ['metric', ['query', 'thresholds']],
  ['log', ['query', 'thresholds']],
  ['service-check', ['query', 'thresholds']],
  ['http-check', ['request']],
  ['multistep-check', ['steps']],
  ['slo', ['slo']],
];

export const alert: JsonSchema = {
  description: 'an alert: what is watched, how urgent it is, whom it pages and how to resolve it',
  type: 'object',
  additionalProperties: false,
  required: ['title', 'severity', 'kind'],
  properties: {
    title: { $ref: '#/$defs/text', description: 'what is wrong, in words; the monitor name adds service and squad' },
    service: { $ref: '#/$defs/id', description: "the service it watches; default: the squad's only service" },
    severity: { $ref: '#/$defs/severity', description: 'P1 (most urgent) to P5; sets priority and, by default, whether it pages' },
    kind: {
      description: 'what is watched',
      enum: kindRequirements.map(([k]) => k),
    },
    description: { type: 'string', maxLength: 4000, description: 'a summary for the message and the catalog' },
    query: {
      type: 'string',
      minLength: 1,
      maxLength: 4000,
      description:
        'what is watched, without window or comparison: a metric query (`metric`), a log search (`log`), a check name or `"check".over(…)` (`service-check`)',
    },
    window: {
      $ref: '#/$defs/duration',
      description: 'evaluation window of a `metric` or `log` alert (a log alert: 48h at most); default `5m`',
    },
    thresholds: {
      description: 'when it triggers: `critical` and optionally `warning`, in the same direction',
      type: 'object',
      additionalProperties: false,
      required: ['critical'],
      properties: { critical: threshold, warning: threshold },
    },
    request: { ...request, description: 'the request of an http-check' },
    expect: { ...expectation, description: 'what the response of an http-check must look like' },
    steps: { type: 'array', items: step, minItems: 1, maxItems: 20, description: 'the requests of a multistep-check, in order' },
    every: { $ref: '#/$defs/duration', description: 'check frequency; default `5m`' },
    locations: {
      type: 'array',
      items: { type: 'string', minLength: 1 },
      uniqueItems: true,
      description: 'where checks run from (backend location names, such as `aws:eu-west-3`)',
    },
    slo: { ...slo, description: 'the objective of an `slo` alert' },
    runbook: {
      description: 'the operating procedure: a markdown file of the squad (`runbooks/x.md`) or an https URL',
      type: 'string',
      minLength: 1,
      maxLength: 2048,
    },
    dashboards: { type: 'array', items: { $ref: '#/$defs/url' }, description: 'links put in the alert message' },
    tags: {
      type: 'array',
      items: { $ref: '#/$defs/tag' },
      uniqueItems: true,
      description: 'extra tags; team, service, severity and id tags are added',
    },
    page: { type: 'boolean', description: 'whether it pages a person; default by severity (readiness.pagingSeverities)' },
    escalation: { $ref: '#/$defs/id', description: "escalation policy; default: the squad's routing" },
    notify: {
      description: 'extra notification handles such as `@slack-storefront`',
      type: 'array',
      items: {
        type: 'string',
        pattern: '^@[A-Za-z0-9_.-]+$',
        patternErrorMessage: 'not a notification handle: `@` then letters, digits, `_ . -` (`@slack-storefront`)',
      },
      uniqueItems: true,
    },
    renotify: { $ref: '#/$defs/duration', description: 'renotify while unresolved' },
    noData: { $ref: '#/$defs/duration', description: 'alert when there is no data for this long' },
    silence: { type: 'array', items: silence, description: 'readiness findings accepted for this alert, each until a date' },
    retired: { $ref: '#/$defs/retired' },
  },
  allOf: [
    ...kindRequirements.map(([kind, required]) => ({
      if: { properties: { kind: { const: kind } }, required: ['kind'] },
      then: { required },
    })),
    ...fieldsOfOtherKinds(),
  ],
  ...snippets(...ALERT_SNIPPETS),
};

export const alertsMap: JsonSchema = {
  description: 'alerts by id (ids are unique across the organisation)',
  type: 'object',
  propertyNames: { $ref: '#/$defs/id' },
  additionalProperties: { $ref: '#/$defs/alert' },
};
