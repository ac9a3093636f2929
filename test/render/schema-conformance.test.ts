import { describe, expect, it } from 'vitest';
import { loadOrganisation } from '../../modules/model/load';
import { renderStack } from '../../modules/render/stack';
import { fixtureTree, NOW } from '../helpers';
import { checkInputs, loadProviderSchema } from './provider-schema';

const org = loadOrganisation(fixtureTree()).organisation!;

describe('rendered inputs conform to the published provider schemas', () => {
  it.each([
    ['opsgenie', 'opsgenie-1.4.1.schema.json', 'opsgenie:'],
    ['pagerduty', 'pagerduty-3.4.0.schema.json', 'pagerduty:'],
  ] as const)('every %s input of the example passes the schema', (backend, file, prefix) => {
    const schema = loadProviderSchema(file);
    const state = renderStack(org, { now: NOW, name: 'test', backend });
    const own = state.resources.filter((r) => r.type.startsWith(prefix));
    expect(own.length).toBeGreaterThan(20);
    const errors = own.flatMap((r) => checkInputs(schema, r.type, r.inputs, r.name));
    expect(errors).toEqual([]);
  });

  it('the checker itself catches a wrong name, a missing required input and a wrong type', () => {
    const schema = loadProviderSchema('opsgenie-1.4.1.schema.json');
    const errors = checkInputs(
      schema,
      'opsgenie:index/scheduleRotation:ScheduleRotation',
      { scheduleId: 'x', type: 'weekly', startDate: '2026-01-05T09:00:00+01:00', participant: [], length: '1' },
      'r',
    );
    expect(errors).toEqual(
      expect.arrayContaining([
        'r: missing required `participants`',
        'r: unknown input `participant`',
        'r.length: expected an integer, got "1"',
      ]),
    );
  });

  it('opsgenie dates are UTC with a literal Z and minutes 0 or 30', () => {
    // terraform-provider-opsgenie v0.6.40 opsgenie/util.go validateDateWithMinutes parses with the Go layout
    // "2006-01-02T15:04:05Z", where Z is a literal: `…T09:00:00+01:00` fails at preview. Overrides (REST) take
    // RFC 3339 date-times (opsgenie-oas definitions/scheduleOverride.yaml), of which this is one.
    const state = renderStack(org, { now: NOW, name: 'test', backend: 'opsgenie' });
    const dates = state.resources.flatMap((r) => [r.inputs.startDate, r.inputs.endDate]).filter((d): d is string => typeof d === 'string');
    expect(dates.length).toBeGreaterThan(5);
    for (const d of dates) expect(d).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:(00|30):00Z$/);
  });
});
