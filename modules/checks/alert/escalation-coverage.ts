import type { Rotation, Squad } from '../../model/types';
import { complement, normaliseIntervals } from '../../model/windows';
import { MINUTES_PER_WEEK } from '../../model/types';
import { alertFinding, type Finding, type ReadinessCheck } from '../check';

function describe(intervals: ReadonlyArray<readonly [number, number]>): string {
  const days = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
  const at = (m: number) =>
    `${days[Math.floor(m / 1440) % 7]} ${String(Math.floor((m % 1440) / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  return (
    intervals
      .slice(0, 3)
      .map(([s, e]) => `${at(s)}–${at(e % MINUTES_PER_WEEK)}`)
      .join(', ') + (intervals.length > 3 ? '…' : '')
  );
}

/**
 * Weekly minutes where the squad's routing sends an alert to a rotation that does not cover it; `rotations` are
 * the organisation's, by `squad/id`, since a rule may name a pool's.
 */
export function uncoveredHours(team: Squad, rotations: ReadonlyMap<string, Rotation>): Array<readonly [number, number]> {
  const holes: Array<[number, number]> = [];
  let earlier: Array<[number, number]> = [];
  for (const rule of team.routing) {
    const rotation = rotations.get(rule.rotation);
    const applies = normaliseIntervals(complementOf(earlier, rule.during.intervals));
    earlier = normaliseIntervals([...earlier, ...applies]);
    if (!rotation) continue;
    holes.push(...normaliseIntervals(complementOf(rotation.coverage.intervals, applies)));
  }
  holes.push(...complement(earlier));
  return normaliseIntervals(holes);
}

/** `wanted` minus `removed`, as weekly intervals. */
function complementOf(
  removed: ReadonlyArray<readonly [number, number]>,
  wanted: ReadonlyArray<readonly [number, number]>,
): Array<[number, number]> {
  const notRemoved = complement(removed);
  const out: Array<[number, number]> = [];
  for (const [s, e] of wanted)
    for (const [a, b] of notRemoved) if (Math.max(s, a) < Math.min(e, b)) out.push([Math.max(s, a), Math.min(e, b)]);
  return out;
}

/** An alert that pages reaches someone whatever the hour: the squad routes it to rotations covering every hour. */
export const escalationCoverageCheck: ReadinessCheck = {
  name: 'alert/escalation-coverage',
  run: ({ org, alerts }) => {
    const findings: Finding[] = [];
    for (const a of alerts) {
      if (!a.page) continue;
      const team = org.squads.get(a.squad);
      if (!team || team.routing.length === 0 || team.escalations.size === 0) {
        findings.push(
          alertFinding(
            'alert/escalation-coverage',
            a,
            `\`${a.id}\` pages but squad \`${a.squad}\` has no escalation policy and rotation to page`,
          ),
        );
        continue;
      }
      const holes = uncoveredHours(team, org.rotations);
      if (holes.length > 0) {
        findings.push(
          alertFinding(
            'alert/escalation-coverage',
            a,
            `\`${a.id}\` can fire when squad \`${a.squad}\` routes it to nobody on call: ${describe(holes)}`,
          ),
        );
      }
    }
    return findings;
  },
};
