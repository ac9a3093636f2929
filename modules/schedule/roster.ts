/**
 * The planning view: every shift of a window, with what a reader of the spreadsheet wanted next to it —
 * overrides and swaps with their reasons, public holidays, and who of the rotation is away.
 */
import type { Organisation, Rotation } from '../model/types';
import { isoDateOfLocal, localMinute } from '../core/local-time';
import { servedRotations } from '../model/served-rotations';
import { organisationShifts, shiftsOverlapping, type Shift } from './shifts';
import { unavailableInterval } from './unavailability-checks';
import { holidaysBetween } from '../model/holiday-calendar';

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
  return [...holidaysBetween(org.holidays, isoDateOfLocal(localMinute(zone, start)), isoDateOfLocal(localMinute(zone, end - 1)))];
}

/** The absences of a rotation's members, as instants, computed once per rotation rather than per shift. */
function absencesOf(org: Organisation, rotation: Rotation): Array<{ start: number; end: number; note: string }> {
  const members = new Set(rotation.segments.flatMap((s) => s.members));
  return org.unavailability
    .filter((u) => members.has(u.person))
    .map((u) => {
      const [start, end] = unavailableInterval(org, u);
      return { start, end, note: `${u.person} away ${u.from} → ${u.to}${u.reason ? ` (${u.reason})` : ''}` };
    });
}

/** Every shift of [from, to); of one squad, the shifts of the rotations answering for it (a pool's included). */
export function roster(org: Organisation, from: number, to: number, team?: string): RosterRow[] {
  const rows: RosterRow[] = [];
  const absences = new Map<Rotation, ReturnType<typeof absencesOf>>();
  const squad = team === undefined ? undefined : org.squads.get(team);
  const shifts = squad
    ? servedRotations(org, squad).flatMap((r) => (r.retired ? [] : shiftsOverlapping(r, from, to)))
    : organisationShifts(org, from, to, team);
  for (const shift of shifts) {
    const rotation = org.rotations.get(`${shift.team}/${shift.rotation}`);
    if (!rotation) continue;
    const zone = rotation.timezone;
    const notes: string[] = [];
    if (shift.source === 'override') notes.push(`override${shift.reason ? `: ${shift.reason}` : ''}`);
    if (shift.source === 'swap') notes.push(`swap with ${shift.swappedWith}${shift.reason ? `: ${shift.reason}` : ''}`);
    for (const h of holidaysDuring(org, zone, shift.start, shift.end)) notes.push(`holiday ${h.date}: ${h.name}`);
    let away = absences.get(rotation);
    if (!away) {
      away = absencesOf(org, rotation);
      absences.set(rotation, away);
    }
    for (const a of away) if (a.start < shift.end && shift.start < a.end) notes.push(a.note);
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
