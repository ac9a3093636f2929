/**
 * Every resource an Opsgenie stack renders passes the provider's own rules (terraform-provider-opsgenie
 * v0.6.40 as bound by pulumi-opsgenie 1.4.1) and reads back as planned: no violation, an empty second plan.
 * Over the tests' organisation and over small squads made for one shape each.
 */
import { describe, expect, it } from 'vitest';
import { loadOrganisation } from '../../../modules/model/load';
import type { DesiredResource } from '../../../modules/render/desired';
import { renderStack } from '../../../modules/render/stack';
import { fixtureTree, NOW, withFiles } from '../../helpers';
import { checkPlan, contractsOf } from '../contract';
import { opsgenieContracts } from './index';

const contracts = contractsOf(opsgenieContracts);
const isOpsgenie = (r: DesiredResource): boolean =>
  r.type.startsWith('opsgenie:') || r.type === 'pulumi-nodejs:dynamic/opsgenie:ScheduleOverride';

function opsgenieResources(files: Record<string, string> = {}, now = NOW): DesiredResource[] {
  const loaded = loadOrganisation(withFiles(files, fixtureTree()));
  expect(loaded.problems.filter((p) => p.severity === 'error')).toEqual([]);
  return renderStack(loaded.organisation!, { now, name: 'contracts', backend: 'opsgenie' }).resources.filter(isOpsgenie);
}

/** A squad `lab` with the given rotations, escalations and routing (YAML bodies, indented by the caller). */
function lab(body: string): Record<string, string> {
  return {
    'lab/team.yaml': `name: Lab
manager: manon
members: [alice, bruno, chloe]
${body}`,
  };
}

const ONE_POLICY = `
escalations:
  main:
    steps:
      - notify: on-call
      - after: 30m
        notify: manager
`;

const rotation = (id: string, extra: string): string => `
rotations:
  ${id}:
    members: [alice, bruno, chloe]
    start: 2026-01-05
${extra}
${ONE_POLICY}`;

const CASES: Array<[string, Record<string, string>]> = [
  ['always (24/7)', lab(rotation('always', ''))],
  ['business hours', lab(rotation('day', '    coverage: business-hours'))],
  ['off hours', lab(rotation('night', '    coverage: off-hours'))],
  [
    'one window every day',
    lab(rotation('daytime', '    every: 1d\n    handoff: "08:00"\n    coverage: [{ days: every-day, from: "08:00", to: "20:00" }]')),
  ],
  [
    'one window every day across midnight',
    lab(rotation('overnight', '    every: 1d\n    handoff: "22:00"\n    coverage: [{ days: every-day, from: "22:00", to: "06:00" }]')),
  ],
  [
    'weekday windows',
    lab(
      rotation(
        'mixed',
        '    coverage: [{ days: monday-friday, from: "10:00", to: "16:00" }, { days: saturday, from: "10:00", to: "12:30" }]',
      ),
    ),
  ],
  ['weekday windows across midnight', lab(rotation('fridays', '    coverage: [{ days: [friday, saturday], from: "20:00", to: "02:00" }]'))],
  ['daily handoffs across both daylight-saving changes', lab(rotation('dst', '    every: 1d\n    handoff: "02:30"'))],
  ['hourly turns', lab(rotation('hourly', '    every: 8h\n    handoff: "06:00"\n    timezone: UTC'))],
  ['daily turns', lab(rotation('daily', '    every: 2d\n    handoff: "07:30"\n    timezone: America/New_York'))],
  ['weekly turns', lab(rotation('weekly', '    every: 2w\n    handoff: monday 10:30'))],
  [
    'roster changes, overrides and swaps in the past and the future',
    lab(
      rotation(
        'changing',
        `    changes:
      - { from: 2025-06-02, members: [bruno, chloe, alice] }
      - { from: 2026-06-01, members: [chloe, alice] }
    overrides:
      - { person: chloe, start: 2025-12-24 18:00, end: 2025-12-26 09:00 }
      - { person: bruno, start: 2026-12-24 18:00, end: 2026-12-26 09:00 }
    swaps:
      - { between: [bruno, chloe], shifts: [2025-06-02, 2025-06-09] }
      - { between: [chloe, alice], shifts: [2026-06-01, 2026-06-08] }`,
      ).replace('start: 2026-01-05', 'start: 2025-01-06'),
    ),
  ],
  [
    'escalation repeats, several targets in a step, cross-squad targets, e-mail intake, four routing rules',
    lab(`
rotations:
  day: { members: [alice, bruno], start: 2026-01-05, coverage: business-hours }
  night: { members: [bruno, chloe], start: 2026-01-05, coverage: off-hours }
  weekend: { members: [chloe, alice], start: 2026-01-05, coverage: [{ days: weekend, from: "10:00", to: "12:30" }] }
  always: { members: [alice, bruno, chloe], start: 2026-01-05 }
escalations:
  main:
    responseTarget: 1h
    repeat: 2
    steps:
      - notify: [on-call, { person: manon }]
      - after: 15m
        notify: { rotation: storefront/oncall }
      - after: 30m
        notify: [manager, { rotation: always }, { rotation: platform/secondary }]
  light:
    repeat: 1
    steps:
      - notify: on-call
routing:
  - during: business-hours
    rotation: day
    escalation: main
  - during: [{ days: weekend, from: "10:00", to: "12:30" }]
    rotation: weekend
    escalation: light
  - during: off-hours
    rotation: night
    escalation: main
  - rotation: always
    escalation: light
intake:
  email: true
`),
  ],
];

describe('Opsgenie contracts over rendered stacks', () => {
  it('the tests’ organisation: no violation, nothing to change after apply', () => {
    // The fixture's people leave how they are reached to Opsgenie: manon says it, for the contact types.
    const org = fixtureTree().files.get('org.yaml')!.replace('  manon:\n', '  manon:\n    notify: { high: [call, sms, email] }\n');
    const resources = opsgenieResources({ 'org.yaml': org });
    expect(new Set(resources.map((r) => r.type))).toEqual(new Set(opsgenieContracts.map((c) => c.type)));
    expect(checkPlan(contracts, resources, NOW)).toEqual([]);
  });

  it.each(CASES)('%s', (_, files) => {
    const resources = opsgenieResources(files);
    expect(resources.some((r) => r.squad === 'lab')).toBe(true);
    expect(checkPlan(contracts, resources, NOW).filter((line) => line.startsWith('lab-'))).toEqual([]);
  });

  it('the same plan rendered a year later is still accepted and stable', () => {
    const later = Date.parse('2027-01-01T00:00:00Z');
    expect(checkPlan(contracts, opsgenieResources(CASES[11]![1], later), later)).toEqual([]);
  });
});
