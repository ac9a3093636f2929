/**
 * Who is on call at an instant, in every rotation of every squad, or in the rotations answering for one squad
 * (its own and the pool rotations it routes or escalates to, named after the squad that owns them).
 */
import type { Organisation } from '../model/types';
import { servedRotations } from '../model/served-rotations';
import { shiftAt, type Shift } from './shifts';

export interface OnCall {
  readonly team: string;
  readonly rotation: string;
  readonly timezone: string;
  /** Null when the rotation does not cover that instant. */
  readonly person: string | null;
  readonly shift?: Shift;
}

export function whoIsOnCall(org: Organisation, instant: number, team?: string): OnCall[] {
  const out: OnCall[] = [];
  for (const t of org.squads.values()) {
    if (team !== undefined && t.id !== team) continue;
    for (const rotation of team === undefined ? t.rotations.values() : servedRotations(org, t)) {
      if (rotation.retired) continue;
      const shift = shiftAt(rotation, instant);
      out.push({ team: rotation.squad, rotation: rotation.id, timezone: rotation.timezone, person: shift?.person ?? null, shift });
    }
  }
  return out;
}
