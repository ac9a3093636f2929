/**
 * Opsgenie rings the engine's person in rotations with the same window every day: read by the interpreter
 * as the provider builds the request (a `time-of-day` restriction is the `restriction` block in Pulumi), over
 * three weeks around the spring daylight-saving change.
 */
import { describe, expect, it } from 'vitest';
import { loadOrganisation } from '../../modules/model/load';
import { names } from '../../modules/render/names';
import { renderStack } from '../../modules/render/stack';
import { shiftAt } from '../../modules/schedule/shifts';
import { fixtureTree, NOW, withFiles } from '../helpers';
import { opsgenieOnCall } from '../../modules/interpret/opsgenie';

const squad = (coverage: string, handoff: string): string => `name: Lab
members: [alice, bruno, chloe]
rotations:
  window:
    members: [alice, bruno, chloe]
    start: 2026-03-16
    every: 1d
    handoff: "${handoff}"
    coverage: ${coverage}
escalations:
  main:
    steps:
      - notify: on-call
`;

describe('Opsgenie time-of-day restrictions', () => {
  it.each([
    // 12 h a day for 21 days, in half hours.
    ['08:00–20:00 every day', '[{ days: every-day, from: "08:00", to: "20:00" }]', '08:00', 21 * 24],
    // 8 h a night for 21 nights, less the 6 h of the first morning (before the rotation starts at 22:00).
    ['22:00–06:00 every day (across midnight)', '[{ days: every-day, from: "22:00", to: "06:00" }]', '22:00', 21 * 16 - 12],
  ])('%s', (_, coverage, handoff, halfHours) => {
    const org = loadOrganisation(withFiles({ 'lab/team.yaml': squad(coverage, handoff) }, fixtureTree())).organisation!;
    const rotation = org.rotations.get('lab/window')!;
    const state = renderStack(org, { now: NOW, name: 'fidelity', backend: 'opsgenie' });
    const schedule = names.schedule('lab', 'window');
    const from = Date.parse('2026-03-16T00:00:00+01:00');
    const mismatches: string[] = [];
    let onCall = 0;
    for (let t = from; t < from + 21 * 86_400_000; t += 30 * 60_000) {
      const engine = shiftAt(rotation, t)?.person ?? null;
      if (engine) onCall++;
      const opsgenie = opsgenieOnCall(org, state, schedule, t);
      if (engine !== opsgenie) mismatches.push(`${new Date(t).toISOString()}: engine ${engine}, opsgenie ${opsgenie}`);
    }
    expect(onCall).toBe(halfHours);
    expect(mismatches.slice(0, 5)).toEqual([]);
  });
});
