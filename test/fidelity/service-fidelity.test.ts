/**
 * Per-service paging: for every service of a squad whose contracts promise 24/7, business hours (low urgency
 * outside) and off hours only, each backend, read by the interpreters of ./service-routing.ts, pages the same
 * people at the same urgency as the engine (modules/schedule/service-paging.ts) on each day of 52 weeks (both
 * daylight-saving changes), either side of every handoff and edge of business hours (by day and by night).
 */
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { analyse } from '../../modules/pipeline';
import type { Backend } from '../../modules/render/desired';
import { renderStack } from '../../modules/render/stack';
import { parseStackFile } from '../../modules/spec/stacks';
import { MSP, promisesTree } from '../promises/tree';
import { expectedPaged, SERVICE_INTERPRETERS } from './service-routing';

/** Each day, on the clock of Paris, either side of 09:00 and 18:00: handoffs, edges of business hours, day and night. */
function instants(from: number, weeks: number): number[] {
  const out: number[] = [];
  const first = DateTime.fromMillis(from, { zone: 'Europe/Paris' }).startOf('day');
  for (let d = 0; d < weeks * 7; d++) {
    const day = first.plus({ days: d });
    for (const [h, m] of [
      [8, 59],
      [9, 0],
      [17, 59],
      [18, 0],
    ] as const)
      out.push(day.set({ hour: h, minute: m }).toMillis());
  }
  return out;
}

function check(backend: Backend, text = MSP, weeks = 52) {
  const stackFile = parseStackFile(
    'stacks/Pulumi.promises.yaml',
    'promises',
    `config:\n  oncall:backend: ${backend}\n  oncall:teams: [msp, payments]\n`,
  );
  const from = Date.parse('2026-01-05T00:00:00+01:00');
  const result = analyse(promisesTree(text), from, { stacks: [stackFile.stack!], problems: stackFile.problems });
  const org = result.organisation!;
  const state = renderStack(org, { now: from, name: 'promises', backend, teams: ['msp', 'payments'] });
  const services = [...org.services.values()].filter(
    (s) => (s.squad === 'msp' || s.squad === 'payments') && !(backend === 'opsgenie' && s.promise?.outsideCoverage === 'low'),
  );
  const mismatches: string[] = [];
  const seen = new Set<string>();
  for (const t of instants(from, weeks)) {
    {
      for (const service of services) {
        const engine = expectedPaged(org, backend, service, t);
        const backendSays = SERVICE_INTERPRETERS[backend](org, state, service, t);
        seen.add(`${service.id} ${engine.urgency} ${engine.first.join('+')}`);
        if (JSON.stringify(engine) !== JSON.stringify(backendSays) && mismatches.length < 6)
          mismatches.push(
            `${new Date(t).toISOString()} ${service.id}: engine ${JSON.stringify(engine)}, ${backend} ${JSON.stringify(backendSays)}`,
          );
      }
    }
  }
  return { problems: result.problems, mismatches, seen };
}

describe('per-service paging agrees with the engine over 52 weeks', () => {
  it.each(['pagerduty', 'opsgenie', 'datadog'] as const)(
    '%s',
    (backend) => {
      const { problems, mismatches, seen } = check(backend);
      expect(problems.filter((p) => p.severity === 'error' && p.file === 'teams/msp/team.yaml').map((p) => p.code)).toEqual(
        backend === 'opsgenie' ? ['backend/opsgenie-urgency'] : [],
      );
      expect(mismatches).toEqual([]);
      // Every kind of answer occurred: nobody for the HNO contract by day, both rotations' people, both urgencies.
      expect([...seen].some((s) => s.startsWith('client-c null'))).toBe(backend !== 'pagerduty');
      expect([...seen].some((s) => s.startsWith('client-c high david'))).toBe(true);
      expect([...seen].some((s) => s.startsWith('client-a high alice'))).toBe(true);
      if (backend !== 'opsgenie') expect([...seen].some((s) => s.startsWith('client-b low'))).toBe(true);
    },
    120_000,
  );
});

describe('per-service paging when the squad routes nights through another policy than the contracts use', () => {
  // `on-call` in a contract's policy still means the rotation routing gives at each instant (the night one at night).
  const text = MSP.replace('  - rotation: night\n    escalation: gti-4h', '  - rotation: night\n    escalation: gti-1h');
  it.each(['pagerduty', 'opsgenie', 'datadog'] as const)('%s', (backend) => {
    const { mismatches, seen } = check(backend, text, 6);
    expect(mismatches).toEqual([]);
    expect([...seen].some((s) => s.startsWith('client-c high david'))).toBe(true);
  });
});
