/**
 * What `oncall plan --base` calls a replacement is what the provider replaces on: every resource descriptor's
 * `replaceOn` is its contract's ForceNew, read from the provider's source at the pinned tag (or, for our
 * dynamic providers, from their `diff`, which test/pulumi/replace-on.test.ts calls).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RESOURCE_TYPES } from '../../modules/backends';
import { ROOT } from '../helpers';
import { contractsOf, replacedInputs } from './contract';
import { datadogContracts } from './datadog';
import { opsgenieContracts } from './opsgenie';
import { pagerdutyContracts } from './pagerduty';
import { twilioContracts } from './twilio';

const CONTRACTS = contractsOf([...pagerdutyContracts, ...opsgenieContracts, ...datadogContracts, ...twilioContracts]);

describe('replaceOn of the descriptors', () => {
  it('every described type has a provider contract', () => {
    expect(RESOURCE_TYPES.map((d) => d.type).filter((t) => !CONTRACTS.has(t))).toEqual([]);
  });

  it.each(RESOURCE_TYPES.map((d) => [d.type, d] as const))('%s replaces on its contract’s ForceNew', (type, descriptor) => {
    expect([...descriptor.replaceOn].sort()).toEqual(replacedInputs(CONTRACTS.get(type)!));
  });

  it('names each input once', () => {
    for (const d of RESOURCE_TYPES) expect(new Set(d.replaceOn).size, d.type).toBe(d.replaceOn.length);
  });
});

describe('nothing but the provider decides a replacement', () => {
  // A Pulumi schema property or an SDK class may add `replaceOnChanges`, which replaces on inputs the
  // provider's diff would update: none does, so the providers' ForceNew (and our dynamic providers' diff) governs.
  const require = createRequire(join(ROOT, 'package.json'));
  const packageDir = (name: string) => dirname(require.resolve(`${name}/package.json`));
  /** `ServiceIntegration` → serviceIntegration.js, `pagerduty.ServiceObject` → pagerduty/serviceObject.js. */
  const classFile = (className: string) =>
    `${className.replace(/(^|\.)([A-Z])/g, (_m, dot: string, c: string) => `${dot}${c.toLowerCase()}`).replace('.', '/')}.js`;

  it('the published Pulumi schemas mark no property replaceOnChanges', () => {
    const dir = join(ROOT, 'test', 'fixtures', 'provider-schemas');
    const schemas = readdirSync(dir).filter((f) => f.endsWith('.schema.json'));
    expect(schemas.length).toBeGreaterThan(0);
    for (const file of schemas) expect(readFileSync(join(dir, file), 'utf8'), file).not.toContain('replaceOnChanges');
  });

  it('the SDK classes and our Opsgenie binding that register the types add no replaceOnChanges', () => {
    const sources = RESOURCE_TYPES.flatMap(({ registration: { package: pkg, className } }) =>
      pkg === '@pulumi/pagerduty' || pkg === '@pulumi/datadog' ? [join(packageDir(pkg), classFile(className))] : [],
    );
    const binding = join(ROOT, 'modules', 'pulumi', 'opsgenie');
    sources.push(...readdirSync(binding).map((f) => join(binding, f)));
    expect(sources.length).toBeGreaterThan(20);
    for (const file of sources) expect(readFileSync(file, 'utf8'), file).not.toContain('replaceOnChanges');
  });
});

describe('the inputs a ForceNew path replaces on', () => {
  it('are the top-level inputs: a field inside a block or an object maps to the block', () => {
    expect(replacedInputs({ forceNew: ['emailFilters[].subjectMode', 'pageId', 'rule.type', 'emailFilters'] })).toEqual([
      'emailFilters',
      'pageId',
      'rule',
    ]);
    expect(replacedInputs({ forceNew: [] })).toEqual([]);
  });
});
