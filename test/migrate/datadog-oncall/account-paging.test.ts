/**
 * The hand-written account (./account) over 52 weeks: who it pages, read with Datadog On-Call's semantics by the
 * interpreters of test/fidelity, against who the imported YAML's engine pages, for each squad and service. The one
 * difference is the one a finding names: the override of 14 July covers the whole day on Datadog, while the YAML
 * carries it on the night rotation, within its hours (09:00–18:00 in Paris is 07:00–16:00 UTC that day).
 */
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { datadogOnCallAdapter } from '../../../modules/migrate/datadog-oncall/adapter';
import { renameObserved } from '../../../modules/migrate/rename';
import { analyse } from '../../../modules/pipeline';
import { importedTree } from './imported-tree';
import { pagingMismatches } from './paging';

const NOW = Date.parse('2026-01-10T00:00:00Z');

it('pages whom the account pages, but on the day of the override a finding names', async () => {
  const observed = datadogOnCallAdapter.observe(await datadogOnCallAdapter.read({ kind: 'dir', dir: join(__dirname, 'account') }));
  const result = datadogOnCallAdapter.importTeams(observed, { phones: false, now: NOW });
  expect(result.findings.some((f) => f.source.type === 'override' && f.what.includes('2026-07-14T09:00+02:00'))).toBe(true);
  const org = analyse(importedTree(result.teams), NOW).organisation!;
  const wrong = pagingMismatches(org, renameObserved(observed, result.links), NOW, 52, 1000);
  expect(wrong.length).toBeGreaterThan(0);
  const during = (w: string) => {
    const t = Date.parse(w.split(' ')[0]!);
    return t >= Date.parse('2026-07-14T07:00:00Z') && t < Date.parse('2026-07-14T16:00:00Z') && w.includes('grace-hopper');
  };
  expect(wrong.filter((w) => !during(w))).toEqual([]);
});
