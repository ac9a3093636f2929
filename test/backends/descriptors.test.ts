/**
 * Each resource type is described once, and the description is the one the renderers, the diff, the deletion
 * guard and the policy pack use: what the renderers produce is described, every description is produced by
 * some backend, and what a description names (inputs, kinds) exists.
 */
import { describe, expect, it } from 'vitest';
import { descriptorOf, RESOURCE_TYPES } from '../../modules/backends';
import { dynamicModuleAndName } from '../../modules/backends/descriptor';
import { PAGING_BACKENDS } from '../../modules/backends/paging';
import { describeResource } from '../../modules/cli/format/plan';
import { loadOrganisation } from '../../modules/model/load';
import { PROTECTED_KINDS } from '../../modules/policy/policies';
import { BACKENDS, type DesiredResource } from '../../modules/render/desired';
import { renderStack } from '../../modules/render/stack';
import { fixtureTree, NOW, withEdit } from '../helpers';

const org = loadOrganisation(fixtureTree()).organisation!;
// The fixture's people leave how they are reached to each backend: manon says it, for the contact types.
const reached = loadOrganisation(
  withEdit('org.yaml', '  manon:\n', '  manon:\n    notify: { high: [call, sms, { email: 5m }], low: [email] }\n', fixtureTree()),
).organisation!;
const rendered: DesiredResource[] = BACKENDS.flatMap((backend) =>
  [org, reached].flatMap((o) => renderStack(o, { now: NOW, name: 't', backend }).resources),
);

describe('resource descriptors', () => {
  it('describe every type the renderers produce, and each is produced by some backend', () => {
    const produced = new Set(rendered.map((r) => r.type));
    expect([...produced].filter((t) => !descriptorOf(t))).toEqual([]);
    expect(RESOURCE_TYPES.map((d) => d.type).filter((t) => !produced.has(t))).toEqual([]);
  });

  it('name, among the inputs that replace a resource, only inputs its renderer sends', () => {
    for (const d of RESOURCE_TYPES) {
      const sent = new Set(rendered.filter((r) => r.type === d.type).flatMap((r) => Object.keys(r.inputs)));
      // A phone line's `sid` is optional in the YAML (the number alone identifies it).
      const unknown = d.replaceOn.filter((input) => !sent.has(input) && !(d.kind === 'phone line' && input === 'sid'));
      expect(unknown, d.type).toEqual([]);
    }
  });

  it('protect through the policy pack only what the deletion guard also guards, and each such kind has its policy', () => {
    const kinds = new Set<string>(PROTECTED_KINDS.map((p) => p.kind));
    for (const d of RESOURCE_TYPES.filter((x) => x.policy?.protect)) {
      expect(d.guarded, d.type).toBe(true);
      expect(kinds.has(d.kind), d.type).toBe(true);
    }
  });

  it('give dynamic resources the module and name of their token', () => {
    const dynamic = RESOURCE_TYPES.filter((d) => d.registration.package === 'dynamic');
    expect(dynamic.length).toBeGreaterThan(0);
    for (const d of dynamic) {
      const { module, name } = dynamicModuleAndName(d);
      expect(`pulumi-nodejs:dynamic/${module}:${name}`).toBe(d.type);
    }
    expect(() => dynamicModuleAndName(descriptorOf('datadog:index/monitor:Monitor')!)).toThrow(/not a dynamic resource/);
  });

  it('summarise a resource for the plan; a type of no backend gets no summary', () => {
    const schedule = rendered.find((r) => r.type === 'pagerduty:index/schedule:Schedule' && r.name === 'storefront-oncall-schedule')!;
    expect(describeResource(schedule)).toMatch(/^"Storefront: Storefront on call"; Europe\/Paris; layer oncall base: from /);
    const line = rendered.find((r) => r.type === 'pulumi-nodejs:dynamic/twilio:PhoneLine')!;
    expect(describeResource(line)).not.toContain(String(line.inputs.number).slice(4));
    expect(describeResource({ ...schedule, type: 'example:index/thing:Thing' })).toBe('');
  });

  it.each(BACKENDS)('the %s backend names the type of the overrides its renderer produces', (backend) => {
    const overrides = renderStack(org, { now: NOW, name: 't', backend }).resources.filter((r) => /-override-\d{8}T\d{4}Z$/.test(r.name));
    expect(overrides.length).toBeGreaterThan(0);
    expect(new Set(overrides.map((r) => r.type))).toEqual(new Set([PAGING_BACKENDS[backend].override.type]));
  });
});
