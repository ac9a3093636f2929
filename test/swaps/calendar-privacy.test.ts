/** The reason of a day or span swap is only in the calendars of the two people who take time; read with ical.js. */
import ICAL from 'ical.js';
import { expect, it } from 'vitest';
import { loadOrganisation } from '../../modules/model/load';
import { calendars } from '../../modules/schedule/calendar';
import { DST_AND_HANDOFF_SWAPS, withSwaps } from './trees';

const org = loadOrganisation(withSwaps(DST_AND_HANDOFF_SWAPS)).organisation!;
const files = calendars(org, Date.parse('2026-10-01T00:00:00Z'), Date.parse('2026-11-15T00:00:00Z'), new Date(0));

function mentions(name: string, text: string): boolean {
  const contents = files.find((f) => f.name === name)?.contents;
  if (contents === undefined) throw new Error(`no calendar ${name}`);
  const out: string[] = [];
  const walk = (c: ICAL.Component) => {
    for (const p of c.getAllProperties()) for (const v of p.getValues()) out.push(String(v));
    c.getAllSubcomponents().forEach(walk);
  };
  walk(new ICAL.Component(ICAL.parse(contents)));
  return out.some((t) => t.includes(text));
}

it.each(['bruno is at a wedding', 'chloe has a train to catch'])('"%s" is in bruno’s and chloe’s calendars only', (reason) => {
  expect(mentions('person-bruno.ics', reason)).toBe(true);
  expect(mentions('person-chloe.ics', reason)).toBe(true);
  for (const name of ['all.ics', 'team-storefront.ics', 'person-alice.ics', 'person-david.ics'])
    expect(mentions(name, reason), name).toBe(false);
  // The shared calendar still shows the exchange, without why.
  expect(mentions('all.ics', 'swap with bruno')).toBe(true);
  expect(mentions('all.ics', 'swap with chloe')).toBe(true);
});
