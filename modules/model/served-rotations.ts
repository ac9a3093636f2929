/**
 * The rotations that answer for a squad: its own, then the other squads' rotations (a pool's) its routing and
 * policies name. A pool rotation stays one rotation of the squad that owns it: it is listed here for each squad it
 * serves, but counted once wherever people's time is added up (the organisation's rotations).
 */
import type { Organisation, Rotation, Squad } from './types';

export function servedRotations(org: Organisation, team: Squad): Rotation[] {
  const out = new Map<string, Rotation>();
  for (const rotation of team.rotations.values()) out.set(rotation.key, rotation);
  const add = (key: string): void => {
    const rotation = org.rotations.get(key);
    if (rotation && !out.has(key)) out.set(key, rotation);
  };
  for (const rule of team.routing) add(rule.rotation);
  for (const policy of team.escalations.values()) {
    if (policy.retired) continue;
    for (const step of policy.steps) for (const t of step.targets) if (t.kind === 'rotation') add(t.rotation);
  }
  return [...out.values()];
}

/** How a squad names a rotation: its own by id (`oncall`), another squad's (a pool's) by `squad/id`. */
export function rotationLabel(team: Squad, key: string): string {
  return key.startsWith(`${team.id}/`) ? key.slice(team.id.length + 1) : key;
}
