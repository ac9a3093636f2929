/** What every backend renders the same way for a squad, from the tests' own organisation. */
import { describe, expect, it } from 'vitest';
import { PAGERDUTY_LOOKUPS } from '../../modules/backends/pagerduty/resources';
import { loadOrganisation } from '../../modules/model/load';
import { keptFrom, scheduleOverrides, squadMembers, userLookup } from '../../modules/render/squad-parts';
import { fixtureTree, withEdit } from '../helpers';

const org = loadOrganisation(fixtureTree()).organisation!;
const storefront = org.squads.get('storefront')!;

describe('squad parts', () => {
  it('a team is its members in order, then its manager when not one of them, each once', () => {
    expect(squadMembers(storefront).map((m) => m.person)).toEqual(['alice', 'bruno', 'chloe', 'david', 'manon']);
    expect(squadMembers(storefront).filter((m) => m.manager)).toEqual([{ person: 'manon', manager: true, member: false }]);
    const both = loadOrganisation(withEdit('storefront/team.yaml', 'manager: manon', 'manager: alice', fixtureTree())).organisation!;
    expect(squadMembers(both.squads.get('storefront')!).map((m) => [m.person, m.manager, m.member])).toEqual([
      ['alice', true, true],
      ['bruno', false, true],
      ['chloe', false, true],
      ['david', false, true],
    ]);
  });

  it('a person is looked up by e-mail', () => {
    const email = org.people.get('alice')!.email!;
    expect(userLookup(org, PAGERDUTY_LOOKUPS.user, 'alice')).toEqual({
      $invoke: PAGERDUTY_LOOKUPS.user.token,
      args: { email },
      property: 'id',
    });
  });

  it('a schedule carries its overrides and swapped turns, named by start instant, until its rotation is retired', () => {
    const rotation = storefront.rotations.get('oncall')!;
    const overrides = scheduleOverrides(storefront, rotation);
    expect(overrides.find((o) => o.person === 'bruno' && o.start === Date.parse('2026-12-24T17:00:00Z'))?.name).toBe(
      'storefront-oncall-override-20261224T1700Z',
    );
    expect(overrides.length).toBeGreaterThan(1);
    expect(scheduleOverrides(storefront, { ...rotation, retired: true })).toEqual([]);
    expect(scheduleOverrides({ ...storefront, retired: true }, rotation)).toEqual([]);
  });

  it('what a YAML object becomes is protected until it or its squad is retired', () => {
    expect(keptFrom(storefront, 'rotation', 'oncall', false)).toEqual({
      options: { protect: true, retainOnDelete: true },
      origin: { kind: 'rotation', squad: 'storefront', id: 'oncall' },
    });
    expect(keptFrom(storefront, 'rotation', 'oncall', true).options).toEqual({ retainOnDelete: true });
    expect(keptFrom({ ...storefront, retired: true }, 'squad', 'storefront', false).options).toEqual({ retainOnDelete: true });
  });
});
