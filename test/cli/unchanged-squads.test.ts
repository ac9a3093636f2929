/**
 * A pull-request check takes the resources of the squads a change leaves alone from the head's rendering: the base
 * it plans against must be exactly what rendering the whole base gives, whatever the change.
 */
import { describe, expect, it } from 'vitest';
import { unchangedSquads } from '../../modules/cli/unchanged-squads';
import { loadOrganisation } from '../../modules/model/load';
import type { Backend, DesiredResource } from '../../modules/render/desired';
import { renderStack } from '../../modules/render/stack';
import { readTeamsDir } from '../../modules/spec/read-dir';
import type { SourceTree } from '../../modules/spec/source';
import { fixtureTree, NOW, ROOT, withEdit } from '../helpers';
import { join } from 'node:path';

const POOL = { ...readTeamsDir(join(ROOT, 'test', 'fixtures', 'pool', 'teams')), root: 'teams' };

function basePlanned(base: SourceTree, head: SourceTree, backend: Backend) {
  const baseOrg = loadOrganisation(base).organisation!;
  const headOrg = loadOrganisation(head).organisation!;
  const settings = { now: NOW, name: 's', backend, pagerdutySubdomain: 'acme' };
  const headState = renderStack(headOrg, settings);
  const untouched = unchangedSquads(base, head, baseOrg, headOrg);
  const reuse = (squad: string) => (untouched.has(squad) ? headState.resources.filter((r) => r.squad === squad) : undefined);
  const sorted = (list: readonly DesiredResource[]) => list.map((r) => JSON.stringify(r)).sort();
  return {
    untouched,
    withReuse: sorted(renderStack(baseOrg, settings, reuse).resources),
    whole: sorted(renderStack(baseOrg, settings).resources),
  };
}

const CHANGES: Array<[string, SourceTree, SourceTree, string[]]> = [
  [
    'an alert of payments',
    fixtureTree(),
    withEdit('payments/team.yaml', 'thresholds: { critical: "> 2", warning: "> 1" }', 'thresholds: { critical: "> 3", warning: "> 1" }'),
    ['platform', 'storefront'],
  ],
  [
    'a member of storefront',
    fixtureTree(),
    withEdit(
      'storefront/team.yaml',
      'members: [alice, bruno, chloe, david]\n\nrotations',
      'members: [alice, bruno, chloe, david, manon]\n\nrotations',
    ),
    ['payments', 'platform'],
  ],
  ['org.yaml', fixtureTree(), withEdit('org.yaml', 'maxAboveMean: 50', 'maxAboveMean: 40'), []],
  [
    'the pool a contract routes to',
    POOL,
    withEdit('technicians/team.yaml', 'members: [tom, lea, sam, zoe]\n    start', 'members: [lea, tom, sam, zoe]\n    start', POOL),
    [],
  ],
  ['a contract served by the pool', POOL, withEdit('contract-b/team.yaml', 'after: 30m', 'after: 20m', POOL), ['contract-a']],
];

describe.each(CHANGES)('a change to %s', (_, base, head, untouched) => {
  it.each(['pagerduty', 'opsgenie', 'datadog'] as Backend[])(
    '%s: the base with squads taken from the head is the whole base',
    (backend) => {
      const planned = basePlanned(base, head, backend);
      expect([...planned.untouched].sort()).toEqual(untouched);
      expect(planned.withReuse).toEqual(planned.whole);
    },
  );
});
