/**
 * Republished calendars update subscribers' copies: read back with two independent parsers (Mozilla's ical.js and
 * node-ical), an event whose shift changed hands has a higher SEQUENCE than in the previous publication, an
 * unchanged one keeps it, and none goes down; shifts do not block the agenda (TRANSP:TRANSPARENT); each calendar
 * has a name and a refresh hint.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ICAL from 'ical.js';
import nodeIcal, { type VEvent } from 'node-ical';
import { describe, expect, it } from 'vitest';
import { loadOrganisation } from '../../modules/model/load';
import type { Organisation } from '../../modules/model/types';
import { calendars, type CalendarFile } from '../../modules/schedule/calendar';
import { readPublished } from '../../modules/schedule/ics-sequence';
import { fixtureTree, runCli, withEdit } from '../helpers';

const FROM = Date.parse('2026-11-30T00:00:00Z');
const TO = FROM + 8 * 7 * 86_400_000;
const FIRST = new Date('2026-11-30T08:00:00Z');
const LATER = new Date('2026-12-02T17:30:00Z');

const before = loadOrganisation(fixtureTree()).organisation!;
// Bruno takes 24 hours of the storefront shift of 2026-12-07, which splits that shift in three.
const after = loadOrganisation(
  withEdit(
    'storefront/team.yaml',
    '    overrides:\n',
    '    overrides:\n      - { person: bruno, start: 2026-12-08 09:00, end: 2026-12-09 09:00 }\n',
  ),
).organisation!;

function publish(org: Organisation, stamp: Date, previous?: readonly CalendarFile[]): CalendarFile[] {
  return calendars(org, FROM, TO, stamp, (name) => {
    const file = previous?.find((f) => f.name === name);
    return file ? readPublished(file.contents) : undefined;
  });
}

interface Read {
  readonly uid: string;
  readonly sequence: number;
  readonly transparent: boolean;
  readonly start: number;
}

/** Events as ical.js reads them. */
function withIcalJs(contents: string): Read[] {
  return new ICAL.Component(ICAL.parse(contents)).getAllSubcomponents('vevent').map((c) => ({
    uid: String(c.getFirstPropertyValue('uid')),
    sequence: Number(c.getFirstPropertyValue('sequence')),
    transparent: c.getFirstPropertyValue('transp') === 'TRANSPARENT',
    start: (c.getFirstPropertyValue('dtstart') as ICAL.Time).toJSDate().getTime(),
  }));
}

/** Events as node-ical reads them. */
function withNodeIcal(contents: string): Read[] {
  return Object.values(nodeIcal.sync.parseICS(contents))
    .filter((c): c is VEvent => c?.type === 'VEVENT')
    .map((e) => {
      return { uid: e.uid, sequence: Number(e.sequence), transparent: e.transparency === 'TRANSPARENT', start: e.start.getTime() };
    });
}

const PARSERS = [
  ['ical.js', withIcalJs],
  ['node-ical', withNodeIcal],
] as const;

describe.each(PARSERS)('read with %s', (_, read) => {
  const first = publish(before, FIRST);
  const again = publish(before, LATER, first);
  const changed = publish(after, LATER, first);
  const byUid = (files: readonly CalendarFile[], name: string) =>
    new Map(read(files.find((f) => f.name === name)!.contents).map((e) => [e.uid, e]));

  it('keeps every SEQUENCE when nothing changed', () => {
    for (const file of first) {
      const a = byUid(first, file.name);
      const b = byUid(again, file.name);
      expect([...b.keys()]).toEqual([...a.keys()]);
      for (const [uid, e] of b) expect(e.sequence).toBe(a.get(uid)!.sequence);
    }
  });

  it('raises the SEQUENCE of the events that changed, and of those only', () => {
    for (const name of ['all.ics', 'team-storefront.ics', 'person-alice.ics', 'team-payments.ics']) {
      const a = byUid(first, name);
      const b = byUid(changed, name);
      let raised = 0;
      for (const [uid, e] of b) {
        const old = a.get(uid);
        if (!old) continue;
        const same = old.start === e.start && JSON.stringify(rawEvent(first, name, uid)) === JSON.stringify(rawEvent(changed, name, uid));
        if (same) expect(e.sequence).toBe(old.sequence);
        else {
          expect(e.sequence).toBeGreaterThan(old.sequence);
          raised++;
        }
      }
      // Alice's storefront shift of 2026-12-07 now ends when bruno's override starts.
      expect(raised).toBe(name === 'team-payments.ics' ? 0 : 1);
    }
  });

  it('never lowers a SEQUENCE, even from a publication without the previous files', () => {
    const fresh = publish(before, LATER);
    for (const file of first) {
      const a = byUid(first, file.name);
      for (const [uid, e] of byUid(fresh, file.name)) if (a.has(uid)) expect(e.sequence).toBeGreaterThan(a.get(uid)!.sequence);
    }
  });

  it('marks shifts as free time', () => {
    const events = read(first.find((f) => f.name === 'all.ics')!.contents);
    expect(events.length).toBeGreaterThan(10);
    expect(events.every((e) => e.transparent)).toBe(true);
  });
});

/** The lines of one event (UID aside) without SEQUENCE and DTSTAMP: what changed for a reader. */
function rawEvent(files: readonly CalendarFile[], name: string, uid: string): string[] {
  const text = files.find((f) => f.name === name)!.contents.replace(/\r\n /g, '');
  const event = text.split('BEGIN:VEVENT').find((e) => e.includes(`UID:${uid}\r\n`))!;
  return event.split('\r\n').filter((l) => !/^(SEQUENCE|DTSTAMP):/.test(l));
}

it('names each calendar and asks clients to refresh it hourly', () => {
  const file = publish(before, FIRST).find((f) => f.name === 'team-storefront.ics')!;
  const cal = new ICAL.Component(ICAL.parse(file.contents));
  expect(cal.getFirstPropertyValue('x-wr-calname')).toBe('Storefront on call');
  expect(String(cal.getFirstPropertyValue('refresh-interval'))).toBe('PT1H');
  expect(cal.getFirstPropertyValue('x-published-ttl')).toBe('PT1H');
});

it('`oncall calendar` reads the previous publication from the folder it replaces', async () => {
  const out = join(mkdtempSync(join(tmpdir(), 'oncall-cal-')), 'site');
  const sequences = () => withIcalJs(readFileSync(join(out, 'all.ics'), 'utf8')).map((e) => `${e.uid} ${e.sequence}`);
  expect((await runCli(['calendar', '--out', out, '--from', '2026-11-30'], undefined, { ONCALL_NOW: FIRST.toISOString() })).code).toBe(0);
  const first = sequences();
  expect((await runCli(['calendar', '--out', out, '--from', '2026-11-30'], undefined, { ONCALL_NOW: LATER.toISOString() })).code).toBe(0);
  expect(sequences()).toEqual(first);
});
