import { describe, expect, it } from 'vitest';
import { loadOrganisation } from '../../modules/model/load';
import { isValidZone } from '../../modules/model/zones';
import { fixtureTree } from '../helpers';

describe('the example organisation', () => {
  const { organisation, problems } = loadOrganisation(fixtureTree());
  const org = organisation!;

  it('loads without any problem', () => {
    expect(problems).toEqual([]);
    expect(organisation).toBeDefined();
  });

  it('has the people of the three squads and their manager, with fiction-range phones', () => {
    expect([...org.people.keys()].sort()).toEqual(
      ['alice', 'bruno', 'chloe', 'david', 'emma', 'farid', 'gina', 'hugo', 'ines', 'jules', 'manon'].sort(),
    );
    for (const p of org.people.values()) {
      expect(p.email).toMatch(/@acme\.example$/);
      expect(p.phone).toMatch(/^\+33639980[0-9]{3}$/);
      expect(p.timezone).toBe('Europe/Paris');
    }
    for (const team of org.squads.values()) expect(team.manager).toBe('manon');
  });

  it('storefront: weekly Monday 09:00 Europe/Paris 24/7 rotation, swap, override, unavailability, phone line', () => {
    const team = org.squads.get('storefront')!;
    expect(team.members).toEqual(['alice', 'bruno', 'chloe', 'david']);
    const rot = team.rotations.get('oncall')!;
    expect(rot.every).toEqual({ unit: 'weeks', count: 1 });
    expect(rot.handoffWeekday).toBe(1);
    expect(rot.handoffMinute).toBe(9 * 60);
    expect(rot.timezone).toBe('Europe/Paris');
    expect(rot.coverage.kind).toBe('always');
    expect(rot.segments).toHaveLength(1);
    expect(rot.segments[0]).toMatchObject({ from: '2026-01-05', members: ['alice', 'bruno', 'chloe', 'david'] });
    expect(rot.swaps).toHaveLength(1);
    expect(rot.swaps[0]).toMatchObject({ between: ['chloe', 'bruno'], shifts: ['2026-08-03', '2026-08-24'] });
    expect(rot.overrides).toHaveLength(1);
    expect(rot.overrides[0]!.person).toBe('bruno');
    expect(new Date(rot.overrides[0]!.start).toISOString()).toBe('2026-12-24T17:00:00.000Z');
    expect(new Date(rot.overrides[0]!.end).toISOString()).toBe('2026-12-26T08:00:00.000Z');
    expect(org.unavailability).toContainEqual(expect.objectContaining({ person: 'chloe', from: '2026-08-03', to: '2026-08-16' }));
    const policy = [...team.escalations.values()][0]!;
    expect(policy.responseTargetMinutes).toBe(60);
    expect(policy.steps.map((s) => [s.afterMinutes, s.targets])).toEqual([
      [0, [{ kind: 'on-call' }]],
      [20, [{ kind: 'on-call' }]],
      [40, [{ kind: 'person', person: 'manon', asManager: true }]],
    ]);
    expect(team.phone).toMatchObject({
      number: '+33199000101',
      router: 'https://oncall-router-1.acme.example',
      fallback: 'https://oncall-router-2.acme.example',
    });
    expect(team.services.get('shop')!.statusPage).toEqual({ name: 'Boutique en ligne' });
  });

  it('payments: business-hours run and off-hours oncall, routed by business hours, 4h policy', () => {
    const team = org.squads.get('payments')!;
    const run = team.rotations.get('run')!;
    const oncall = team.rotations.get('oncall')!;
    expect(run.segments[0]!.members).toEqual(['jules', 'hugo', 'ines']);
    expect(oncall.segments[0]!.members).toEqual(['hugo', 'ines', 'jules']);
    // Monday–Friday 09:00–18:00, in minutes since Monday 00:00.
    expect(run.coverage.intervals).toEqual([0, 1, 2, 3, 4].map((d) => [d * 1440 + 540, d * 1440 + 1080]));
    const covered = [...run.coverage.intervals, ...oncall.coverage.intervals].reduce((n, [s, e]) => n + e - s, 0);
    expect(covered).toBe(7 * 1440); // together they cover the whole week, without overlap
    expect(team.routing.map((r) => [r.during.kind, r.rotation])).toEqual([
      ['business-hours', 'payments/run'],
      ['always', 'payments/oncall'],
    ]);
    const policy = team.escalations.get('standard-4h')!;
    expect(policy.responseTargetMinutes).toBe(240);
    expect(policy.steps.map((s) => s.afterMinutes)).toEqual([0, 30, 60]);
    expect(team.services.get('payment-api')!.statusPage).toEqual({ name: 'Paiement' });
  });

  it('platform: primary and a secondary one week ahead, double on-call policy, e-mail intake', () => {
    const team = org.squads.get('platform')!;
    const primary = team.rotations.get('primary')!;
    const secondary = team.rotations.get('secondary')!;
    expect(primary.segments[0]!.members).toEqual(['emma', 'farid', 'gina']);
    expect(secondary.follows).toBe('primary');
    expect(secondary.offset).toBe(1);
    expect(secondary.segments[0]!.from).toBe('2026-01-05');
    const policy = team.escalations.get('double-1h')!;
    expect(policy.steps.map((s) => [s.afterMinutes, s.targets[0]])).toEqual([
      [0, { kind: 'on-call' }],
      [30, { kind: 'rotation', rotation: 'platform/secondary' }],
      [60, { kind: 'person', person: 'manon', asManager: true }],
    ]);
    expect(team.routing.map((r) => r.rotation)).toEqual(['platform/primary']);
    expect(team.emailIntake).toBe(true);
  });

  it('has at least three alerts per squad, each with a severity and a runbook file or URL', () => {
    for (const team of org.squads.values()) {
      expect(team.alerts.size).toBeGreaterThanOrEqual(3);
      for (const alert of team.alerts.values()) {
        expect(alert.severity).toMatch(/^P[1-5]$/);
        expect(alert.runbook).toBeDefined();
      }
    }
    const kinds = [...org.alerts.values()].map((a) => a.runbook!.kind);
    expect(kinds).toContain('file');
    expect(kinds).toContain('url');
    const home = org.alerts.get('shop-home-page')!;
    expect(home.kind).toBe('http-check');
    expect(home.kind === 'http-check' && home.expect.bodyContains).toBe('Ajouter au panier');
    expect(org.alerts.get('shop-checkout')!.kind).toBe('multistep-check');
  });
});

describe('time zones', () => {
  it('accepts every IANA spelling the runtime knows, including names ICU calls otherwise', () => {
    for (const zone of [
      'Asia/Kolkata',
      'Asia/Calcutta',
      'America/Port-au-Prince',
      'Etc/GMT+1',
      'UTC',
      'Pacific/Chatham',
      'America/Argentina/Buenos_Aires',
    ]) {
      expect(isValidZone(zone), zone).toBe(true);
    }
    for (const zone of ['europe/paris', 'Europe/Pari', 'Mars/Olympus', '', 'Europe//Paris']) expect(isValidZone(zone), zone).toBe(false);
  });
});
