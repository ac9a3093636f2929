/**
 * Being on call (after swaps and overrides) while unavailable is an error naming the person, the
 * rotation and the dates, with a swap partner to suggest: someone of the rotation who is free then and
 * due later at a time the unavailable person can take in exchange.
 */
import type { Problem } from '../core/problem';
import type { Organisation, Rotation, Unavailability } from '../model/types';
import { DAY, formatLocal, instantOf, isoDateOfLocal, localDateMinute, localMinute } from '../core/local-time';
import { problemAt } from './problem-at';
import { clockFor, rotationShifts, type Shift } from './shifts';
import { handoffAt, memberFor } from './turns';

/** [start, end) instants of an unavailability, whole days in the person's zone. */
export function unavailableInterval(org: Organisation, u: Unavailability): [number, number] {
  const zone = org.people.get(u.person)?.timezone ?? org.timezone;
  return [instantOf(zone, localDateMinute(u.from)), instantOf(zone, localDateMinute(u.to) + 1440)];
}

function isUnavailable(org: Organisation, person: string, start: number, end: number): boolean {
  return org.unavailability.some((u) => {
    if (u.person !== person) return false;
    const [s, e] = unavailableInterval(org, u);
    return s < end && start < e;
  });
}

/** Turns of one person in a rotation that overlap [from, to), with the shifts in each. */
function conflicts(rotation: Rotation, person: string, from: number, to: number): Map<number, Shift[]> {
  const byTurn = new Map<number, Shift[]>();
  for (const s of rotationShifts(rotation, from, to)) {
    if (s.person !== person) continue;
    byTurn.set(s.turn, [...(byTurn.get(s.turn) ?? []), s]);
  }
  return byTurn;
}

/** Whether `person` is on call in another rotation of the organisation at some time in [start, end). */
function onCallElsewhere(org: Organisation, rotation: Rotation, person: string, start: number, end: number): boolean {
  for (const other of org.rotations.values()) {
    if (other === rotation || other.retired) continue;
    if (rotationShifts(other, start, end).some((s) => s.person === person)) return true;
  }
  return false;
}

/**
 * A member free during [start, end) whose next turn (within a year) the unavailable person could take. Free means
 * neither away nor on call in another rotation then (a primary's swap must not make its partner primary and
 * secondary at once), and the same holds for the unavailable person on the turn taken in exchange.
 */
function suggestPartner(
  org: Organisation,
  rotation: Rotation,
  person: string,
  turn: number,
  start: number,
  end: number,
): { partner: string; date: string } | undefined {
  const clock = clockFor(rotation);
  const zone = rotation.timezone;
  const horizon = end + 366 * DAY;
  let best: { partner: string; date: string; at: number } | undefined;
  const candidates = new Set(rotation.segments.flatMap((s) => s.members));
  for (const partner of candidates) {
    if (partner === person || isUnavailable(org, partner, start, end) || onCallElsewhere(org, rotation, partner, start, end)) continue;
    for (let k = turn + 1; ; k++) {
      const s = handoffAt(clock, k);
      if (s > horizon || (best && s >= best.at)) break;
      if (memberFor(clock, k) !== partner) continue;
      const e = handoffAt(clock, k + 1);
      if (isUnavailable(org, person, s, e) || onCallElsewhere(org, rotation, person, s, e)) continue;
      best = { partner, date: isoDateOfLocal(localMinute(zone, s)), at: s };
      break;
    }
  }
  return best && { partner: best.partner, date: best.date };
}

export function unavailabilityProblems(org: Organisation): Problem[] {
  const problems: Problem[] = [];
  for (const u of org.unavailability) {
    const [from, to] = unavailableInterval(org, u);
    for (const rotation of org.rotations.values()) {
      const involved = rotation.segments.some((s) => s.members.includes(u.person)) || rotation.overrides.some((o) => o.person === u.person);
      if (rotation.retired || !involved) continue;
      for (const [turn, shifts] of conflicts(rotation, u.person, from, to)) {
        const first = shifts[0] as Shift;
        const last = shifts[shifts.length - 1] as Shift;
        const clock = clockFor(rotation);
        const zone = rotation.timezone;
        const turnDate = isoDateOfLocal(localMinute(zone, handoffAt(clock, turn)));
        const suggestion =
          first.source === 'override'
            ? undefined
            : suggestPartner(org, rotation, u.person, turn, handoffAt(clock, turn), handoffAt(clock, turn + 1));
        const hint = suggestion
          ? `swap with ${suggestion.partner}, who is free then and due on ${suggestion.date}: add to \`${rotation.id}\` \`swaps: [{between: [${u.person}, ${suggestion.partner}], shifts: [${turnDate}, ${suggestion.date}]}]\``
          : first.source === 'override'
            ? 'change the override'
            : 'nobody in the rotation is free then: add an override';
        problems.push({
          ...problemAt(
            u.source,
            'error',
            'schedule/unavailable-on-call',
            `${u.person} is on call in \`${rotation.key}\` from ${formatLocal(first.start, zone)} to ${formatLocal(last.end, zone)} but unavailable from ${u.from} to ${u.to}${u.reason ? ` (${u.reason})` : ''}`,
          ),
          suggestion: hint,
        });
      }
    }
  }
  return problems;
}
