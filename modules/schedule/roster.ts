/**
 * The planning view: every shift of a window, with what a reader of the spreadsheet wanted next to it —
 * overrides and swaps with their reasons, public holidays, and who of the rotation is away.
 */
import type { Organisation } from '../model/types';
import { isoDateOfLocal, localMinute } from '../core/local-time';
import { organisationShifts, type Shift } from './shifts';
import { unavailableInterval } from './unavailability-checks';

export interface RosterRow {
  readonly team: string;
  readonly rotation: string;
  readonly timezone: string;
  readonly person: string;
  readonly start: number;
  readonly end: number;
  /** Local date of the start, in the rotation's zone. */
  readonly date: string;
  readonly notes: readonly string[];
  readonly shift: Shift;
}

/** Public holidays whose day (in `zone`) overlaps [start, end). */
export function holidaysDuring(org: Organisation, zone: string, start: number, end: number): Array<{ date: string; name: string }> {
  const first = isoDateOfLocal(localMinute(zone, start));
  const last = isoDateOfLocal(localMinute(zone, end - 1));
  return org.holidays.filter((h) => h.date >= first && h.date <= last);
}

export function roster(org: Organisation, from: number, to: number, team?: string): RosterRow[] {
  const rows: RosterRow[] = [];
  for (const shift of organisationShifts(org, from, to, team)) {
    const rotation = org.rotations.get(`${shift.team}/${shift.rotation}`);
    if (!rotation) continue;
    const zone = rotation.timezone;
    const notes: string[] = [];
    if (shift.source === 'override') notes.push(`override${shift.reason ? `: ${shift.reason}` : ''}`);
    if (shift.source === 'swap') notes.push(`swap with ${shift.swappedWith}${shift.reason ? `: ${shift.reason}` : ''}`);
    for (const h of holidaysDuring(org, zone, shift.start, shift.end)) notes.push(`holiday ${h.date}: ${h.name}`);
    const members = new Set(rotation.segments.flatMap((s) => s.members));
    for (const u of org.unavailability) {
      if (!members.has(u.person)) continue;
      const [s, e] = unavailableInterval(org, u);
      if (s < shift.end && shift.start < e) notes.push(`${u.person} away ${u.from} → ${u.to}${u.reason ? ` (${u.reason})` : ''}`);
    }
    rows.push({
      team: shift.team,
      rotation: shift.rotation,
      timezone: zone,
      person: shift.person,
      start: shift.start,
      end: shift.end,
      date: isoDateOfLocal(localMinute(zone, shift.start)),
      notes: [...new Set(notes)],
      shift,
    });
  }
  // Shifts come by squad and rotation (in file order), each in time order.
  return rows;
}
