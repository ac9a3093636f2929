/**
 * The key order of an imported YAML document: an object's keys in the order its schema lists them (`name`
 * before `members` before `rotations`…), and the keys of a map by id, sorted — except the maps whose order
 * means something: a squad's rotations (the first is the default route, the next ones its layers) and its
 * escalation policies (the first is the default policy) keep the order the import gave them.
 */
import type { FileKind } from '../spec/schema';
import { schemas } from '../spec/schema';
import type { JsonSchema } from '../spec/schema/defs';

/** Maps kept in the import's order, by file kind and JSON pointer (the model reads their order). */
const ORDERED_MAPS: Readonly<Record<FileKind, readonly string[]>> = {
  org: [],
  team: ['/rotations', '/escalations'],
  alerts: [],
};

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The schema a `$ref` (`#/$defs/x`) names in its document. */
function resolved(schema: JsonSchema, root: JsonSchema): JsonSchema {
  let s = schema;
  for (let i = 0; i < 16 && typeof s.$ref === 'string'; i++) {
    const path = (s.$ref as string).replace(/^#\//, '').split('/');
    let at: unknown = root;
    for (const part of path) at = isObject(at) ? at[part] : undefined;
    if (!isObject(at)) break;
    // Keys beside the `$ref` (a description) add to it.
    const { $ref: _ref, ...rest } = s;
    s = { ...(at as JsonSchema), ...rest };
  }
  return s;
}

/** The schema and the alternatives it allows (`oneOf`, `anyOf`, `allOf`, `if`/`then`/`else`), flattened. */
function branches(schema: JsonSchema | undefined, root: JsonSchema, depth = 0): JsonSchema[] {
  if (schema === undefined || depth > 8) return [];
  const s = resolved(schema, root);
  const out = [s];
  for (const key of ['oneOf', 'anyOf', 'allOf']) {
    const list = s[key];
    if (Array.isArray(list)) for (const b of list) if (isObject(b)) out.push(...branches(b as JsonSchema, root, depth + 1));
  }
  for (const key of ['then', 'else']) {
    const b = s[key];
    if (isObject(b)) out.push(...branches(b as JsonSchema, root, depth + 1));
  }
  return out;
}

function propertiesOf(s: JsonSchema): Record<string, JsonSchema> {
  return isObject(s.properties) ? (s.properties as Record<string, JsonSchema>) : {};
}

function childSchema(all: readonly JsonSchema[], key: string): JsonSchema | undefined {
  for (const s of all) {
    const p = propertiesOf(s)[key];
    if (p !== undefined) return p;
  }
  for (const s of all) if (isObject(s.additionalProperties)) return s.additionalProperties as JsonSchema;
  for (const s of all) {
    if (isObject(s.patternProperties)) {
      for (const [pattern, p] of Object.entries(s.patternProperties as Record<string, JsonSchema>)) {
        if (new RegExp(pattern, 'u').test(key)) return p;
      }
    }
  }
  return undefined;
}

const escape = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

function ordered(value: unknown, schema: JsonSchema | undefined, root: JsonSchema, pointer: string, keep: readonly string[]): Json {
  const all = branches(schema, root);
  if (Array.isArray(value)) {
    const items = all.map((s) => s.items).find(isObject) as JsonSchema | undefined;
    return value.map((v, i) => ordered(v, items, root, `${pointer}/${i}`, keep));
  }
  if (!isObject(value)) return value as Json;
  const known: string[] = [];
  for (const s of all) for (const k of Object.keys(propertiesOf(s))) if (!known.includes(k)) known.push(k);
  const present = Object.keys(value).filter((k) => value[k] !== undefined);
  const inSchema = known.filter((k) => present.includes(k));
  const rest = present.filter((k) => !known.includes(k));
  const keys = [...inSchema, ...(keep.includes(pointer) ? rest : [...rest].sort())];
  const out: { [key: string]: Json } = {};
  for (const k of keys) out[k] = ordered(value[k], childSchema(all, k), root, `${pointer}/${escape(k)}`, keep);
  return out;
}

/** A copy of a document with its keys in the schema's order and its maps sorted (undefined members dropped). */
export function inSchemaOrder(kind: FileKind, document: unknown): Json {
  const root = schemas[kind];
  return ordered(document, root, root, '', ORDERED_MAPS[kind]);
}
