/**
 * A target that does not page as the source does is found, with its interval and cause: the Christmas override of
 * storefront's on-call (teams/storefront/team.yaml, bruno 2026-12-24 18:00 → 12-26 09:00, Paris) removed from the
 * rendered Datadog On-Call target, and the delay of a step changed there. The source is the PagerDuty stack.
 */
import { describe, expect, it } from 'vitest';
import { EngineTimelines } from '../../modules/migrate/engine-timeline';
import { backendSide, engineSide, rehearse, type Mismatch } from '../../modules/migrate/rehearsal';
import { stackSide } from '../../modules/migrate/rehearsal-sides';
import { DD } from '../../modules/backends/datadog-oncall/resources';
import { renderStack } from '../../modules/render/stack';
import type { DesiredState } from '../../modules/render/desired';
import { names } from '../../modules/render/names';
import { FIXTURE_REPO, lineOf } from '../helpers';
import { load } from './whole-rehearsal';

const FROM = Date.parse('2026-12-01T00:00:00+01:00');
const TO = FROM + 8 * 7 * 86_400_000;
const START = Date.parse('2026-12-24T18:00:00+01:00');
const END = Date.parse('2026-12-26T09:00:00+01:00');

function rehearseAgainst(alter: (state: DesiredState) => DesiredState) {
  const { org, stacks } = load(FIXTURE_REPO);
  const pagerduty = stacks.find((s) => s.backend === 'pagerduty')!;
  const datadog = stacks.find((s) => s.backend === 'datadog')!;
  const state = alter(renderStack(org, { name: datadog.name, backend: 'datadog', teams: datadog.teams, now: FROM }));
  const engine = new EngineTimelines(org, FROM, TO, EngineTimelines.horizon(org));
  const sides = [
    stackSide('source', org, pagerduty, FROM),
    engineSide('teams', engine),
    backendSide('target', 'altered', org, state, datadog.teams),
  ];
  return rehearse({ org, sides, from: FROM, to: TO });
}

const of = (m: Mismatch, role: string) => m.sides.find((s) => s.role === role)!;

describe('an altered target', () => {
  it('without the Christmas override: the alerts of the override, at M+0, and those 20 minutes before it, at M+20', () => {
    const override = names.override('storefront', 'oncall', START);
    const report = rehearseAgainst((s) => ({ ...s, resources: s.resources.filter((r) => r.name !== override) }));
    const squad = report.mismatches.filter((m) => m.unit === 'squad storefront');
    // The policy notifies on-call at M+0 and M+20 (teams/storefront/team.yaml), then the manager at M+40.
    expect(squad.map((m) => [new Date(m.start).toISOString(), new Date(m.end).toISOString(), m.after])).toEqual([
      [new Date(START - 20 * 60_000).toISOString(), new Date(START).toISOString(), 20],
      [new Date(START).toISOString(), new Date(END).toISOString(), 0],
    ]);
    const during = squad[1]!;
    expect(during.minutes).toBe((END - START) / 60_000);
    expect(of(during, 'source').notification?.people).toEqual(['bruno']);
    expect(of(during, 'source').notification?.causes).toEqual([`override ${override}`]);
    expect(of(during, 'engine').notification?.people).toEqual(['bruno']);
    expect(of(during, 'engine').notification?.causes[0]).toMatch(
      new RegExp(
        `^override of storefront/oncall for bruno \\(.*teams/storefront/team\\.yaml:${lineOf('storefront/team.yaml', '- person: bruno')}\\)$`,
      ),
    );
    expect(of(during, 'target').notification?.people).not.toEqual(['bruno']);
    expect(of(during, 'target').notification?.causes[0]).toMatch(/^storefront-oncall-schedule layer /);
    // Nothing else differs: only storefront's squad and services, each over these 15 hours and 20 minutes.
    const storefront = new Set([
      'squad storefront',
      ...[...load(FIXTURE_REPO).org.squads.get('storefront')!.services.keys()].map((id) => `service ${id}`),
    ]);
    expect(report.mismatches.every((m) => storefront.has(m.unit))).toBe(true);
    for (const unit of new Set(report.mismatches.map((m) => m.unit))) {
      const minutes = report.mismatches.filter((m) => m.unit === unit).reduce((sum, m) => sum + m.minutes, 0);
      expect(minutes, unit).toBe((END - START) / 60_000 + 20);
    }
    expect(report.mismatchingMinutes).toBe(report.mismatches.reduce((sum, m) => sum + m.minutes, 0));
  });

  it('with the second step after 15 minutes instead of 20: every alert of storefront, at M+15 against M+20', () => {
    const policy = names.escalation('storefront', 'storefront-1h');
    const report = rehearseAgainst((s) => ({
      ...s,
      resources: s.resources.map((r) => {
        if (r.type !== DD.escalation || r.name !== policy) return r;
        const steps = (r.inputs.steps as Array<Record<string, unknown>>).map((step, i) =>
          i === 0 ? { ...step, escalateAfterSeconds: 900 } : step,
        );
        return { ...r, inputs: { ...r.inputs, steps } } as typeof r;
      }),
    }));
    const squad = report.mismatches.filter((m) => m.unit === 'squad storefront');
    expect(squad.reduce((sum, m) => sum + m.minutes, 0)).toBe((TO - FROM) / 60_000);
    for (const m of squad) {
      expect(of(m, 'source').notification?.after).toBe(20);
      expect(of(m, 'engine').notification?.after).toBe(20);
      expect(of(m, 'target').notification?.after).toBe(15);
    }
    expect(report.mismatches.every((m) => m.unit === 'squad storefront' || m.unit.startsWith('service '))).toBe(true);
  });
});
