/** The commands on a pool organisation: a contract's `who` and roster show the pool, its load is shown once. */
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers';
import { POOL_DIR } from './pool-fixture';

const run = (args: string[]) => runCli(args, dirname(POOL_DIR), { ONCALL_NOW: '2026-11-23T12:00:00+01:00' });

describe('oncall on a pool organisation', () => {
  it('validates clean, with the pool counted once', async () => {
    const result = await run(['validate']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('3 squads, 5 people, 2 rotations');
  });

  it("`who --team` of a contract names the pool's person", async () => {
    const result = await run(['who', '--team', 'contract-b', '--format', 'json']);
    expect(
      JSON.parse(result.stdout).map((r: { team: string; rotation: string; person: string }) => [r.team, r.rotation, r.person]),
    ).toEqual([['technicians', 'primary', 'sam']]);
  });

  it("the organisation's roster shows the pool's load once, under the pool; a contract's roster shows it for the contract", async () => {
    const all = (await run(['roster', '--weeks', '2'])).stdout;
    const load = all.slice(all.indexOf('Load in this window'));
    expect(
      load
        .split('\n')
        .filter((l) => /^ {2}\S+:/.test(l))
        .map((l) => l.split(':')[0]?.trim()),
    ).toEqual(['technicians']);
    const contract = (await run(['roster', '--weeks', '2', '--team', 'contract-a'])).stdout;
    expect(contract).toContain('technicians/primary');
    expect(contract).toMatch(/\n {2}contract-a: /);
  });
});
