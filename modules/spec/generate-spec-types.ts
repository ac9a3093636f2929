/**
 * Writes the TypeScript types of the YAML files from the JSON Schemas, with json-schema-to-typescript, so the
 * types cannot drift from what the loader accepts. json-schema-to-typescript and Prettier are development
 * dependencies: only `npm run schemas` (modules/cli/write-generated.ts) and the test comparing the committed
 * file with a fresh generation import this module; nothing the CLI runs does.
 */
import { compile } from 'json-schema-to-typescript';
import { format, resolveConfig } from 'prettier';
import { isDeepStrictEqual } from 'node:util';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { validatedSchemas as schemas, type FileKind } from './schema';
import type { JsonSchema } from './schema/defs';

/** Relative to the repository root. */
export const SPEC_TYPES_FILE = 'modules/spec/spec-types.generated.ts';

/** Type names of the files' roots. */
const ROOT_NAMES: Record<FileKind, string> = { org: 'OrgFile', team: 'TeamFile', alerts: 'AlertsFile' };

const HEADER = `/**
 * GENERATED FILE, do not edit: the types of the YAML files, generated from the JSON Schemas
 * (modules/spec/schema/*.ts, written to schemas/*.schema.json) by json-schema-to-typescript, through
 * \`npm run schemas\` (modules/spec/generate-spec-types.ts). modules/spec/types.ts names them for the code.
 */
`;

/**
 * What the type generator reads, made equivalent in shape: `if`/`then` (requirements that depend on another
 * field, such as an alert's kind) only validate, and an object of exactly one of its properties
 * (`{rotation}` or `{person}`) is a union of single-property objects.
 */
function forTypes(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(forTypes);
  if (!node || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === 'if' || k === 'then' || k === 'else') continue;
    out[k] = forTypes(v);
  }
  if (Array.isArray(out.allOf)) {
    const kept = out.allOf.filter((s) => s && typeof s === 'object' && Object.keys(s).length > 0);
    if (kept.length > 0) out.allOf = kept;
    else delete out.allOf;
  }
  // A reference with its own description: the type keeps the definition's name, the field its description.
  if (typeof out.$ref === 'string' && Object.keys(out).length > 1) {
    const { $ref, ...annotations } = out;
    return { ...annotations, allOf: [{ $ref }] };
  }
  const properties = out.properties as Record<string, unknown> | undefined;
  if (out.type === 'object' && out.minProperties === 1 && out.maxProperties === 1 && properties && out.additionalProperties === false) {
    const { type, minProperties, maxProperties, properties: _p, additionalProperties, ...rest } = out;
    void [minProperties, maxProperties, additionalProperties];
    return {
      ...rest,
      anyOf: Object.entries(properties).map(([name, s]) => ({
        type,
        additionalProperties: false,
        required: [name],
        properties: { [name]: s },
      })),
    };
  }
  return out;
}

/** One document holding the three files' roots and every shared definition, so each type is written once. */
function combinedSchema(): JsonSchema {
  const defs: Record<string, unknown> = {};
  const kinds = Object.keys(schemas) as FileKind[];
  for (const kind of kinds) {
    const { $schema, $id, title, $defs, ...root } = schemas[kind] as Record<string, unknown> & { $defs: Record<string, unknown> };
    void [$schema, $id, title];
    for (const [name, def] of Object.entries($defs)) {
      if (name in defs && !isDeepStrictEqual(defs[name], def)) throw new Error(`two schemas define \`${name}\` differently`);
      defs[name] = def;
    }
    defs[ROOT_NAMES[kind]] = root;
  }
  return forTypes({
    title: 'SpecFiles',
    description: 'each file kind and the type of its contents',
    type: 'object',
    additionalProperties: false,
    required: kinds,
    properties: Object.fromEntries(kinds.map((k) => [k, { $ref: `#/$defs/${ROOT_NAMES[k]}` }])),
    $defs: defs,
  }) as JsonSchema;
}

/** The text of SPEC_TYPES_FILE, formatted as the repository's Prettier settings say. */
export async function renderSpecTypes(root: string): Promise<string> {
  const code = await compile(combinedSchema() as Parameters<typeof compile>[0], 'SpecFiles', {
    bannerComment: '',
    additionalProperties: false,
    // Tuples only for short lists (`between: [a, b]`); longer bounded lists stay arrays.
    maxItems: 2,
    format: false,
    unreachableDefinitions: false,
  });
  const file = join(root, SPEC_TYPES_FILE);
  return format(`${HEADER}\n${code}`, { ...(await resolveConfig(file)), filepath: file });
}

/** Writes SPEC_TYPES_FILE under `root`; returns its relative path. */
export async function writeSpecTypes(root: string): Promise<string> {
  await writeFile(join(root, SPEC_TYPES_FILE), await renderSpecTypes(root));
  return SPEC_TYPES_FILE;
}
