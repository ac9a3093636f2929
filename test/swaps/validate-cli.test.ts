/** `oncall validate` on a swap a roster change broke: exit 1, the day positioned, who is on call, the fix. */
import { rmSync } from 'node:fs';
import { afterAll, expect, it } from 'vitest';
import { lineOf, runCli, writeTree } from '../helpers';
import { DST_AND_HANDOFF_SWAPS, TEAM, withRosterChange, withSwaps } from './trees';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

it('prints each broken side of the swap at its day, with who is on call then and a suggestion', async () => {
  const tree = withRosterChange('2026-10-05', 'bruno, alice, chloe, david', withSwaps(DST_AND_HANDOFF_SWAPS));
  const dir = writeTree(tree);
  dirs.push(dir);
  const run = await runCli(['validate', '--teams', dir, '--format', 'json'], undefined, { ONCALL_NOW: '2026-10-01T12:00:00+02:00' });
  expect(run.code).toBe(1);
  const problems = JSON.parse(run.stdout).problems as Array<{ code: string; line: number; message: string; suggestion?: string }>;
  const day = problems.find((p) => p.code === 'swap/not-on-call' && p.message.includes('2026-10-24'))!;
  expect(day.line).toBe(lineOf(TEAM, 'days: [2026-10-24', tree));
  expect(day.message).toContain('on call then: chloe from 2026-10-24 09:00 to 2026-10-25 09:00');
  expect(day.suggestion).toBe(
    "bruno's nearest turn runs from 2026-11-02 09:00 to 2026-11-09 09:00; give time from it, or let chloe swap instead",
  );
});
