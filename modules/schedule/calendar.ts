/**
 * iCalendar files (RFC 5545) of the shifts: one for everybody, one per squad, one per person. Each shift
 * is a VEVENT whose UID is derived from its squad, rotation and start, so republishing the files updates
 * events instead of duplicating them. Times are UTC, which every client shows in its own zone.
 */
import ical, { ICalCalendarMethod } from 'ical-generator';
import type { Organisation } from '../model/types';
import { roster, type RosterRow } from './roster';

export interface CalendarFile {
  readonly name: string;
  readonly contents: string;
}

export const CALENDAR_DOMAIN = 'oncall-as-code';

export function shiftUid(row: Pick<RosterRow, 'team' | 'rotation' | 'start'>): string {
  const stamp = new Date(row.start).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
  return `${row.team}.${row.rotation}.${stamp}@${CALENDAR_DOMAIN}`;
}

export function shiftSummary(org: Organisation, row: Pick<RosterRow, 'team' | 'rotation' | 'person'>): string {
  const team = org.teams.get(row.team);
  const rotation = team && team.rotations.size > 1 ? ` ${row.rotation}` : '';
  return `On call: ${row.team}${rotation} (${row.person})`;
}

function calendarOf(org: Organisation, name: string, rows: readonly RosterRow[], stamp: Date): string {
  const cal = ical({
    name,
    prodId: { company: CALENDAR_DOMAIN, product: 'oncall', language: 'EN' },
    method: ICalCalendarMethod.PUBLISH,
    ttl: 3600,
  });
  for (const row of rows) {
    const person = org.people.get(row.person);
    cal.createEvent({
      id: shiftUid(row),
      start: new Date(row.start),
      end: new Date(row.end),
      stamp,
      summary: shiftSummary(org, row),
      description: [`${person?.name ?? row.person} is on call in ${row.team}/${row.rotation}.`, ...row.notes].join('\n'),
      categories: [{ name: row.team }],
    });
  }
  return cal.toString();
}

/** all.ics, team-<id>.ics for each squad and person-<id>.ics for each person of a rotation. */
export function calendars(org: Organisation, from: number, to: number, stamp: Date): CalendarFile[] {
  const rows = roster(org, from, to);
  const files: CalendarFile[] = [{ name: 'all.ics', contents: calendarOf(org, `${org.name} on call`, rows, stamp) }];
  for (const team of org.teams.values()) {
    files.push({ name: `team-${team.id}.ics`, contents: calendarOf(org, `${team.name} on call`, rows.filter((r) => r.team === team.id), stamp) });
  }
  const people = new Set<string>();
  for (const rotation of org.rotations.values()) {
    for (const s of rotation.segments) s.members.forEach((m) => people.add(m));
    for (const o of rotation.overrides) people.add(o.person);
  }
  for (const id of [...people].sort()) {
    const name = org.people.get(id)?.name ?? id;
    files.push({ name: `person-${id}.ics`, contents: calendarOf(org, `${name} on call`, rows.filter((r) => r.person === id), stamp) });
  }
  return files;
}
