/**
 * Public holidays as non-business hours (`holidays.offHours`) on each backend: no provider has a holiday calendar
 * (PagerDuty/terraform-provider-pagerduty v2.4.0 resource_pagerduty_schedule.go and service support hours,
 * opsgenie/terraform-provider-opsgenie v0.6.40 resource_opsgenie_schedule_rotation.go and team routing rules,
 * DataDog/terraform-provider-datadog v4.19.0 on-call schedule and team routing rules: weekly restrictions only), so
 * holidays are dated overrides. The backends' interpreters (which know nothing of holidays) must page whom the engine
 * pages, every 5 minutes on and around every holiday of a year and a minute either side of every edge: a Monday
 * holiday at the weekly handoff (Easter Monday), and holidays in both daylight-saving weeks.
 */
import { holidayOn, holidaysBetween } from '../../modules/model/holiday-calendar';
import { describe, expect, it } from 'vitest';
import { loadOrganisation } from '../../modules/model/load';
import { analyse } from '../../modules/pipeline';
import { parseStackFile } from '../../modules/spec/stacks';
import type { Organisation } from '../../modules/model/types';
import type { Backend } from '../../modules/render/desired';
import { renderStack } from '../../modules/render/stack';
import { shiftsOverlapping } from '../../modules/schedule/shifts';
import { instantOf, localDateMinute } from '../../modules/core/local-time';
import { withEdit } from '../helpers';
import { backendPages, enginePages, INTERPRETERS, MINUTE, shiftIndex } from './holiday-paging';

/** The fixture with French public holidays, two more dated ones in the daylight-saving weeks, and `offHours` on. */
export const HOLIDAY_TREE = withEdit(
  'org.yaml',
  /holidays:\n(  - .*\n)+/,
  [
    'holidays:',
    '  country: FR',
    '  extra:',
    '    - { date: 2026-03-27, name: Friday before the spring change }',
    '    - { date: 2026-10-26, name: Monday after the autumn change }',
    '  offHours: true',
    '',
  ].join('\n'),
);

function instants(org: Organisation, from: number, to: number): number[] {
  const out = new Set<number>();
  for (let t = from; t < to; t += 180 * MINUTE) out.add(t);
  for (const rotation of org.rotations.values())
    for (const s of shiftsOverlapping(rotation, from, to)) for (const e of [s.start, s.end]) out.add(e - MINUTE).add(e);
  // Every 5 minutes of each holiday and of the hour either side, and a minute either side of its midnights, in Paris.
  for (const h of holidaysBetween(org.holidays, '2026-01-05', '2027-01-03')) {
    const start = instantOf('Europe/Paris', localDateMinute(h.date));
    const end = instantOf('Europe/Paris', localDateMinute(h.date) + 1440);
    for (let t = start - 60 * MINUTE; t < end + 60 * MINUTE; t += 5 * MINUTE) out.add(t);
    for (const e of [start, end]) out.add(e - MINUTE).add(e);
  }
  return [...out].filter((t) => t >= from && t < to).sort((a, b) => a - b);
}

describe('holidays as off hours, on every backend, over 52 weeks', () => {
  const loaded = loadOrganisation(HOLIDAY_TREE);
  const org = loaded.organisation!;
  const from = Date.parse('2026-01-05T00:00:00+01:00');
  const to = Date.parse('2027-01-04T00:00:00+01:00');
  const times = instants(org, from, to);
  const personAt = shiftIndex(org, from - 7 * 86_400_000, to + 7 * 86_400_000);

  it('validates on the three backends and finds the French holidays and the dated ones', () => {
    const stacks = (['pagerduty', 'opsgenie', 'datadog'] as const).map(
      (b) =>
        parseStackFile(
          `stacks/Pulumi.h-${b}.yaml`,
          `h-${b}`,
          `config:\n  oncall:backend: ${b}\n  oncall:teams: [payments, storefront]\n  datadog:apiUrl: https://api.datadoghq.eu/\n`,
        ).stack!,
    );
    expect(analyse(HOLIDAY_TREE, from, { stacks, problems: [] }).problems.filter((p) => p.severity === 'error')).toEqual([]);
    // Easter Monday 2026 is 6 April (date-holidays' FR data); the two dated ones are added.
    expect(holidaysBetween(org.holidays, '2026-03-01', '2026-04-30').map((h) => h.date)).toEqual(['2026-03-27', '2026-04-06']);
    expect(holidayOn(org.holidays, '2026-10-26')?.name).toBe('Monday after the autumn change');
  });

  it.each(Object.keys(INTERPRETERS) as Backend[])(
    '%s pages the off-hours person on the holidays of the handoff and DST weeks',
    (backend) => {
      // Payments: `oncall` is [hugo, ines, jules] weekly from Monday 2026-01-05 09:00 Paris, turn k = weeks since then.
      const state = renderStack(org, { now: from, name: 'fidelity', backend });
      const payments = org.squads.get('payments')!;
      for (const [iso, person] of [
        ['2026-04-06T08:59+02:00', 'hugo'], // Easter Monday, before the handoff: turn 12
        ['2026-04-06T12:00+02:00', 'ines'], // turn 13, where `run` would page hugo
        ['2026-03-27T12:00+01:00', 'jules'], // the Friday before the spring change: turn 11 (`run`: ines)
        ['2026-10-26T08:59+01:00', 'jules'], // the Monday after the autumn change: turn 41, then 42
        ['2026-10-26T12:00+01:00', 'hugo'],
        ['2026-04-07T12:00+02:00', 'hugo'], // the Tuesday after: business hours again, `run` [jules, hugo, ines] turn 13
      ] as const) {
        expect(`${iso} ${backendPages(org, state, backend, payments, Date.parse(iso))}`).toBe(`${iso} ${person}`);
      }
    },
  );

  it.each(Object.keys(INTERPRETERS) as Backend[])(
    '%s pages whom the engine pages: each holiday every 5 minutes, each edge to the minute',
    (backend) => {
      const state = renderStack(org, { now: from, name: 'fidelity', backend });
      const wrong: string[] = [];
      let holidayMinutes = 0;
      for (const team of org.squads.values()) {
        if (team.routing.length === 0) continue;
        for (const t of times) {
          const engine = enginePages(team, personAt, t);
          const said = backendPages(org, state, backend, team, t);
          if (holidayOn(org.holidays, new Date(t + 3_600_000).toISOString().slice(0, 10))) holidayMinutes += 5;
          if (engine !== said && wrong.length < 6)
            wrong.push(`${new Date(t).toISOString()} ${team.id}: engine ${engine}, ${backend} ${said}`);
        }
      }
      expect(wrong).toEqual([]);
      expect(holidayMinutes).toBeGreaterThan(3 * 12 * 1440);
    },
    120_000,
  );
});
