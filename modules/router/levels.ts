/**
 * Who a call to a squad's line rings, level by level, at an instant: the squad's routing picks the rotation
 * `on-call` means and the policy; each step of the policy adds the people it notifies, in order and once
 * each; a rotation with nobody on call at that instant is skipped, so the call goes to the next level.
 * A call reaches a squad's line and names no service, so services' promises (modules/schedule/service-paging.ts)
 * do not apply: a caller at noon reaches the squad's routed rotation even if every contract is off-hours only.
 */
import type { Organisation, Rotation, Squad } from '../model/types';
import { coveredIntervals, isCovered } from '../schedule/coverage';
import { DAY, HOUR } from '../core/local-time';
import { rotationShifts, shiftAt } from '../schedule/shifts';

export interface Level {
  readonly person: string;
  /** Why this person: `on-call (storefront/oncall)`, `rotation platform/secondary`, `manager`. */
  readonly role: string;
}

export interface Snapshot {
  readonly levels: readonly Level[];
  readonly computedAt: number;
  /** The levels hold until then (the next handoff, override edge or routing change). */
  readonly validUntil: number;
}

function routedRule(team: Squad, instant: number) {
  return team.routing.find((r) => isCovered(r.timezone, r.during, instant));
}

export function callLevels(org: Organisation, team: Squad, instant: number): Level[] {
  const rule = routedRule(team, instant);
  const policy = rule ? team.escalations.get(rule.escalation) : [...team.escalations.values()][0];
  const levels: Level[] = [];
  const add = (person: string | undefined, role: string): void => {
    if (person !== undefined && !levels.some((l) => l.person === person)) levels.push({ person, role });
  };
  const onDuty = (rotation: Rotation | undefined): string | undefined =>
    rotation && !rotation.retired ? shiftAt(rotation, instant)?.person : undefined;
  if (!policy) {
    const rotation = rule ? org.rotations.get(rule.rotation) : [...team.rotations.values()][0];
    add(onDuty(rotation), `on-call (${rotation?.key ?? 'none'})`);
    return levels;
  }
  for (const step of policy.steps) {
    for (const target of step.targets) {
      if (target.kind === 'on-call') {
        const rotation = rule ? org.rotations.get(rule.rotation) : [...team.rotations.values()][0];
        add(onDuty(rotation), `on-call (${rotation?.key ?? 'none'})`);
      } else if (target.kind === 'rotation') {
        add(onDuty(org.rotations.get(target.rotation)), `rotation ${target.rotation}`);
      } else add(target.person, target.asManager ? 'manager' : 'person');
    }
  }
  return levels;
}

/** The next instant after `instant` at which the levels of `team` may change, at most an hour away. */
export function nextChange(org: Organisation, team: Squad, instant: number): number {
  let next = instant + HOUR;
  const rotations = new Set<Rotation>();
  for (const rule of team.routing) {
    const r = org.rotations.get(rule.rotation);
    if (r) rotations.add(r);
    for (const [s, e] of coveredIntervals(rule.timezone, rule.during, instant, instant + 2 * DAY)) {
      for (const edge of [s, e]) if (edge > instant) next = Math.min(next, edge);
    }
  }
  for (const policy of team.escalations.values()) {
    for (const step of policy.steps)
      for (const t of step.targets)
        if (t.kind === 'rotation') {
          const r = org.rotations.get(t.rotation);
          if (r) rotations.add(r);
        }
  }
  for (const rotation of rotations) {
    for (const s of rotationShifts(rotation, instant, Math.min(next, instant + 2 * DAY) + 1)) {
      for (const edge of [s.start, s.end]) if (edge > instant) next = Math.min(next, edge);
    }
  }
  return next;
}

export function snapshot(org: Organisation, team: Squad, instant: number): Snapshot {
  return { levels: callLevels(org, team, instant), computedAt: instant, validUntil: nextChange(org, team, instant) };
}
