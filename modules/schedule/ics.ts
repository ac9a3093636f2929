/**
 * iCalendar (RFC 5545) text: escaping, UTC date-times, and lines folded at 75 octets (UTF-8) with CRLF.
 * Written here rather than with a generator library because a year of calendars for a large organisation
 * is hundreds of thousands of events, each written into three calendars: the generator we tried spent most
 * of its time encoding characters one by one. Tests read these files back with Mozilla's ical.js.
 */
const CRLF = '\r\n';

/** TEXT value escaping (RFC 5545 §3.3.11). */
export function escapeText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** `20260330T070000Z`. */
export function utcStamp(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** Folds a content line to 75 octets per line; continuation lines start with a space (§3.1). */
export function fold(line: string): string {
  if (line.length <= 75 && /^[\x00-\x7f]*$/.test(line)) return line;
  const parts: string[] = [];
  let current = '';
  let bytes = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch, 'utf8');
    const limit = parts.length === 0 ? 75 : 74; // the leading space of a continuation counts
    if (bytes + size > limit) {
      parts.push(current);
      current = '';
      bytes = 0;
    }
    current += ch;
    bytes += size;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

export interface IcsEvent {
  readonly uid: string;
  readonly start: number;
  readonly end: number;
  readonly summary: string;
  readonly description?: string;
  readonly categories?: readonly string[];
}

/**
 * One event. `sequence` is its SEQUENCE (see ics-sequence.ts). A shift is TRANSP:TRANSPARENT: being on call does
 * not make a person busy, so a week of it does not block their agenda for meetings.
 */
export function renderEvent(e: IcsEvent, stamp: number, sequence = 0): string {
  const lines = [
    'BEGIN:VEVENT',
    `UID:${e.uid}`,
    `SEQUENCE:${sequence}`,
    `DTSTAMP:${utcStamp(stamp)}`,
    `DTSTART:${utcStamp(e.start)}`,
    `DTEND:${utcStamp(e.end)}`,
    `SUMMARY:${escapeText(e.summary)}`,
    ...(e.description ? [`DESCRIPTION:${escapeText(e.description)}`] : []),
    ...(e.categories?.length ? [`CATEGORIES:${e.categories.map(escapeText).join(',')}`] : []),
    'TRANSP:TRANSPARENT',
    'END:VEVENT',
  ];
  return lines.map(fold).join(CRLF);
}

/** A whole calendar from events already rendered. */
export function renderCalendar(name: string, renderedEvents: readonly string[]): string {
  const head = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//oncall-as-code//oncall//EN',
    'METHOD:PUBLISH',
    'CALSCALE:GREGORIAN',
    `NAME:${escapeText(name)}`,
    `X-WR-CALNAME:${escapeText(name)}`,
    'REFRESH-INTERVAL;VALUE=DURATION:PT1H',
    'X-PUBLISHED-TTL:PT1H',
  ].map(fold);
  return [...head, ...renderedEvents, 'END:VCALENDAR', ''].join(CRLF);
}
