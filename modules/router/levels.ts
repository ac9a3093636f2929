/**
 * Who a call to a squad's line rings, level by level, at an instant: the squad's routing picks the rotation
 * `on-call` means and the policy; each step of the policy is a level, and rings everyone it names at the same
 * time (a rotation counts for whoever is on call in it then). A step that names nobody new — a renotification
 * of people just rung — is skipped, and so is a rotation with nobody on call at that instant: the call goes
 * on to the next level.
 * A call reaches a squad's line and names no service, so services' promises (modules/schedule/service-paging.ts)
 * do not apply: a caller at noon reaches the squad's routed rotation even if every contract is off-hours only.
 */
import type { Organisation, Rotation, Squad } from '../model/types';
import { coveredIntervals, isCovered } from '../schedule/coverage';
import { DAY, HOUR } from '../core/local-time';
import { rotationShifts, shiftAt } from '../schedule/shifts';

export interface Callee {
  readonly person: string;
  /** Why this person: `on-call (storefront/oncall)`, `rotation platform/secondary`, `manager`. */
  readonly role: string;
}

/** The people one step rings at the same time, in the order the step names them. */
export type Level = readonly Callee[];

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
  const onDuty = (rotation: Rotation | undefined): string | undefined =>
    rotation && !rotation.retired ? shiftAt(rotation, instant)?.person : undefined;
  const routed = (): Callee | undefined => {
    const rotation = rule ? org.rotations.get(rule.rotation) : [...team.rotations.values()][0];
    const person = onDuty(rotation);
    return person === undefined ? undefined : { person, role: `on-call (${rotation?.key ?? 'none'})` };
  };
  if (!policy) {
    const only = routed();
    return only ? [[only]] : [];
  }
  const levels: Level[] = [];
  const rung = new Set<string>();
  for (const step of policy.steps) {
    const level: Callee[] = [];
    const add = (person: string | undefined, role: string): void => {
      if (person !== undefined && !level.some((c) => c.person === person)) level.push({ person, role });
    };
    for (const target of step.targets) {
      if (target.kind === 'on-call') {
        const c = routed();
        add(c?.person, c?.role ?? '');
      } else if (target.kind === 'rotation') add(onDuty(org.rotations.get(target.rotation)), `rotation ${target.rotation}`);
      else add(target.person, target.asManager ? 'manager' : 'person');
    }
    if (level.some((c) => !rung.has(c.person))) {
      levels.push(level);
      for (const c of level) rung.add(c.person);
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
