import { join } from 'node:path';
import { it } from 'vitest';
import { readStacksDir } from '../../../modules/spec/read-stacks';
import { readTeamsDir } from '../../../modules/spec/read-dir';
import { roundTrip } from './round-trip';
it('dbg', async () => {
  const e = process.env.EX!;
  const stack = readStacksDir(join('/work/wt/pagerduty/examples', e, 'stacks')).stacks.find((s) => s.backend === 'pagerduty')!;
  const trip = await roundTrip(readTeamsDir(join('/work/wt/pagerduty/examples', e, 'teams')), stack, Date.parse('2026-01-05T00:00:00+01:00'), 'example');
  const renamed = new Set(trip.renamed.resources.map((r) => r.name));
  console.log(trip.state.resources.filter((r) => !renamed.has(r.name)).map((r) => r.name + ' ' + r.type));
  console.log(trip.renamed.resources.map((r) => r.name).join(' '));
  console.log(JSON.stringify(trip.imported.findings, null, 1).slice(0, 3000));
});
