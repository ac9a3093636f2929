/** A swap names two shifts by their start dates and the people due then; both must still hold. */
import type { Problem } from '../core/problem';
import type { Organisation } from '../model/types';
import { formatLocal, isoDateOfLocal, localMinute } from '../core/local-time';
import { problemAt } from './problem-at';
import { clockFor, swapTurns } from './shifts';
import { handoffAt, memberFor, turnAt } from './turns';

export function swapProblems(org: Organisation): Problem[] {
  const problems: Problem[] = [];
  for (const rotation of org.rotations.values()) {
    const clock = clockFor(rotation);
    for (const { swap, turns } of swapTurns(clock)) {
      swap.shifts.forEach((date, i) => {
        const k = turns[i];
        const expected = swap.between[i] as string;
        if (k === undefined) {
          const near = nearbyStarts(clock, date);
          problems.push(
            problemAt(
              swap.source,
              'error',
              'swap/no-shift',
              `no shift of \`${rotation.key}\` starts on ${date}${near.length ? `; shifts start on ${near.join(' and ')}` : ''}`,
            ),
          );
          return;
        }
        const due = memberFor(clock, k);
        if (due !== expected) {
          problems.push(
            problemAt(
              swap.source,
              'error',
              'swap/not-due',
              `the shift of \`${rotation.key}\` starting ${formatLocal(handoffAt(clock, k), rotation.timezone)} is ${due ?? 'nobody'}'s, not ${expected}'s; the swap no longer matches the roster`,
            ),
          );
        }
      });
    }
  }
  return problems;
}

function nearbyStarts(clock: ReturnType<typeof clockFor>, date: string): string[] {
  const zone = clock.rotation.timezone;
  const at = Date.parse(`${date}T12:00:00Z`);
  const k = Math.max(0, turnAt(clock, at));
  return [k, k + 1].map((i) => isoDateOfLocal(localMinute(zone, handoffAt(clock, i))));
}
