/** Reasons are private: read back with an independent parser (ical.js), the shared calendars carry none. */
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { loadOrganisation } from '../../modules/model/load';
import { calendars } from '../../modules/schedule/calendar';
import { fixtureTree } from '../helpers';

const org = loadOrganisation(fixtureTree()).organisation!;
const files = calendars(org, Date.parse('2026-01-01T00:00:00Z'), Date.parse('2027-01-01T00:00:00Z'), new Date(0));
const shared = files.filter((f) => f.name === 'all.ics' || f.name.startsWith('team-'));

/** Every text value of a calendar as ical.js reads it (unescaped and unfolded), events' and calendar's. */
function texts(contents: string): string[] {
  const out: string[] = [];
  const walk = (c: ICAL.Component) => {
    for (const p of c.getAllProperties()) for (const v of p.getValues()) out.push(String(v));
    c.getAllSubcomponents().forEach(walk);
  };
  walk(new ICAL.Component(ICAL.parse(contents)));
  return out;
}
function mentions(contents: string, text: string): boolean {
  return texts(contents).some((t) => t.includes(text));
}
const file = (name: string) => files.find((f) => f.name === name)!.contents;

const absences = org.unavailability.filter((u) => u.reason);
const rotations = [...org.rotations.values()];
const overrides = rotations.flatMap((r) => r.overrides.filter((o) => o.reason).map((o) => ({ reason: o.reason!, people: [o.person] })));
const swaps = rotations.flatMap((r) => r.swaps.filter((s) => s.reason).map((s) => ({ reason: s.reason!, people: [...s.between] })));

describe('reasons in the calendars', () => {
  it('the fixture has absences, overrides and swaps with reasons, and the shared calendars show them without', () => {
    expect(absences.length).toBeGreaterThan(0);
    expect(overrides.length).toBeGreaterThan(0);
    expect(swaps.length).toBeGreaterThan(0);
    expect(shared.length).toBe(1 + org.squads.size);
    // The absences and the exchanges still show, so that the test below is not vacuous.
    for (const u of absences) expect(mentions(file('all.ics'), `${u.person} away ${u.from} → ${u.to}`)).toBe(true);
    expect(mentions(file('all.ics'), 'override')).toBe(true);
    for (const s of swaps) for (const p of s.people) expect(mentions(file('all.ics'), `swap with ${p}`)).toBe(true);
  });

  it.each(shared.map((f) => [f.name]))('%s carries no reason of an absence, an override or a swap', (name) => {
    for (const { reason } of [...absences.map((u) => ({ reason: u.reason! })), ...overrides, ...swaps]) {
      expect(mentions(file(name), reason), reason).toBe(false);
    }
  });

  it('no calendar, not even the absent person’s, carries the reason of an absence', () => {
    for (const f of files) for (const u of absences) expect(mentions(f.contents, u.reason!), `${f.name}: ${u.reason}`).toBe(false);
  });

  it('the calendar of the person who takes an overridden or swapped shift keeps its reason', () => {
    for (const { reason, people } of [...overrides, ...swaps]) {
      for (const p of people) expect(mentions(file(`person-${p}.ics`), reason), `person-${p}.ics: ${reason}`).toBe(true);
    }
  });
});
