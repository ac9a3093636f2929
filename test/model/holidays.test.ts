/**
 * `holidays:` in org.yaml: a country's public holidays (and a region's) from date-holidays, dated extras, and the
 * list form of before. The expected dates are the law's, not the library's reading: the eleven French public
 * holidays of Code du travail art. L3133-1 (Easter Sunday 2026 is 5 April), and in Alsace-Moselle Good Friday and
 * 26 December too (art. L3134-13).
 */
import { holidayOn, holidaysBetween } from '../../modules/model/holiday-calendar';
import { describe, expect, it } from 'vitest';
import { loadOrganisation } from '../../modules/model/load';
import { isCovered, coveredIntervals } from '../../modules/schedule/coverage';
import { fixtureTree, lineOf, withEdit } from '../helpers';
import { FRENCH_HOLIDAYS_2026 } from '../fixtures/french-holidays';

const HOLIDAYS = /holidays:\n(  - .*\n)+/;
const withHolidays = (yaml: string) => withEdit('org.yaml', HOLIDAYS, `holidays:\n${yaml}\n`);
const load = (yaml: string) => loadOrganisation(withHolidays(yaml));
const at = (iso: string) => Date.parse(iso);

describe('holidays of a country and region', () => {
  it("are France's eleven public holidays of 2026, and Alsace's two more with the region", () => {
    const france = load('  country: FR').organisation!;
    expect(holidaysBetween(france.holidays, '2026-01-01', '2026-12-31').map((h) => h.date)).toEqual(FRENCH_HOLIDAYS_2026);
    const alsace = load('  country: FR\n  region: "67"').organisation!;
    const dates = holidaysBetween(alsace.holidays, '2026-01-01', '2026-12-31').map((h) => h.date);
    expect(dates).toContain('2026-04-03');
    expect(dates).toContain('2026-12-26');
    expect(dates).toHaveLength(13);
    // Any year, not a list that runs out: Easter Monday 2031 is 14 April (Easter Sunday 13 April 2031).
    expect(holidayOn(france.holidays, '2031-04-14')).toBeDefined();
    expect(france.holidays.offHours).toBe(false);
  });

  it('adds dated extras, whose name wins on a date the country has', () => {
    const org = load(
      '  country: FR\n  extra:\n    - { date: 2026-12-24, name: Réveillon }\n    - { date: 2026-12-25, name: Noël (Acme) }\n  offHours: true',
    ).organisation!;
    expect(holidaysBetween(org.holidays, '2026-12-20', '2026-12-31')).toEqual([
      { date: '2026-12-24', name: 'Réveillon' },
      { date: '2026-12-25', name: 'Noël (Acme)' },
    ]);
    expect(org.holidays.offHours).toBe(true);
  });

  it('is an error for a country or region the library does not know, with the code to write', () => {
    const tree = withHolidays('  country: France');
    const [country] = loadOrganisation(tree).problems.filter((p) => p.code === 'holiday/unknown-country');
    expect(country).toMatchObject({ severity: 'error', file: 'teams/org.yaml', line: lineOf('org.yaml', 'country: France', tree) });
    expect(country?.suggestion).toBe('did you mean `FR` (France)?');

    const regionTree = withHolidays('  country: FR\n  region: "99"');
    const [region] = loadOrganisation(regionTree).problems.filter((p) => p.code === 'holiday/unknown-region');
    expect(region).toMatchObject({ severity: 'error', line: lineOf('org.yaml', 'region: "99"', regionTree) });
    expect(region?.message).toContain('`67`');

    expect(load('  region: BY').problems.map((p) => p.code)).toContain('holiday/unknown-region');
    expect(load('  offHours: true').problems.map((p) => `${p.severity} ${p.code}`)).toContain('warning holiday/none');
  });

  it('keeps the list form: reported only, coverage unchanged', () => {
    const org = loadOrganisation(fixtureTree()).organisation!;
    expect(holidayOn(org.holidays, '2026-12-25')?.name).toBe('Noël');
    expect(org.holidays.offHours).toBe(false);
    const run = org.rotations.get('payments/run')!;
    expect(isCovered(run.timezone, run.coverage, at('2026-12-25T12:00+01:00'))).toBe(true);
  });
});

describe('windows on a holiday, with offHours', () => {
  const org = load('  country: FR\n  extra:\n    - { date: 2026-10-26, name: After the autumn change }\n  offHours: true').organisation!;
  const run = org.rotations.get('payments/run')!;
  const oncall = org.rotations.get('payments/oncall')!;
  const zone = 'Europe/Paris';

  it('has no business hours and is off hours all day (Easter Monday 2026)', () => {
    expect(isCovered(zone, run.coverage, at('2026-04-06T12:00+02:00'))).toBe(false);
    expect(isCovered(zone, oncall.coverage, at('2026-04-06T12:00+02:00'))).toBe(true);
    // The Tuesday after is an ordinary day.
    expect(isCovered(zone, run.coverage, at('2026-04-07T12:00+02:00'))).toBe(true);
    const from = at('2026-04-05T00:00+02:00');
    const to = at('2026-04-08T00:00+02:00');
    expect(coveredIntervals(zone, run.coverage, from, to)).toEqual([[at('2026-04-07T09:00+02:00'), at('2026-04-07T18:00+02:00')]]);
    expect(coveredIntervals(zone, oncall.coverage, from, to)).toEqual([
      [from, at('2026-04-07T09:00+02:00')],
      [at('2026-04-07T18:00+02:00'), to],
    ]);
  });

  it('reads the date in the zone of the windows (a holiday in Paris starts at 22:00 UTC the day before)', () => {
    expect(isCovered(zone, oncall.coverage, at('2026-04-05T22:30Z'))).toBe(true);
    expect(isCovered('America/New_York', run.coverage, at('2026-04-06T12:00-04:00'))).toBe(false);
  });

  it('covers the whole 25-hour day after the clocks go back… the Monday after, in the daylight-saving week', () => {
    const from = at('2026-10-26T00:00+01:00');
    const to = at('2026-10-27T00:00+01:00');
    expect(coveredIntervals(zone, run.coverage, from, to)).toEqual([]);
    expect(coveredIntervals(zone, oncall.coverage, from, to)).toEqual([[from, to]]);
  });

  it('leaves custom windows and `always` alone', () => {
    const custom = loadOrganisation(
      withEdit(
        'payments/team.yaml',
        'coverage: business-hours ',
        'coverage: [{ days: monday-friday, from: "09:00", to: "18:00" }] ',
        withHolidays('  country: FR\n  offHours: true'),
      ),
    ).organisation!.rotations.get('payments/run')!;
    expect(custom.coverage.kind).toBe('custom');
    expect(isCovered(zone, custom.coverage, at('2026-04-06T12:00+02:00'))).toBe(true);
  });
});
