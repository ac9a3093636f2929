/**
 * Each backend rings, for a contract served by the pool, the person `oncall who --team <contract>` names: the first
 * level of the contract's policy is read from the plan (the schedule it targets) by the interpreters of
 * modules/interpret/, which read only rendered inputs, over 8 weeks around a handoff, the Christmas override included.
 */
import { describe, expect, it } from 'vitest';
import type { Organisation } from '../../modules/model/types';
import { isRef, BACKENDS, type Backend, type DesiredState, type Value } from '../../modules/render/desired';
import { names } from '../../modules/render/names';
import { renderStack } from '../../modules/render/stack';
import { whoIsOnCall } from '../../modules/schedule/who';
import { datadogOnCall, opsgenieOnCall, pagerdutyOnCall } from '../../modules/interpret/service-routing';
import { poolOrg, POOL_NOW, POOL_STACKS } from './pool-fixture';

const INTERPRETERS: Record<Backend, (org: Organisation, state: DesiredState, schedule: string, instant: number) => string | null> = {
  pagerduty: pagerdutyOnCall,
  opsgenie: opsgenieOnCall,
  datadog: datadogOnCall,
};

/** The schedule the first rule (step) of a rendered policy targets. */
function firstLevelSchedule(state: DesiredState, policy: string): string | undefined {
  const inputs = state.resources.find((r) => r.name === policy)?.inputs ?? {};
  const first = ((inputs.rules ?? inputs.steps) as Value[] | undefined)?.[0];
  const refs: string[] = [];
  const walk = (v: Value | undefined): void => {
    if (v === undefined || v === null) return;
    if (isRef(v)) refs.push(v.$ref);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (typeof v === 'object') Object.values(v).forEach((x) => walk(x as Value));
  };
  walk(first);
  return refs.find((r) => r.endsWith('-schedule'));
}

const org = poolOrg();
const HOUR = 3600_000;
const from = Date.parse('2026-11-16T00:00:00+01:00');
const times = Array.from({ length: (8 * 7 * 24) / 3 }, (_, i) => from + i * 3 * HOUR).concat(
  Date.parse('2026-12-24T17:59:00+01:00'),
  Date.parse('2026-12-24T18:00:00+01:00'),
  Date.parse('2026-12-26T08:59:00+01:00'),
  Date.parse('2026-12-26T09:00:00+01:00'),
);

describe("each backend pages the pool's person for a contract, as `who --team` says", () => {
  it.each(BACKENDS)('%s', (backend) => {
    const state = renderStack(org, { ...POOL_STACKS.find((s) => s.backend === backend)!, now: POOL_NOW });
    for (const [squad, policy] of [
      ['contract-a', 'gti-1h'],
      ['contract-b', 'gti-4h'],
    ] as const) {
      const schedule = firstLevelSchedule(state, names.escalation(squad, policy));
      expect(schedule).toBe(names.schedule('technicians', 'primary'));
      const wrong = times.filter((t) => INTERPRETERS[backend](org, state, schedule!, t) !== whoIsOnCall(org, t, squad)[0]?.person);
      expect(wrong.map((t) => new Date(t).toISOString())).toEqual([]);
      // Not agreeing on nobody: the four technicians take their turns over the 8 weeks.
      expect(new Set(times.map((t) => whoIsOnCall(org, t, squad)[0]?.person))).toEqual(new Set(['tom', 'lea', 'sam', 'zoe']));
    }
  });
});
