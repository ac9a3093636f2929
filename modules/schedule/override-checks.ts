/**
 * An override replaces whoever is due. With `replaces`, it says whom: that person must be due (after swaps)
 * for all of it, so a roster change that moves their turn is an error at the override. Without it, an override
 * still to come over the turns of several people is a warning: after a roster change it would land on other
 * people's time unnoticed.
 */
import type { Problem } from '../core/problem';
import { formatLocal } from '../core/local-time';
import type { Organisation, Override, Rotation } from '../model/types';
import { dueDuring, type Holding } from './exchanges';
import { problemAt } from './problem-at';
import { nextTurnOf } from './swap-checks';

/** `now`: an override over by then is history; only one still to come can land on someone else's time. */
export function overrideProblems(org: Organisation, now: number): Problem[] {
  const problems: Problem[] = [];
  for (const rotation of org.rotations.values()) {
    for (const o of rotation.overrides) {
      if (o.replaces === undefined && o.end <= now) continue;
      const due = dueDuring(rotation, o.start, o.end);
      const problem = o.replaces === undefined ? severalPeople(rotation, o, due) : notReplacing(rotation, o, o.replaces, due);
      if (problem) problems.push(problem);
    }
  }
  return problems;
}

function stretches(rotation: Rotation, due: readonly Holding[]): string {
  const zone = rotation.timezone;
  return due
    .map((h) => `${h.person ?? 'nobody (the rotation has not started)'} from ${formatLocal(h.start, zone)} to ${formatLocal(h.end, zone)}`)
    .join('; ');
}

function notReplacing(rotation: Rotation, o: Override, replaced: string, due: readonly Holding[]): Problem | undefined {
  if (due.every((h) => h.person === replaced)) return undefined;
  const zone = rotation.timezone;
  const others = [...new Set(due.map((h) => h.person).filter((p): p is string => p !== null && p !== replaced && p !== o.person))];
  const turn = nextTurnOf(rotation, replaced, o.start);
  const nearest = turn
    ? `${replaced}'s nearest turn runs from ${formatLocal(turn.start, zone)} to ${formatLocal(turn.end, zone)}`
    : undefined;
  const absent = !due.some((h) => h.person === replaced);
  const suggestion =
    absent && others.length === 1
      ? `if ${o.person} covers for ${others[0]}, write \`replaces: ${others[0]}\`${nearest ? `; ${nearest}` : ''}`
      : absent && others.length === 0
        ? `${o.person} is on call then anyway, so the override changes nothing: move it${nearest ? ` (${nearest})` : ''} or remove it`
        : `keep the override within ${replaced}'s time${nearest ? ` (${nearest})` : ''}, or split it, one override per person replaced`;
  return {
    ...problemAt(
      o.source,
      'error',
      'override/not-replacing',
      `this override of \`${rotation.key}\` replaces ${replaced}, who is not on call for all of it (${formatLocal(o.start, zone)} → ${formatLocal(o.end, zone)}); on call then: ${stretches(rotation, due)}`,
    ),
    suggestion,
  };
}

function severalPeople(rotation: Rotation, o: Override, due: readonly Holding[]): Problem | undefined {
  const replaced = [...new Set(due.map((h) => h.person).filter((p): p is string => p !== null && p !== o.person))];
  if (replaced.length < 2) return undefined;
  return {
    ...problemAt(
      o.source,
      'warning',
      'override/several-people',
      `this override of \`${rotation.key}\` covers the time of ${replaced.join(', ')}: ${stretches(rotation, due)}`,
    ),
    suggestion: 'split it, one override per person replaced, each with `replaces:`, so that a roster change cannot move it silently',
  };
}
