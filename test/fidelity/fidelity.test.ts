/**
 * Each backend, read by an interpreter of its documented semantics, rings the same person at the same
 * minute as the schedule engine: over 52 weeks of the example (both daylight-saving changes, every handoff,
 * override and swap) and over random rotations.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadOrganisation } from '../../modules/model/load';
import type { Rotation } from '../../modules/model/types';
import type { Backend } from '../../modules/render/desired';
import { renderStack } from '../../modules/render/stack';
import { clockFor } from '../../modules/schedule/shifts';
import { handoffAt } from '../../modules/schedule/turns';
import { caseArb, organisationAround } from '../arbitraries';
import { observesDst } from '../../modules/model/zones';
import { fixtureTree, withEdit, NOW } from '../helpers';
import { instants, mismatches } from './compare';
import { INTERPRETERS } from './holiday-paging';
import { pagerdutyOnCall } from '../../modules/interpret/pagerduty';
import { DST_AND_HANDOFF_SWAPS, withSwaps } from '../swaps/trees';

const BACKENDS: Backend[] = ['pagerduty', 'opsgenie', 'datadog'];

describe('fidelity with the example organisation over 52 weeks', () => {
  const org = loadOrganisation(fixtureTree()).organisation!;
  const from = Date.parse('2026-01-05T00:00:00+01:00');
  const to = Date.parse('2027-01-04T00:00:00+01:00');
  it.each(BACKENDS)('%s', (backend) => {
    // Planned when the checked window opens: a backend may leave out what is over by then (PagerDuty's ended layers).
    const state = renderStack(org, { now: from, name: 'fidelity', backend });
    let checked = 0;
    for (const rotation of org.rotations.values()) {
      const times = instants(rotation, from, to, 180);
      checked += times.length;
      expect(mismatches(org, state, backend, rotation, times)).toEqual([]);
    }
    expect(checked).toBeGreaterThan(5 * 52 * 7 * 8);
  });

  it('covers both daylight-saving changes and the swap and override of the example', () => {
    const storefront = org.rotations.get('storefront/oncall')!;
    const state = renderStack(org, { now: NOW, name: 'fidelity', backend: 'pagerduty' });
    for (const [iso, person] of [
      ['2026-03-30T09:30+02:00', 'alice'],
      ['2026-10-26T08:59+01:00', 'bruno'],
      ['2026-08-05T12:00+02:00', 'bruno'],
      ['2026-12-25T12:00+01:00', 'bruno'],
    ] as const) {
      expect(pagerdutyOnCall(org, state, 'storefront-oncall-schedule', Date.parse(iso))).toBe(person);
    }
    expect(handoffAt(clockFor(storefront), 0)).toBe(Date.parse('2026-01-05T09:00+01:00'));
  });
});

describe('day and span swaps across the autumn change and at a handoff', () => {
  // Rendered as overrides: each backend must ring whom the engine says at every minute edge of them.
  const org = loadOrganisation(withSwaps(DST_AND_HANDOFF_SWAPS)).organisation!;
  const rotation = org.rotations.get('storefront/oncall')!;
  const from = Date.parse('2026-10-19T00:00:00+02:00');
  const to = Date.parse('2026-11-02T00:00:00+01:00');
  it.each(BACKENDS)('%s', (backend) => {
    const state = renderStack(org, { now: from, name: 'fidelity', backend });
    const times = instants(rotation, from, to, 15);
    for (const [iso, person] of [
      ['2026-10-25T02:30+01:00', 'chloe'],
      ['2026-10-25T09:00+01:00', 'bruno'],
      ['2026-10-26T06:00+01:00', 'chloe'],
      ['2026-10-26T09:00+01:00', 'bruno'],
      ['2026-10-26T13:00+01:00', 'chloe'],
      ['2026-10-27T09:00+01:00', 'bruno'],
    ] as const) {
      expect(INTERPRETERS[backend](org, state, 'storefront-oncall-schedule', Date.parse(iso))).toBe(person);
      times.push(Date.parse(iso));
    }
    expect(mismatches(org, state, backend, rotation, times)).toEqual([]);
  });
});

describe('a window that runs a whole week back to its weekday', () => {
  it.each(BACKENDS)('%s keeps everyone on call from Friday 10:00 to the next Friday 09:00', (backend) => {
    const tree = withEdit(
      'payments/team.yaml',
      'coverage: off-hours ',
      'coverage: [{ days: friday, from: "10:00", to: "24:00" }, { days: saturday-thursday, from: "00:00", to: "24:00" }, { days: friday, from: "00:00", to: "09:00" }] ',
    );
    // Not valid as routing (it leaves Friday 09:00–10:00 uncovered), but the schedule itself must render.
    const org = loadOrganisation(tree).organisation!;
    const rotation = org.rotations.get('payments/oncall')!;
    expect(rotation.coverage.intervals).toEqual([
      [0, 6300],
      [6360, 10080],
    ]);
    const from = Date.parse('2026-03-02T00:00:00+01:00');
    const state = renderStack(org, { now: from, name: 'fidelity', backend });
    expect(mismatches(org, state, backend, rotation, instants(rotation, from, from + 6 * 7 * 86_400_000, 30))).toEqual([]);
  });
});

/**
 * Found by the property below: a weekly rotation whose first handoff (Sunday 02:30, New York) falls in the
 * daylight-saving gap of 2025-03-09. Backends that count turns from an anchor must not take that instant (03:00 on
 * the clock) as the rotation's time of day.
 */
