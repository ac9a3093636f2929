/**
 * The keywords the published schemas add for editors. What the YAML language server reads is taken from its
 * source (redhat-developer/yaml-language-server, src/languageservice/jsonSchema.ts declares `errorMessage`,
 * `patternErrorMessage`, `markdownDescription`, `doNotSuggest`, `defaultSnippets`;
 * src/languageservice/parser/schemaValidation/baseValidator.ts reports `patternErrorMessage` for a failed
 * `pattern`, `errorMessage` for a failed `enum` and for a property refused by a `false` schema).
 */
import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import { KIND_FIELDS } from '../../modules/model/alert-kinds';
import { schemas, validatedSchemas, type FileKind } from '../../modules/spec/schema';
import { ALERT_KIND_FIELDS } from '../../modules/spec/schema/alert';
import { EDITORS_ONLY } from '../../modules/spec/schema/editor';
import { addEditorKeywords, AJV_OPTIONS } from '../../modules/spec/write-validators';

const kinds = Object.keys(schemas) as FileKind[];

/** Every schema node of a document, with its path (snippet bodies and enumerations are values, not schemas). */
function nodes(node: unknown, path = ''): Array<[string, Record<string, unknown>]> {
  if (Array.isArray(node)) return node.flatMap((n, i) => nodes(n, `${path}/${i}`));
  if (!node || typeof node !== 'object') return [];
  const obj = node as Record<string, unknown>;
  return [
    [path, obj],
    ...Object.entries(obj)
      .filter(([k]) => !['enum', 'const', 'defaultSnippets'].includes(k))
      .flatMap(([k, v]) => nodes(v, `${path}/${k}`)),
  ];
}

describe('the schemas for editors', () => {
  it('compile in ajv strict mode once the editor keywords are declared, and not before', () => {
    for (const kind of kinds) {
      expect(() => new Ajv2020({ ...AJV_OPTIONS }).compile(schemas[kind]), kind).toThrow(/unknown keyword/);
      expect(() => addEditorKeywords(new Ajv2020({ ...AJV_OPTIONS })).compile(schemas[kind]), kind).not.toThrow();
    }
  });

  it('give every pattern a message in words, without the regular expression', () => {
    for (const kind of kinds) {
      for (const [path, n] of nodes(schemas[kind])) {
        if (typeof n.pattern !== 'string') continue;
        expect(n.patternErrorMessage, `${kind}${path}`).toMatch(/^not /);
        expect(n.patternErrorMessage).not.toContain(n.pattern);
      }
    }
  });

  it('give every description with code or a link as markdown too', () => {
    for (const kind of kinds) {
      for (const [path, n] of nodes(schemas[kind])) {
        if (typeof n.description !== 'string') continue;
        if (/`|https?:/.test(n.description)) expect(n.markdownDescription, `${kind}${path}`).toBe(n.description);
        else expect(n.markdownDescription, `${kind}${path}`).toBeUndefined();
      }
    }
  });

  it("refuse in editors the alert fields the loader refuses, kind by kind (the loader's table)", () => {
    expect(ALERT_KIND_FIELDS).toEqual(KIND_FIELDS);
  });

  it('leave the checks for editors only out of the validators the CLI runs', () => {
    for (const kind of kinds) {
      const published = JSON.stringify(schemas[kind]);
      const validated = JSON.stringify(validatedSchemas[kind]);
      expect(published).toContain(EDITORS_ONLY);
      expect(validated).not.toContain(EDITORS_ONLY);
      expect(validated).not.toContain('Europe/Paris"');
      expect(validated).not.toMatch(/markdownDescription|defaultSnippets/);
      expect(validated).toContain('patternErrorMessage');
    }
  });
});
