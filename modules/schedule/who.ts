/** Who is on call at an instant, in every rotation of every squad (or of one). */
import type { Organisation } from '../model/types';
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
    for (const rotation of t.rotations.values()) {
      if (rotation.retired) continue;
      const shift = shiftAt(rotation, instant);
      out.push({ team: t.id, rotation: rotation.id, timezone: rotation.timezone, person: shift?.person ?? null, shift });
    }
  }
  return out;
}
