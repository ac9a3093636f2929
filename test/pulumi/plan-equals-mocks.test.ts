/**
 * The Pulumi layer registers exactly the pure desired state: for the example organisation and each backend,
 * the resources registered under mocks equal `oncall plan` (types, names, inputs with references resolved),
 * each under the `oncall:squad:Squad` component of its squad.
 */
import * as pulumi from '@pulumi/pulumi';
import { describe, expect, it } from 'vitest';
import { installMocks, lookupId, registrations } from './mocks';
import { OnCallOrganisation } from '../../modules/pulumi/organisation';
import { loadOrganisation } from '../../modules/model/load';
import { renderStack } from '../../modules/render/stack';
import { isConcat, isInvoke, isRef, type Backend, type Value } from '../../modules/render/desired';
import { FIXTURE_DIR, fixtureTree, NOW, withEdit, writeTree } from '../helpers';

installMocks();

/** The inputs of a resource as registered by the component `scope`, whose resources are named `<scope>/<name>`. */
function expected(v: Value, scope: string): unknown {
  if (isRef(v)) return `${scope}/${v.$ref}_${v.property}`;
  if (isConcat(v)) return v.$concat.map((x) => expected(x, scope)).join('');
  if (isInvoke(v)) return lookupId(v.$invoke, v.args);
  if (Array.isArray(v)) return v.map((x) => expected(x, scope));
  if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, expected(x, scope)]));
  return v;
}

/** Pulumi's marker of a secret value in serialized inputs. */
const SECRET_SIG = '4dabf18193072939515e22adb298388d';
const secrets: string[] = [];

function unwrap(v: unknown, path: string): unknown {
  if (v !== null && typeof v === 'object' && SECRET_SIG in v) {
    secrets.push(path);
    return (v as unknown as { value: unknown }).value;
  }
  if (Array.isArray(v)) return v.map((x, i) => unwrap(x, `${path}[${i}]`));
  if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, unwrap(x, `${path}.${k}`)]));
  return v;
}

/** What the engine received, without the SDK's own bookkeeping (the dynamic provider, declared outputs). */
function received(name: string, inputs: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(inputs)
      .filter(([k, v]) => !k.startsWith('__') && v !== undefined)
      .map(([k, v]) => [k, unwrap(v, `${name}.${k}`)]),
  );
}

async function settle(resources: pulumi.Resource[]): Promise<string[]> {
  return Promise.all(resources.map((r) => new Promise<string>((resolve) => r.urn.apply(resolve))));
}

describe('the Pulumi layer registers exactly the desired state', () => {
  const org = loadOrganisation(fixtureTree()).organisation!;

  it.each(['pagerduty', 'opsgenie', 'datadog'] as Backend[])('%s', async (backend) => {
    registrations.length = 0;
    // As the fixture's Datadog stack: the squad with e-mail intake is not on Datadog On-Call.
    const squads = backend === 'datadog' ? ['storefront', 'payments'] : undefined;
    const component = new OnCallOrganisation(`org-${backend}`, { backend, teamsDir: FIXTURE_DIR, pagerdutySubdomain: 'acme', squads });
    const children = Object.values(component.squads);
    const state = renderStack(org, { now: NOW, name: 'acme-test', backend, pagerdutySubdomain: 'acme', teams: squads });
    // A URN exists once its registration is done (after its references resolved).
    await settle([...component.resources.values()]);
    const custom = registrations.filter((r) => r.custom);
    const scope = `org-${backend}`;
    expect(custom.map((r) => r.name).sort()).toEqual(state.resources.map((r) => `${scope}/${r.name}`).sort());
    for (const want of state.resources) {
      const got = custom.find((r) => r.name === `${scope}/${want.name}`)!;
      expect({ type: got.type, inputs: received(got.name, got.inputs) }).toEqual({
        type: want.type,
        inputs: expected(want.inputs as Value, scope),
      });
    }
    // The keys Datadog uses to reach PagerDuty or Opsgenie stay secret all the way.
    const keys = state.resources.filter((r) => r.type.startsWith('datadog:pagerduty/') || r.type.startsWith('datadog:opsgenie/'));
    expect(secrets.filter((p) => p.endsWith('.serviceKey') || p.endsWith('.opsgenieApiKey'))).toHaveLength(keys.length);
    secrets.length = 0;
    const components = registrations.filter((r) => !r.custom);
    expect(components.map((r) => `${r.type} ${r.name}`).sort()).toEqual(
      [
        `oncall:index:Organisation org-${backend}`,
        ...(squads ?? [...org.squads.keys()]).map((t) => `oncall:squad:Squad org-${backend}/${t}`),
      ].sort(),
    );
    const urns = await settle(children);
    expect(urns.every((u) => u.includes('oncall:index:Organisation$oncall:squad:Squad::'))).toBe(true);
  });
});

describe('the organisation component', () => {
  it('refuses a misspelt backend instead of registering part of the organisation', () => {
    installMocks();
    expect(() => new OnCallOrganisation('org-typo', { backend: 'pagerdty' as Backend, teamsDir: FIXTURE_DIR })).toThrow(
      /`oncall:backend`\) must be one of pagerduty, opsgenie, datadog, not `pagerdty`/,
    );
  });
});

describe('the organisation component checks its stack as `oncall validate --stack` does', () => {
  it('refuses what its backend cannot express (a handoff at 09:15 on Opsgenie) and accepts it elsewhere', () => {
    installMocks();
    const tree = withEdit(
      'storefront/team.yaml',
      "    start: 2026-01-05          # a Monday: alice's first week\n",
      '    start: 2026-01-05\n    handoff: monday 09:15\n',
      fixtureTree(),
    );
    const teamsDir = writeTree(tree);
    expect(() => new OnCallOrganisation('org-og', { backend: 'opsgenie', teamsDir })).toThrow(/backend\/opsgenie-half-hour/);
    expect(() => new OnCallOrganisation('org-pd', { backend: 'pagerduty', teamsDir, pagerdutySubdomain: 'acme' })).not.toThrow();
  });
});