const HANDOFF_IN_DST_GAP = {
  rotation: {
    id: 'r',
    squad: 't',
    key: 't/r',
    name: 'r',
    timezone: 'America/New_York',
    every: { unit: 'weeks', count: 1 },
    handoffMinute: 150,
    handoffWeekday: 7,
    segments: [{ from: '2025-03-09', members: ['ann', 'ben'], source: { file: 'x.yaml', line: 1, column: 1 } }],
    offset: 0,
    coverage: { kind: 'always', intervals: [[0, 10080]] },
    overrides: [],
    swaps: [],
    retired: false,
    source: { file: 'x.yaml', line: 1, column: 1 },
  } as Rotation,
  from: 1741503600000,
  to: 1742108400000,
};

describe('fidelity with random rotations (property)', () => {
  it.each(BACKENDS)('%s', (backend) => {
    fc.assert(
      fc.property(caseArb, ({ rotation, from, to }) => {
        // Opsgenie hands over at minute 0 or 30 only; validation rejects the rest for Opsgenie stacks.
        if (
          backend === 'opsgenie' &&
          (rotation.handoffMinute % 30 !== 0 || rotation.coverage.intervals.some(([s, e]) => s % 30 !== 0 || e % 30 !== 0))
        )
          return;
        // No backend documents hour turns across a daylight-saving change (validation warns about them).
        if (rotation.every.unit === 'hours' && observesDst(rotation.timezone)) return;
        const org = organisationAround(rotation);
        // Planned when the checked window opens, which may be after roster changes (their ended layers are not sent).
        const state = renderStack(org, { now: from, name: 'fidelity', backend });
        expect(mismatches(org, state, backend, rotation, instants(rotation, from, to, 97))).toEqual([]);
      }),
      { numRuns: 120, examples: [[HANDOFF_IN_DST_GAP]] },
    );
  });
});

/**
 * The cause of the known Sydney case of ./holidays.property.test.ts, at the level of one schedule: a daily handoff at
 * 02:30 on the night 03:00 becomes 02:00 (2026-04-05, Sydney). The engine hands over once, at the first 02:30
 * (15:30Z); each interpreter counts turns on the wall clock, which reads 02:00–02:30 a second time from 16:00Z, and
 * gives that half hour back to the previous person. Which the services do is not documented: kept as a known failure.
 */
describe('a daily handoff inside the repeated hour of an autumn change (known)', () => {
  const rotation = {
    ...HANDOFF_IN_DST_GAP.rotation,
    timezone: 'Australia/Sydney',
    every: { unit: 'days', count: 1 },
    handoffMinute: 150,
    handoffWeekday: undefined,
    segments: [{ from: '2026-03-30', members: ['ann', 'ben', 'cat'], source: HANDOFF_IN_DST_GAP.rotation.source }],
  } as Rotation;
  const org = organisationAround(rotation);
  const from = Date.parse('2026-04-04T15:00:00Z');
  it.each(BACKENDS)('%s agrees before 16:00Z', (backend) => {
    const state = renderStack(org, { now: from, name: 'fidelity', backend });
    expect(mismatches(org, state, backend, rotation, instants(rotation, from, from + 3_600_000, 1))).toEqual([]);
  });
  it.fails.each(BACKENDS)('%s agrees from 16:00Z to 16:30Z', (backend) => {
    const state = renderStack(org, { now: from, name: 'fidelity', backend });
    expect(mismatches(org, state, backend, rotation, instants(rotation, from + 3_600_000, from + 5_400_000, 1))).toEqual([]);
  });
});
