/**
 * Two organisations in one program — the old backend and the new one during a migration — register without a
 * clash: every name is scoped by its component's. The program's component (`organisation`) keeps the names of
 * stacks deployed before, as aliases, so that Pulumi adopts those resources instead of replacing them.
 */
import * as pulumi from '@pulumi/pulumi';
import { describe, expect, it } from 'vitest';
import { installMocks, registrations } from './mocks';
import { OnCallOrganisation } from '../../modules/pulumi/organisation';
import { PROGRAM_COMPONENT } from '../../modules/pulumi/scoped-names';
import { FIXTURE_DIR } from '../helpers';

installMocks();

const urnOf = (r: pulumi.Resource) => new Promise<string>((resolve) => r.urn.apply(resolve));

/** The alias URNs of a resource: the SDK keeps them in `__aliases` (@pulumi/pulumi 3.270.0, resource.js). */
async function aliasesOf(r: pulumi.Resource): Promise<string[]> {
  const outputs = (r as unknown as { __aliases: pulumi.Output<string>[] }).__aliases;
  return Promise.all(outputs.map((o) => new Promise<string>((resolve) => o.apply(resolve))));
}

describe('names scoped by the component', () => {
  it('lets two organisations live in one program, each resource once', async () => {
    registrations.length = 0;
    const old = new OnCallOrganisation('old', { backend: 'opsgenie', teamsDir: FIXTURE_DIR });
    const next = new OnCallOrganisation('new', { backend: 'pagerduty', teamsDir: FIXTURE_DIR, pagerdutySubdomain: 'acme' });
    const urns = await Promise.all([...old.resources.values(), ...next.resources.values()].map(urnOf));
    expect(new Set(urns).size).toBe(urns.length);
    expect(urns.length).toBe(old.resourceCount + next.resourceCount);
    // Both provision the same squads, each under its own component.
    expect(Object.keys(old.squads).sort()).toEqual(Object.keys(next.squads).sort());
    const squadNames = registrations.filter((r) => r.type === 'oncall:squad:Squad').map((r) => r.name);
    expect(squadNames).toContain('old/storefront');
    expect(squadNames).toContain('new/storefront');
    expect(await aliasesOf(old.resources.get('storefront-oncall-schedule')!)).toEqual([]);
  });

  it('keeps the names of stacks deployed before as aliases, in the program’s component', async () => {
    const org = new OnCallOrganisation(PROGRAM_COMPONENT, { backend: 'pagerduty', teamsDir: FIXTURE_DIR, pagerdutySubdomain: 'acme' });
    const schedule = org.resources.get('storefront-oncall-schedule')!;
    expect(await urnOf(schedule)).toMatch(/::organisation\/storefront-oncall-schedule$/);
    // The URN it had: the same stack, project and chain of parent types, the plain name.
    expect(await aliasesOf(schedule)).toEqual([
      'urn:pulumi:acme-test::oncall-as-code::oncall:index:Organisation$oncall:squad:Squad$pagerduty:index/schedule:Schedule::storefront-oncall-schedule',
    ]);
    expect(await aliasesOf(org.squads.storefront!)).toContain(
      'urn:pulumi:acme-test::oncall-as-code::oncall:index:Organisation$oncall:squad:Squad::storefront',
    );
  });

  it('refuses to run without a teams directory', () => {
    const args = { backend: 'pagerduty' } as unknown as ConstructorParameters<typeof OnCallOrganisation>[1];
    expect(() => new OnCallOrganisation('x', args)).toThrow(pulumi.RunError);
    expect(() => new OnCallOrganisation('x', args)).toThrow('`teamsDir` is required');
  });
});
