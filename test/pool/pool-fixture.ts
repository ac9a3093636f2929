/**
 * A managed-services organisation (test/fixtures/pool): the `technicians` pool's rotations serve the contract
 * squads, which have no rotation of their own. `contract-a` routes to `technicians/primary`; `contract-b` has no
 * routing and its only policy names the pool's rotation.
 */
import { join } from 'node:path';
import { analyse } from '../../modules/pipeline';
import type { Organisation } from '../../modules/model/types';
import { BACKENDS, type Backend } from '../../modules/render/desired';
import { readTeamsDir } from '../../modules/spec/read-dir';
import type { SourceTree } from '../../modules/spec/source';
import { parseStackFile, type StackSpec } from '../../modules/spec/stacks';
import { ROOT } from '../helpers';

export const POOL_DIR = join(ROOT, 'test', 'fixtures', 'pool', 'teams');

let tree: SourceTree | undefined;
export function poolTree(): SourceTree {
  tree ??= { ...readTeamsDir(POOL_DIR), root: 'teams' };
  return tree;
}

/** A stack of the whole organisation (or of `teams`) on a backend. */
export function poolStack(backend: Backend, teams?: readonly string[]): StackSpec {
  const list = teams ? `\n  oncall:teams: [${teams.join(', ')}]` : '';
  const text = `config:\n  oncall:backend: ${backend}\n  oncall:pagerdutySubdomain: pool\n  datadog:apiUrl: https://api.datadoghq.eu/${list}\n`;
  const name = `pool-${backend}${teams ? `-${teams.join('-')}` : ''}`;
  return parseStackFile(`stacks/Pulumi.${name}.yaml`, name, text).stack!;
}

export const POOL_STACKS: readonly StackSpec[] = BACKENDS.map((b) => poolStack(b));

/** 2026-11-23, a Monday noon in Paris: contract squads are served by the pool's week of `lea`. */
export const POOL_NOW = Date.parse('2026-11-23T12:00:00+01:00');

export function poolAnalysis(stacks: readonly StackSpec[] = POOL_STACKS, source: SourceTree = poolTree()) {
  return analyse(source, POOL_NOW, { stacks, problems: [] });
}

export function poolOrg(): Organisation {
  const result = poolAnalysis();
  if (!result.organisation) throw new Error('the pool fixture does not load');
  return result.organisation;
}
