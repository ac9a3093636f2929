/**
 * SEQUENCE numbers of republished events (RFC 5545 §3.8.7.4): clients keep the copy with the highest SEQUENCE
 * of a UID, so an event whose shift changed hands must get a higher one than it had, and no event may ever get
 * a lower one. Calendars are written without a database: the previous publication, when the files are
 * published from the same folder, gives each UID's SEQUENCE and content. A changed event gets one more; a new
 * event (or one of a publication with no previous files, as from a fresh checkout in CI) gets the minutes since
 * 2026-01-01 of the publication — higher than anything an earlier publication can have written, as long as
 * publications are a minute apart or more.
 */
import { escapeText, utcStamp, type IcsEvent } from './ics';

export interface PublishedEvent {
  readonly sequence: number;
  /** The event's dates and texts as written (see `eventContent`). */
  readonly content: string;
}

/** UID → what the previous publication of one file said of it. */
export type Published = ReadonlyMap<string, PublishedEvent>;

const SEQUENCE_EPOCH = Date.parse('2026-01-01T00:00:00Z');
const COMPARED = ['DTSTART', 'DTEND', 'SUMMARY', 'DESCRIPTION', 'CATEGORIES'] as const;

/** What a reader of the event sees, as the property values written in the file. */
export function eventContent(e: IcsEvent): string {
  const values: Record<(typeof COMPARED)[number], string> = {
    DTSTART: utcStamp(e.start),
    DTEND: utcStamp(e.end),
    SUMMARY: escapeText(e.summary),
    DESCRIPTION: e.description ? escapeText(e.description) : '',
    CATEGORIES: e.categories?.length ? e.categories.map(escapeText).join(',') : '',
  };
  return COMPARED.map((name) => values[name]).join('\n');
}

/** The events of a calendar this program wrote before (another file gives an empty map). */
export function readPublished(text: string): Published {
  const out = new Map<string, PublishedEvent>();
  const lines = text.replace(/\r\n[ \t]/g, '').split(/\r?\n/);
  let event: Map<string, string> | undefined;
  for (const line of lines) {
    if (line === 'BEGIN:VEVENT') event = new Map();
    else if (line === 'END:VEVENT' && event) {
      const uid = event.get('UID');
      const sequence = Number(event.get('SEQUENCE'));
      if (uid !== undefined && Number.isSafeInteger(sequence)) {
        out.set(uid, { sequence, content: COMPARED.map((name) => event?.get(name) ?? '').join('\n') });
      }
      event = undefined;
    } else if (event) {
      const colon = line.indexOf(':');
      if (colon > 0) event.set(line.slice(0, colon), line.slice(colon + 1));
    }
  }
  return out;
}

/** The SEQUENCE of an event published at `stamp`, given the previous publication of its file. */
export function sequenceOf(e: IcsEvent, previous: Published | undefined, stamp: number): number {
  const before = previous?.get(e.uid);
  if (before && before.content === eventContent(e)) return before.sequence;
  const fresh = Math.max(0, Math.floor((stamp - SEQUENCE_EPOCH) / 60_000));
  return before ? Math.max(before.sequence + 1, fresh) : fresh;
}
