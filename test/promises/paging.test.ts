/**
 * Who a service's alert pages at an instant. Expected people are read off the roster by hand: `day` (alice, bruno)
 * and `night` (emma, david) hand over weekly on Mondays at 09:00 from 2026-01-05, so the week of 2026-03-09 is
 * turn 9: bruno by day, david by night.
 */
import { describe, expect, it } from 'vitest';
import { loadOrganisation } from '../../modules/model/load';
import { servicePageAt } from '../../modules/schedule/service-paging';
import { coverageProblems } from '../../modules/schedule/coverage-checks';
import { callLevels } from '../../modules/router/levels';
import { withFiles } from '../helpers';
import { promisesTree } from './tree';

const org = loadOrganisation(promisesTree()).organisation!;
const page = (service: string, iso: string) => {
  const p = servicePageAt(org, org.services.get(service)!, Date.parse(iso));
  return { urgency: p.urgency, escalation: p.escalation, first: p.first };
};
const WEDNESDAY_NOON = '2026-03-11T12:00:00+01:00';
const WEDNESDAY_NIGHT = '2026-03-11T22:00:00+01:00';

describe('who a service pages', () => {
  it('an off-hours contract (HNO) pages nobody at noon on a weekday, and the night rotation at night', () => {
    expect(page('client-c', WEDNESDAY_NOON)).toEqual({ urgency: null, escalation: null, first: [] });
    expect(page('client-c', WEDNESDAY_NIGHT)).toEqual({ urgency: 'high', escalation: 'gti-4h', first: ['david'] });
    // Saturday noon is off hours.
    expect(page('client-c', '2026-03-14T12:00:00+01:00')).toEqual({ urgency: 'high', escalation: 'gti-4h', first: ['david'] });
  });

  it('a business-hours contract pages at low urgency outside its hours', () => {
    expect(page('client-b', WEDNESDAY_NOON)).toEqual({ urgency: 'high', escalation: 'gti-4h', first: ['bruno'] });
    expect(page('client-b', WEDNESDAY_NIGHT)).toEqual({ urgency: 'low', escalation: 'gti-4h', first: ['david'] });
  });

  it('a 24/7 contract pages through its own policy, whoever routing says is on call', () => {
    expect(page('client-a', WEDNESDAY_NOON)).toEqual({ urgency: 'high', escalation: 'gti-1h', first: ['bruno'] });
    expect(page('client-a', WEDNESDAY_NIGHT)).toEqual({ urgency: 'high', escalation: 'gti-1h', first: ['david'] });
  });

  it('a service without a promise pages as its squad routes, 24/7', () => {
    const acme = loadOrganisation(promisesTree()).organisation!;
    const p = servicePageAt(acme, acme.services.get('payment-api')!, Date.parse(WEDNESDAY_NOON));
    expect(p).toMatchObject({ urgency: 'high', escalation: 'standard-4h', rotation: 'payments/run' });
  });
});

const HNO = (promise: string) => `name: Night desk
members: [alice, bruno]
rotations:
  night:
    members: [alice, bruno]
    start: 2026-01-05
    coverage: off-hours
escalations:
  hno:
    steps:
      - notify: on-call
services:
  contract:
    name: Contract${promise}
`;

describe('coverage is checked against each service promise', () => {
  const from = Date.parse('2026-03-09T00:00:00+01:00');
  const to = Date.parse('2026-03-16T00:00:00+01:00');
  const gaps = (promise: string) => {
    const o = loadOrganisation(withFiles({ 'hno/team.yaml': HNO(promise) })).organisation!;
    return coverageProblems(o, from, to).filter((p) => p.file === 'teams/hno/team.yaml');
  };

  it('an off-hours rotation serving only an off-hours contract has no gap at noon', () => {
    expect(gaps('\n    coverage: off-hours')).toEqual([]);
  });

  it('the same squad without a promise still promises 24/7 and has a gap by day', () => {
    const problems = gaps('');
    expect(problems.map((p) => p.code)).toEqual(['coverage/gap']);
    expect(problems[0]!.message).toContain('for 1d21h');
  });

  it('a gap inside a promise is an error naming the service, placed at its promise', () => {
    const problems = gaps('\n    coverage: [{ days: weekdays, from: "17:00", to: "20:00" }]');
    expect(problems.map((p) => p.code)).toEqual(['coverage/gap']);
    expect(problems[0]!.message).toContain('`contract` promises its windows');
    // Monday to Friday 17:00–18:00: five hours.
    expect(problems[0]!.message).toContain('5h');
    expect(problems[0]!.line).toBe(13);
  });
});

describe('the phone line', () => {
  it('rings the squad routed rotation whatever its services promise: a call names no service', () => {
    const team = org.squads.get('msp')!;
    const levels = callLevels(org, team, Date.parse(WEDNESDAY_NOON));
    expect(levels[0]).toEqual([{ person: 'bruno', role: 'on-call (msp/day)' }]);
  });
});
