/**
 * Our own renderings, published into an account and imported (as in ./round-trip.test.ts, from the export without a
 * server): who the account pages over 52 weeks, read with Datadog On-Call's semantics by the interpreters of
 * test/fidelity (which share nothing with the importer), against who the imported YAML's engine pages, for every
 * squad and every service with a promise. Run by the round-trip-paging-*.test.ts files, a few organisations each
 * (roundTripPagingSuite).
 */
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { publishDatadogAccount } from '../../../modules/bench/api/datadog-oncall-publish';
import { datadogOnCallAdapter } from '../../../modules/migrate/datadog-oncall/adapter';
import { renameObserved } from '../../../modules/migrate/rename';
import { analyse } from '../../../modules/pipeline';
import { renderStack } from '../../../modules/render/stack';
import { readTeamsDir } from '../../../modules/spec/read-dir';
import { readStacksDir } from '../../../modules/spec/read-stacks';
import { ROOT } from '../../helpers';
import { importedTree } from './imported-tree';
import { pagingMismatches } from './paging';

const NOW = Date.parse('2026-01-05T00:00:00+01:00');

/** The mismatches of an organisation (`test/fixtures/acme` or `examples/<name>`) and how many squads it imported. */
export function roundTripPaging(relative: string): { squads: number; mismatches: string[] } {
  const dir = join(ROOT, relative);
  const stack = readStacksDir(join(dir, 'stacks')).stacks.find((s) => s.backend === 'datadog')!;
  const source = analyse(readTeamsDir(join(dir, 'teams')), NOW, { stacks: [stack], problems: [] }).organisation!;
  const state = renderStack(source, { now: NOW, name: stack.name, backend: 'datadog', teams: stack.teams, pagerdutySubdomain: 'example' });
  const observed = datadogOnCallAdapter.observe(publishDatadogAccount(state, source));
  const result = datadogOnCallAdapter.importTeams(observed, { phones: false, now: NOW });
  const org = analyse(importedTree(result.teams), NOW, { stacks: [stack], problems: [] }).organisation!;
  return { squads: org.squads.size, mismatches: pagingMismatches(org, renameObserved(observed, result.links), NOW) };
}

/** The test of each organisation: it imports squads, and they page whom the account pages. */
export function roundTripPagingSuite(dirs: readonly string[]): void {
  it.each(dirs)(
    '%s pages, over 52 weeks, whom its account pages',
    (dir) => {
      const { squads, mismatches } = roundTripPaging(dir);
      expect(squads).toBeGreaterThan(0);
      expect(mismatches).toEqual([]);
    },
    60_000,
  );
}
