/**
 * What an event of a calendar says besides who is on call: overrides, swaps, public holidays and who of the
 * rotation is away. Reasons are private. The reason of an absence is in no calendar: the absence shows on
 * the shifts of the others, who need its dates, not why (and the absent person is never on call then:
 * `validate` refuses it). The reason of an override or a swap, which often quotes an absence ("chloe is on
 * holiday"), is only in the calendar of the person who takes the shift; the shared calendars (everybody,
 * per squad) say "override" or "swap with chloe".
 */
import type { Organisation, Rotation } from '../model/types';
import { holidaysDuring, type RosterRow } from './roster';
import { unavailableInterval } from './unavailability-checks';

interface Absence {
  readonly person: string;
  readonly start: number;
  readonly end: number;
  readonly dates: string;
}

/** Absences of each rotation's members, as instants, computed once per rotation of a calendar run. */
export class AbsencesByRotation {
  private readonly cache = new Map<Rotation, readonly Absence[]>();
  constructor(private readonly org: Organisation) {}

  overlapping(rotation: Rotation, start: number, end: number): Absence[] {
    let all = this.cache.get(rotation);
    if (!all) {
      const members = new Set(rotation.segments.flatMap((s) => s.members));
      all = this.org.unavailability
        .filter((u) => members.has(u.person))
        .map((u) => {
          const [s, e] = unavailableInterval(this.org, u);
          return { person: u.person, start: s, end: e, dates: `${u.from} → ${u.to}` };
        });
      this.cache.set(rotation, all);
    }
    return all.filter((a) => a.start < end && start < a.end);
  }
}

function withReason(text: string, reason: string | undefined): string {
  return reason ? `${text}: ${reason}` : text;
}

/**
 * The notes of a shift as `viewer` sees them: `undefined` for the shared calendars, else the owner of the
 * person's calendar (who is on call in the shift).
 */
export function calendarNotes(org: Organisation, absences: AbsencesByRotation, row: RosterRow, viewer?: string): string[] {
  const { shift } = row;
  const own = viewer === row.person;
  const notes: string[] = [];
  if (shift.source === 'override') notes.push(withReason('override', own ? shift.reason : undefined));
  if (shift.source === 'swap') notes.push(withReason(`swap with ${shift.swappedWith ?? '?'}`, own ? shift.reason : undefined));
  for (const h of holidaysDuring(org, row.timezone, row.start, row.end)) notes.push(`holiday ${h.date}: ${h.name}`);
  const rotation = org.rotations.get(`${row.team}/${row.rotation}`);
  if (rotation) {
    for (const a of absences.overlapping(rotation, row.start, row.end)) notes.push(`${a.person} away ${a.dates}`);
  }
  return [...new Set(notes)];
}
