import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { schemas } from '../../modules/spec/schema';
import { renderSchemaFile } from '../../modules/spec/write-schemas';
import { renderSchemaReference } from '../../modules/spec/schema-reference';
import { fixtureTree, ROOT } from '../helpers';

const kinds = Object.keys(schemas) as Array<keyof typeof schemas>;

function kindOf(rel: string): keyof typeof schemas | undefined {
  if (rel === 'org.yaml') return 'org';
  if (/^[^/]+\/team\.yaml$/.test(rel)) return 'team';
  if (/^[^/]+\/alerts\/[^/]+\.yaml$/.test(rel)) return 'alerts';
  return undefined;
}

describe('JSON Schemas in schemas/', () => {
  it.each(kinds)('schemas/%s.schema.json is up to date with its source (run `npm run schemas`)', (kind) => {
    const committed = readFileSync(join(ROOT, 'schemas', `${kind}.schema.json`), 'utf8');
    expect(committed).toBe(renderSchemaFile(kind));
  });

  it('are draft 2020-12 and leave no mapping open to unknown keys', () => {
    for (const kind of kinds) {
      const schema = JSON.parse(readFileSync(join(ROOT, 'schemas', `${kind}.schema.json`), 'utf8'));
      expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
      const open: string[] = [];
      const walk = (node: unknown, path: string): void => {
        if (Array.isArray(node)) return node.forEach((n, i) => walk(n, `${path}/${i}`));
        if (!node || typeof node !== 'object') return;
        const obj = node as Record<string, unknown>;
        if (obj.type === 'object' && obj.additionalProperties === undefined) open.push(path);
        for (const [k, v] of Object.entries(obj)) if (k !== 'enum' && k !== 'const') walk(v, `${path}/${k}`);
      };
      walk(schema, kind);
      expect(open).toEqual([]);
    }
  });

  it('give every shared definition a description, used in messages', () => {
    for (const kind of kinds) {
      const defs = (schemas[kind] as { $defs: Record<string, { description?: string }> }).$defs;
      for (const [name, def] of Object.entries(defs)) expect(def.description, name).toMatch(/\w/);
    }
  });

  it('accept every example file when compiled by a fresh ajv from the committed files (what editors see)', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    const compiled = Object.fromEntries(
      kinds.map((k) => [k, ajv.compile(JSON.parse(readFileSync(join(ROOT, 'schemas', `${k}.schema.json`), 'utf8')))]),
    );
    let checked = 0;
    for (const [rel, text] of fixtureTree().files) {
      const kind = kindOf(rel);
      if (!kind) continue;
      const validate = compiled[kind]!;
      expect(validate(parse(text)), `${rel}: ${JSON.stringify(validate.errors)}`).toBe(true);
      checked++;
    }
    expect(checked).toBe(4);
  });

  it('reject an unknown key when compiled by a fresh ajv (editors flag typos too)', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    const validate = ajv.compile(JSON.parse(readFileSync(join(ROOT, 'schemas', 'team.schema.json'), 'utf8')));
    const team = parse(fixtureTree().files.get('storefront/team.yaml')!);
    team.rotations.oncall.membres = ['alice'];
    expect(validate(team)).toBe(false);
    expect(
      validate.errors?.some(
        (e) => e.keyword === 'additionalProperties' && (e.params as { additionalProperty: string }).additionalProperty === 'membres',
      ),
    ).toBe(true);
  });
});

describe('example files name their schema for editors', () => {
  it('every YAML file starts with a yaml-language-server $schema line that resolves to its kind', () => {
    for (const [rel, text] of fixtureTree().files) {
      const kind = kindOf(rel);
      if (!kind) continue;
      const first = text.split('\n')[0] ?? '';
      const m = /^# yaml-language-server: \$schema=(\S+)$/.exec(first);
      expect(m, rel).not.toBeNull();
      // Resolved as from a teams folder at the top of a repository, where the organisation's files sit.
      const target = resolve(ROOT, 'any-teams-folder', dirname(rel), m![1]!);
      expect(target).toBe(join(ROOT, 'schemas', `${kind}.schema.json`));
      expect(existsSync(target)).toBe(true);
    }
  });
});

describe('docs/yaml-reference.md', () => {
  it('is generated from the schemas and up to date (run `npm run schemas`)', () => {
    expect(readFileSync(join(ROOT, 'docs', 'yaml-reference.md'), 'utf8')).toBe(renderSchemaReference());
  });

  it('lists every key of every schema, with a description', () => {
    const text = readFileSync(join(ROOT, 'docs', 'yaml-reference.md'), 'utf8');
    for (const key of [
      'rotations.<id>.members',
      'rotations.<id>.overrides[].person',
      'escalations.<id>.steps[].notify',
      'alerts.<id>.thresholds.critical',
      'people.<id>.phone',
      'phone.fallback',
    ]) {
      expect(text).toContain(`| \`${key}\` |`);
    }
    expect(text).not.toMatch(/\|  \|\n/);
  });
});
