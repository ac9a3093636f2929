/**
 * Coverage promises: every instant a squad's routing sends alerts to a rotation must find someone on
 * call there (only the hours its services promise, when each of them states a promise), and every rotation must have someone throughout its coverage windows. Hours with nobody
 * are reported per squad and week.
 */
import type { Problem } from '../core/problem';
import type { Organisation, Rotation, Source, Squad } from '../model/types';
import { formatSeconds } from '../core/duration';
import { coveredIntervals } from './coverage';
import { intersect, subtract, union, type Interval } from '../core/intervals';
import { promisedByService } from './service-promises';
import { formatLocal, instantOf, isoDateOfLocal, localMinute, weekdayOfLocal } from '../core/local-time';
import { problemAt } from './problem-at';
import { clockFor, rotationShifts } from './shifts';
import { handoffAt } from './turns';

export interface Gap {
  readonly team: string;
  readonly rotation: string;
  readonly start: number;
  readonly end: number;
  /** The rotation has not started yet. */
  readonly beforeStart: boolean;
  readonly source: Source;
  readonly why: string;
  /** Part of what the squad promises (its routed hours), not only of a rotation's own coverage. */
  readonly ofPromise: boolean;
}

function staffed(rotation: Rotation, from: number, to: number): Interval[] {
  return union(rotationShifts(rotation, from, to).map((s) => [s.start, s.end] as const));
}

/** Intervals in [from, to) where a promise of the squad has nobody on call. */
export function squadGaps(org: Organisation, team: Squad, from: number, to: number): Gap[] {
  return squadCoverage(org, team, from, to).gaps;
}

/** What the squad promises in [from, to) (routed hours, or its rotations' own coverage) and its gaps. */
export function squadCoverage(org: Organisation, team: Squad, from: number, to: number): { promised: Interval[]; gaps: Gap[] } {
  const gaps: Gap[] = [];
  const promised: Interval[] = [];
  const push = (rotation: Rotation, holes: Interval[], source: Source, why: string, ofPromise: boolean): void => {
    const start = handoffAt(clockFor(rotation), 0);
    for (const [s, e] of holes) {
      // Split at the rotation's start: before it the rotation simply has not begun.
      if (s < start)
        gaps.push({ team: team.id, rotation: rotation.id, start: s, end: Math.min(e, start), beforeStart: true, source, why, ofPromise });
      if (e > start)
        gaps.push({ team: team.id, rotation: rotation.id, start: Math.max(s, start), end: e, beforeStart: false, source, why, ofPromise });
    }
  };
  const routed = new Set<string>();
  let earlier: Interval[] = [];
  for (const rule of team.routing) {
    const rotation = org.rotations.get(rule.rotation);
    if (!rotation || rotation.retired) continue;
    routed.add(rotation.id);
    const applies = subtract(coveredIntervals(rule.timezone, rule.during, from, to), earlier);
    earlier = union([...earlier, ...applies]);
    const byService = promisedByService(team, from, to);
    if (!byService) {
      promised.push(...applies);
      push(
        rotation,
        subtract(applies, staffed(rotation, from, to)),
        rule.source,
        `routing sends alerts to \`${rotation.id}\`, which has nobody on call then`,
        true,
      );
      continue;
    }
    for (const { service, source, what, hours } of byService) {
      const owed = intersect(applies, hours);
      promised.push(...owed);
      push(
        rotation,
        subtract(owed, staffed(rotation, from, to)),
        source,
        `\`${service}\` promises ${what}, and routing sends its alerts to \`${rotation.id}\`, which has nobody on call then`,
        true,
      );
    }
  }
  for (const rotation of team.rotations.values()) {
    if (rotation.retired || routed.has(rotation.id)) continue;
    const own = coveredIntervals(rotation.timezone, rotation.coverage, from, to);
    if (team.routing.length === 0) promised.push(...own);
    push(
      rotation,
      subtract(own, staffed(rotation, from, to)),
      rotation.source,
      `\`${rotation.id}\` promises ${rotation.coverage.kind === 'always' ? '24/7' : rotation.coverage.kind.replace('-', ' ')} but has nobody on call then`,
      team.routing.length === 0,
    );
  }
  return { promised: union(promised), gaps };
}

/** A gap cut at local Monday 00:00, so that each piece lies in one week. */
function splitByWeek(gap: Gap, zone: string): Gap[] {
  const out: Gap[] = [];
  let start = gap.start;
  while (start < gap.end) {
    const local = localMinute(zone, start);
    const nextMonday = Math.floor(local / 1440) * 1440 + (8 - weekdayOfLocal(local)) * 1440;
    const end = Math.min(gap.end, instantOf(zone, nextMonday));
    out.push({ ...gap, start, end });
    start = end;
  }
  return out;
}

/** Problems for the gaps of every squad in [from, to), one per squad, rotation and local week. */
export function coverageProblems(org: Organisation, from: number, to: number): Problem[] {
  const problems: Problem[] = [];
  for (const team of org.squads.values()) {
    if (team.retired) continue;
    const groups = new Map<string, Gap[]>();
    for (const whole of squadGaps(org, team, from, to)) {
      const zone = org.rotations.get(`${team.id}/${whole.rotation}`)?.timezone ?? org.timezone;
      for (const gap of splitByWeek(whole, zone)) {
        const local = localMinute(zone, gap.start);
        const monday = isoDateOfLocal(Math.floor(local / 1440) * 1440 - (weekdayOfLocal(local) - 1) * 1440);
        // Per reason too: gaps of two services' promises are reported each with its service.
        const key = `${gap.rotation}|${monday}|${gap.beforeStart}|${gap.why}`;
        groups.set(key, [...(groups.get(key) ?? []), gap]);
      }
    }
    for (const [key, list] of groups) {
      const [rotationId, monday] = key.split('|');
      const first = list[0] as Gap;
      const zone = org.rotations.get(`${team.id}/${rotationId}`)?.timezone ?? org.timezone;
      const minutes = list.reduce((n, g) => n + (g.end - g.start) / 60_000, 0);
      const where = list
        .slice(0, 3)
        .map((g) => `${formatLocal(g.start, zone)} → ${formatLocal(g.end, zone)}`)
        .join(', ');
      const more = list.length > 3 ? ` and ${list.length - 3} more` : '';
      if (first.beforeStart) {
        problems.push(
          problemAt(
            first.source,
            'warning',
            'coverage/not-started',
            `\`${team.id}\` has nobody on call for ${formatSeconds(minutes * 60)} in the week of ${monday} because \`${rotationId}\` has not started yet (${where}${more})`,
          ),
        );
      } else {
        problems.push(
          problemAt(
            first.source,
            'error',
            'coverage/gap',
            `\`${team.id}\` has nobody on call for ${formatSeconds(minutes * 60)} in the week of ${monday} (${where}${more}): ${first.why}`,
          ),
        );
      }
    }
  }
  return problems;
}
