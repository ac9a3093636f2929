/**
 * For our own renderings, import is exact: each PagerDuty stack (the tests' organisation and every example's),
 * rendered, published into an account, served and read back, imports into YAML that validates, and planning the
 * same stack on it changes nothing in the account, input by input (modules/render/diff.ts).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PAGERDUTY } from '../../../modules/backends/pagerduty/resources';
import { diffStates } from '../../../modules/render/diff';
import { readStacksDir } from '../../../modules/spec/read-stacks';
import { readTeamsDir } from '../../../modules/spec/read-dir';
import { FIXTURE_STACKS, fixtureTree, NOW, ROOT } from '../../helpers';
import { roundTrip } from './round-trip';

const FROM = Date.parse('2026-01-05T00:00:00+01:00');
const examples = ['bookshop', 'signing', 'sre-team', 'managed-services'];
const cases = [
  { name: 'acme', tree: fixtureTree(), stacks: FIXTURE_STACKS, now: NOW, holidays: false },
  ...examples.map((e) => ({
    name: e,
    tree: readTeamsDir(join(ROOT, 'examples', e, 'teams')),
    stacks: join(ROOT, 'examples', e, 'stacks'),
    now: FROM,
    // The organisations whose public holidays are off hours.
    holidays: e === 'signing',
  })),
];

describe.each(cases.map((c) => [c.name, c] as const))('%s', (_, c) => {
  const stack = readStacksDir(c.stacks).stacks.find((s) => s.backend === 'pagerduty')!;
  it('imports back into YAML that validates and plans no change', async () => {
    const trip = await roundTrip(c.tree, stack, c.now, 'example');
    expect(trip.violations).toEqual([]);
    expect(trip.state.resources.length).toBeGreaterThan(5);
    expect(trip.analysis.problems.filter((p) => p.severity === 'error').map((p) => `${p.file}:${p.line} ${p.message}`)).toEqual([]);
    const diff = diffStates(trip.renamed, trip.plan);
    // Public holidays as off hours are rendered as dated overrides over whole days (render/holiday-overrides.ts);
    // PagerDuty has no holiday calendar, so they import as overrides, which the YAML cuts to their rotation's
    // coverage: each such override is a finding, and nothing else changes.
    const holidayOverride = (name: string) =>
      trip.imported.findings.some((f) => f.what === 'override outside the rotation coverage' && trip.imported.links.some((l) => l.planned === name && l.observed === `override/${f.source.id}`));
    const isOverride = (type: string) => type === PAGERDUTY.override.type;
    const shown = {
      create: diff.create.filter((r) => !isOverride(r.type) || !c.holidays).map((r) => r.name),
      delete: diff.delete.filter((r) => !holidayOverride(r.name)).map((r) => r.name),
      replace: diff.replace.filter((r) => !holidayOverride(r.before.name)).map((r) => `${r.after.name}: ${r.reason}`),
      update: diff.update.map((u) => ({ name: u.resource.name, changes: u.changes })),
    };
    expect(shown).toEqual({ create: [], delete: [], replace: [], update: [] });
    if (!c.holidays) expect(diff.unchanged).toBe(trip.state.resources.length);
    else expect(diff.unchanged).toBeGreaterThan(trip.state.resources.filter((r) => !isOverride(r.type)).length - 1);
  });
});
