/**
 * For our own renderings, import is exact: each PagerDuty stack (the tests' organisation and every example's),
 * rendered, published into an account, served and read back, imports into YAML that validates, and planning the
 * same stack on it changes nothing in the account, input by input (modules/render/diff.ts). Over 52 weeks, whom
 * the account pages (read by the PagerDuty interpreter of test/fidelity) is whom the imported YAML's engine pages.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SourceTree } from '../../../modules/spec/source';
import { diffStates } from '../../../modules/render/diff';
import { readStacksDir } from '../../../modules/spec/read-stacks';
import { readTeamsDir } from '../../../modules/spec/read-dir';
import { FIXTURE_STACKS, fixtureTree, NOW, ROOT, withEdit } from '../../helpers';
import { instants, mismatches } from '../../fidelity/compare';
import { backendPages, enginePages, shiftIndex } from '../../fidelity/holiday-paging';
import { expectedPaged, pagerdutyPaged } from '../../fidelity/service-routing';
import { NO_CHANGE, planChanges } from '../plan-changes';
import { roundTrip, type RoundTrip } from './round-trip';

export interface RoundTripCase {
  readonly name: string;
  readonly tree: SourceTree;
  readonly stacks: string;
  readonly now: number;
  /** Public holidays are off hours (rendered as dated overrides). */
  readonly holidays: boolean;
}

const FROM = Date.parse('2026-01-05T00:00:00+01:00');

export const exampleCase = (e: string): RoundTripCase => ({
  name: e,
  tree: readTeamsDir(join(ROOT, 'examples', e, 'teams')),
  stacks: join(ROOT, 'examples', e, 'stacks'),
  now: FROM,
  holidays: e === 'signing',
});

/** The tests' organisation with two roster changes of a rotation another follows (one turn ahead). */
export function acmeWithChanges(): SourceTree {
  return withEdit(
    'platform/team.yaml',
    '    start: 2026-01-05\n  secondary:',
    '    start: 2026-01-05\n    changes:\n      - { from: 2026-01-14, members: [gina, emma, farid] }\n      - { from: 2026-03-04, members: [farid, gina] }\n  secondary:',
  );
}

export const acmeChangesCase = (now: number, name: string): RoundTripCase => ({
  name,
  tree: acmeWithChanges(),
  stacks: FIXTURE_STACKS,
  now,
  holidays: false,
});

export const acmeCase = (): RoundTripCase => ({ name: 'acme', tree: fixtureTree(), stacks: FIXTURE_STACKS, now: NOW, holidays: false });

export function roundTripSuite(cases: readonly RoundTripCase[]): void {
  describe.each(cases.map((c) => [c.name, c] as const))('%s', (_, c) => {
    const stack = readStacksDir(c.stacks).stacks.find((s) => s.backend === 'pagerduty')!;
    let cached: Promise<RoundTrip> | undefined;
    const trip$ = () => (cached ??= roundTrip(c.tree, stack, c.now, 'example'));

    it('imports back into YAML that validates and plans no change', async () => {
      const trip = await trip$();
      expect(trip.violations).toEqual([]);
      expect(trip.state.resources.length).toBeGreaterThan(5);
      expect(trip.analysis.problems.filter((p) => p.severity === 'error').map((p) => `${p.file}:${p.line} ${p.message}`)).toEqual([]);
      const diff = diffStates(trip.renamed, trip.plan);
      expect(planChanges(diff)).toEqual(NO_CHANGE);
      // Nothing of our own rendering is beyond the YAML; public holidays come back as the dated ones rendered.
      expect([...new Set(trip.imported.findings.map((f) => f.what))]).toEqual(c.holidays ? ['public holidays'] : []);
      expect(diff.unchanged).toBe(trip.state.resources.length);
    }, 60_000);

    it('pages over 52 weeks whom the account pages: every schedule and every service', async () => {
      const trip = await trip$();
      const org = trip.analysis.organisation!;
      const to = c.now + 52 * 7 * 86_400_000;
      // Whole-day holiday overrides are findings (above): their days are left out of the comparison.
      const skipped = trip.observed.resources
        .filter((r) => trip.imported.findings.some((f) => f.what === 'override outside the rotation coverage' && f.source.id === r.id))
        .map((r) => [Date.parse(String(r.inputs.start)), Date.parse(String(r.inputs.end))] as const);
      const kept = (t: number) => !skipped.some(([s, e]) => s <= t && t < e);
      // On a holiday, a schedule that routing picks carries the routed person (render/holiday-overrides.ts): those
      // rotations are compared through the services' paging below, as in test/examples/fidelity.test.ts.
      const rotations = [...org.rotations.values()].filter((r) => !(org.holidays.offHours && r.coverage.holidays !== undefined));
      const routed = [...org.squads.values()].filter((q) => q.routing.length > 0);
      expect(rotations.length + routed.length).toBeGreaterThan(0);
      // Each squad's routing: whom its `on-call` pages, holidays included.
      const personAt = shiftIndex(org, c.now - 14 * 86_400_000, to + 14 * 86_400_000);
      const squadWrong: string[] = [];
      for (const squad of routed)
        for (let t = c.now; t < to; t += 90 * 60_000) {
          const engine = enginePages(squad, personAt, t);
          const account = backendPages(org, trip.renamed, 'pagerduty', squad, t);
          if (engine !== account && squadWrong.length < 5)
            squadWrong.push(`${new Date(t).toISOString()} ${squad.id}: account ${account}, engine ${engine}`);
        }
      expect(squadWrong).toEqual([]);
      for (const rotation of rotations) {
        const times = instants(rotation, c.now, to, 720).filter(kept);
        expect(times.length).toBeGreaterThan(52 * 7 * 2);
        expect(mismatches(org, trip.renamed, 'pagerduty', rotation, times)).toEqual([]);
      }
      const wrong: string[] = [];
      for (const service of org.services.values()) {
        for (let t = c.now; t < to; t += 7 * 60 * 60_000) {
          if (!kept(t)) continue;
          const account = pagerdutyPaged(org, trip.renamed, service, t);
          const engine = expectedPaged(org, 'pagerduty', service, t);
          if (JSON.stringify(account) !== JSON.stringify(engine) && wrong.length < 5)
            wrong.push(`${new Date(t).toISOString()} ${service.id}: account ${JSON.stringify(account)}, engine ${JSON.stringify(engine)}`);
        }
      }
      expect(wrong).toEqual([]);
    }, 90_000);
  });
}
