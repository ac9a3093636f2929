/** The spec types are generated from the JSON Schemas; the committed file must be what the generator writes. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderSpecTypes, SPEC_TYPES_FILE } from '../../modules/spec/generate-spec-types';
import { schemas } from '../../modules/spec/schema';
import { ROOT } from '../helpers';

describe('spec types generated from the JSON Schemas', () => {
  const fresh = renderSpecTypes(ROOT);

  it(`${SPEC_TYPES_FILE} is up to date with the schemas (run \`npm run schemas\`)`, async () => {
    expect(readFileSync(join(ROOT, SPEC_TYPES_FILE), 'utf8')).toBe(await fresh);
  }, 30_000);

  it('says it is generated, and by what', async () => {
    expect((await fresh).split('\n').slice(0, 5).join('\n')).toMatch(
      /GENERATED FILE, do not edit[\s\S]*json-schema-to-typescript[\s\S]*npm run schemas/,
    );
  });

  it('types every property of the alert schema, each once', async () => {
    const text = await fresh;
    const alert = /export interface Alert \{([\s\S]*?)\n\}/.exec(text)?.[1] ?? '';
    const properties = Object.keys((schemas.team as { $defs: { alert: { properties: object } } }).$defs.alert.properties);
    const typed = [...alert.matchAll(/^ {2}([A-Za-z]+)\??:/gm)].map((m) => m[1]);
    expect(typed).toEqual(properties);
  });

  it('types a target as exactly one of `rotation` or `person`, as the schema allows', async () => {
    const target = /export type Target =([\s\S]*?)\n(?:\/\*\*|export)/.exec(await fresh)?.[1]?.replace(/\s+/g, ' ') ?? '';
    expect(target).toContain('{ rotation: RotationRef; }');
    expect(target).toContain('{ person: Id; }');
  });
});
