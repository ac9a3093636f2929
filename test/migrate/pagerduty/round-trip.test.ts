/**
 * For our own renderings, import is exact: each PagerDuty stack (the tests' organisation and every example's),
 * rendered, published into an account, served and read back, imports into YAML that validates, and planning the
 * same stack on it changes nothing in the account, input by input (modules/render/diff.ts).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffStates } from '../../../modules/render/diff';
import { readStacksDir } from '../../../modules/spec/read-stacks';
import { readTeamsDir } from '../../../modules/spec/read-dir';
import { FIXTURE_STACKS, fixtureTree, NOW, ROOT } from '../../helpers';
import { roundTrip } from './round-trip';

const FROM = Date.parse('2026-01-05T00:00:00+01:00');
const examples = ['bookshop', 'signing', 'sre-team', 'managed-services'];
const cases = [
  { name: 'acme', tree: fixtureTree(), stacks: FIXTURE_STACKS, now: NOW },
  ...examples.map((e) => ({ name: e, tree: readTeamsDir(join(ROOT, 'examples', e, 'teams')), stacks: join(ROOT, 'examples', e, 'stacks'), now: FROM })),
];

describe.each(cases.map((c) => [c.name, c] as const))('%s', (_, c) => {
  const stack = readStacksDir(c.stacks).stacks.find((s) => s.backend === 'pagerduty')!;
  it('imports back into YAML that validates and plans no change', async () => {
    const trip = await roundTrip(c.tree, stack, c.now, 'example');
    expect(trip.violations).toEqual([]);
    expect(trip.state.resources.length).toBeGreaterThan(5);
    expect(trip.analysis.problems.filter((p) => p.severity === 'error').map((p) => `${p.file}:${p.line} ${p.message}`)).toEqual([]);
    const diff = diffStates(trip.renamed, trip.plan);
    const shown = {
      create: diff.create.map((r) => r.name),
      delete: diff.delete.map((r) => r.name),
      replace: diff.replace.map((r) => `${r.after.name}: ${r.reason}`),
      update: diff.update.map((u) => ({ name: u.resource.name, changes: u.changes })),
    };
    expect(shown).toEqual({ create: [], delete: [], replace: [], update: [] });
    expect(diff.unchanged).toBe(trip.state.resources.length);
  });
});
