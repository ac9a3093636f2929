/**
 * iCalendar files (RFC 5545) of the shifts: one for everybody, one per squad, one per person. Each shift
 * is a VEVENT whose UID is derived from its squad, rotation and start, so republishing the files updates
 * events instead of duplicating them. Times are UTC, which every client shows in its own zone.
 */
import type { Organisation } from '../model/types';
import { servedRotations } from '../model/served-rotations';
import { roster, type RosterRow } from './roster';
import { renderCalendar, renderEvent, type IcsEvent } from './ics';
import { AbsencesByRotation, calendarNotes } from './calendar-notes';
import { sequenceOf, type Published } from './ics-sequence';

export interface CalendarFile {
  readonly name: string;
  readonly contents: string;
}

export const CALENDAR_DOMAIN = 'oncall-as-code';

export function shiftUid(row: Pick<RosterRow, 'team' | 'rotation' | 'start'>): string {
  const stamp = new Date(row.start)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
  return `${row.team}.${row.rotation}.${stamp}@${CALENDAR_DOMAIN}`;
}

export function shiftSummary(org: Organisation, row: Pick<RosterRow, 'team' | 'rotation' | 'person'>): string {
  const team = org.squads.get(row.team);
  const rotation = team && team.rotations.size > 1 ? ` ${row.rotation}` : '';
  return `On call: ${row.team}${rotation} (${row.person})`;
}

function eventOf(org: Organisation, row: RosterRow, notes: readonly string[]): IcsEvent {
  const person = org.people.get(row.person);
  return {
    uid: shiftUid(row),
    start: row.start,
    end: row.end,
    summary: shiftSummary(org, row),
    description: [`${person?.name ?? row.person} is on call in ${row.team}/${row.rotation}.`, ...notes].join('\n'),
    categories: [row.team],
  };
}

/**
 * all.ics, team-<id>.ics for each squad and person-<id>.ics for each person of a rotation. The shared
 * files carry no reasons (see calendar-notes.ts); a person's own file may. A pool rotation's shift is one event
 * (one UID, under the squad that owns it) in all.ics and its person's file, and is in the file of every squad it
 * serves. `previous` gives the events of the last publication of a file by name, for their SEQUENCE (the squads'
 * files follow all.ics).
 */
export function calendars(
  org: Organisation,
  from: number,
  to: number,
  stamp: Date,
  previous: (file: string) => Published | undefined = () => undefined,
): CalendarFile[] {
  const rows = roster(org, from, to);
  // Each shift is rendered once for the shared calendars, and again for its person's calendar only when
  // that one says more (a reason of theirs).
  const absences = new AbsencesByRotation(org);
  const byRotation = new Map<string, string[]>();
  const byPerson = new Map<string, string[]>();
  const all: string[] = [];
  const sharedBefore = previous('all.ics');
  const ms = stamp.getTime();
  for (const row of rows) {
    const shared = calendarNotes(org, absences, row);
    // Only the reason of an override or a swap differs in the person's own calendar.
    const personal = row.shift.reason ? calendarNotes(org, absences, row, row.person) : shared;
    const event = eventOf(org, row, shared);
    const sequence = sequenceOf(event, sharedBefore, ms);
    const text = renderEvent(event, ms, sequence);
    const ownEvent = sameNotes(shared, personal) ? event : eventOf(org, row, personal);
    const ownSequence = sequenceOf(ownEvent, previous(`person-${row.person}.ics`), ms);
    const own = ownEvent === event && ownSequence === sequence ? text : renderEvent(ownEvent, ms, ownSequence);
    all.push(text);
    const key = `${row.team}/${row.rotation}`;
    const rotationList = byRotation.get(key);
    if (rotationList) rotationList.push(text);
    else byRotation.set(key, [text]);
    const list = byPerson.get(row.person);
    if (list) list.push(own);
    else byPerson.set(row.person, [own]);
  }
  const files: CalendarFile[] = [{ name: 'all.ics', contents: renderCalendar(`${org.name} on call`, all) }];
  for (const team of org.squads.values()) {
    const events = servedRotations(org, team).flatMap((r) => byRotation.get(r.key) ?? []);
    files.push({ name: `team-${team.id}.ics`, contents: renderCalendar(`${team.name} on call`, events) });
  }
  const people = new Set<string>();
  for (const rotation of org.rotations.values()) {
    for (const s of rotation.segments) s.members.forEach((m) => people.add(m));
    for (const o of rotation.overrides) people.add(o.person);
  }
  for (const id of [...people].sort()) {
    const name = org.people.get(id)?.name ?? id;
    files.push({ name: `person-${id}.ics`, contents: renderCalendar(`${name} on call`, byPerson.get(id) ?? []) });
  }
  return files;
}

function sameNotes(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((note, i) => note === b[i]);
}
