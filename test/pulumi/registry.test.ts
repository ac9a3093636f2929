/**
 * The registry maps every resource descriptor to the class that registers it, and nothing else: the class's own
 * type token (the SDK's, or the one our binding or dynamic resource declares) is the descriptor's.
 */
import { describe, expect, it } from 'vitest';
import { LOOKUP_TYPES, RESOURCE_TYPES } from '../../modules/backends';
import { classOf, LOOKUPS, lookupOf, PACKAGES, RESOURCE_CLASSES } from '../../modules/pulumi/registry';

const tokenOf = (cls: unknown): unknown => (cls as { __pulumiType?: unknown }).__pulumiType;

describe('the Pulumi registry', () => {
  it.each(RESOURCE_TYPES.map((d) => [d.type, d] as const))('%s has a class that registers that very type', (_type, d) => {
    const cls = classOf(d);
    expect(cls, `${d.registration.package} has no ${d.registration.className}`).toBeTypeOf('function');
    expect(tokenOf(cls)).toBe(d.type);
    expect(RESOURCE_CLASSES[d.type]).toBe(cls);
  });

  it('every class of our Opsgenie binding and every dynamic resource of ours has a descriptor', () => {
    const described = new Set(RESOURCE_TYPES.map((d) => d.type));
    for (const pkg of ['opsgenie-binding', 'dynamic'] as const) {
      const classes = Object.entries(PACKAGES[pkg]).filter(([, v]) => typeof v === 'function' && typeof tokenOf(v) === 'string');
      expect(classes.length).toBeGreaterThan(0);
      for (const [name, cls] of classes) expect(described.has(tokenOf(cls) as string), `${pkg} ${name}`).toBe(true);
    }
  });

  it('registers nothing a descriptor does not describe, and each type once', () => {
    expect(Object.keys(RESOURCE_CLASSES).sort()).toEqual(RESOURCE_TYPES.map((d) => d.type).sort());
    expect(new Set(RESOURCE_TYPES.map((d) => d.type)).size).toBe(RESOURCE_TYPES.length);
  });

  it('every look-up a renderer can ask for has its function', () => {
    for (const d of LOOKUP_TYPES) {
      expect(lookupOf(d), d.token).toBeTypeOf('function');
      expect(LOOKUPS[d.token]).toBeTypeOf('function');
    }
    expect(Object.keys(LOOKUPS).sort()).toEqual(LOOKUP_TYPES.map((d) => d.token).sort());
  });

  it('a registration naming a class its package does not have finds none', () => {
    const [first] = RESOURCE_TYPES;
    expect(classOf({ ...first!, registration: { package: '@pulumi/datadog', className: 'NoSuchThing' } })).toBeUndefined();
    expect(classOf({ ...first!, registration: { package: '@pulumi/datadog', className: 'pagerduty.NoSuchThing' } })).toBeUndefined();
  });
});
