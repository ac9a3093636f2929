/**
 * A swap names what each side gives and the people due then; both must still hold, so that a roster change
 * that moves someone's turn is an error at the swap rather than a silent exchange of someone else's time.
 */
import type { Problem } from '../core/problem';
import type { Organisation, Rotation, SpanSwap } from '../model/types';
import { formatLocal, isoDateOfLocal, localMinute } from '../core/local-time';
import { problemAt } from './problem-at';
import { clockFor, swapTurns } from './turn-swaps';
import { holdersDuring, type Holding } from './exchanges';
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
    for (const swap of rotation.swaps) if (swap.kind !== 'shifts') problems.push(...spanSwapProblems(rotation, swap));
  }
  return problems;
}

/** Each side of a day or span swap must hold all it gives (after whole-turn swaps). */
function spanSwapProblems(rotation: Rotation, swap: SpanSwap): Problem[] {
  const clock = clockFor(rotation);
  const zone = rotation.timezone;
  const holders = swap.gives.map((g) => holdersDuring(clock, g.start, g.end));
  const out: Problem[] = [];
  swap.gives.forEach((give, i) => {
    const giver = swap.between[i] as string;
    const other = swap.between[1 - i] as string;
    const held = holders[i] as Holding[];
    if (held.every((h) => h.person === giver)) return;
    const what =
      swap.kind === 'days' ? `the day ${give.text} (${formatLocal(give.start, zone)} → ${formatLocal(give.end, zone)})` : `${give.text}`;
    const actually = held.map(
      (h) => `${h.person ?? 'nobody (the rotation has not started)'} from ${formatLocal(h.start, zone)} to ${formatLocal(h.end, zone)}`,
    );
    let hint: string;
    const reversed = (holders[1 - i] as Holding[]).every((h) => h.person === giver) && held.every((h) => h.person === other);
    if (reversed) {
      hint = `the two entries seem to be the other way round: ${giver} is on call for the other one; write \`between: [${swap.between[1]}, ${swap.between[0]}]\``;
    } else {
      const next = nextTurnOf(rotation, giver, give.start);
      hint = next
        ? `${giver}'s nearest turn runs from ${formatLocal(next.start, zone)} to ${formatLocal(next.end, zone)}; give time from it, or let ${held.find((h) => h.person !== giver)?.person ?? 'the person on call'} swap instead`
        : `${giver} has no turn of \`${rotation.key}\` near then; swap with the person on call instead`;
    }
    out.push({
      ...problemAt(
        give.source,
        'error',
        'swap/not-on-call',
        `${giver} gives ${what} of \`${rotation.key}\` in a swap with ${other}, but is not on call for all of it; on call then: ${actually.join('; ')}`,
      ),
      suggestion: hint,
    });
  });
  return out;
}

/** The turn held by `person` (after whole-turn swaps) nearest to `instant`, looking a few cycles either side. */
export function nextTurnOf(rotation: Rotation, person: string, instant: number): { start: number; end: number } | undefined {
  const clock = clockFor(rotation);
  const members = Math.max(...rotation.segments.map((s) => s.members.length), 1);
  const k = turnAt(clock, instant);
  const reach = (members + 1) * clock.length * 60_000;
  let best: { start: number; end: number } | undefined;
  for (const h of holdersDuring(clock, Math.max(handoffAt(clock, 0), handoffAt(clock, k) - reach), handoffAt(clock, k + 1) + reach)) {
    if (h.person !== person) continue;
    const distance = (x: { start: number; end: number }) => Math.min(Math.abs(x.start - instant), Math.abs(x.end - instant));
    if (!best || distance(h) < distance(best)) best = { start: h.start, end: h.end };
  }
  return best;
}

function nearbyStarts(clock: ReturnType<typeof clockFor>, date: string): string[] {
  const zone = clock.rotation.timezone;
  const at = Date.parse(`${date}T12:00:00Z`);
  const k = Math.max(0, turnAt(clock, at));
  return [k, k + 1].map((i) => isoDateOfLocal(localMinute(zone, handoffAt(clock, i))));
}
