/**
 * The vendors' API descriptions (extracts under test/fixtures/openapi/) as JSON Schema 2020-12 for ajv. The
 * conversion is small and written down here:
 * - `$ref` are inlined (the extracts have no recursive schema);
 * - OpenAPI 3.0 `nullable: true` becomes a `null` alternative of the type (and of the enum);
 * - Swagger 2 `discriminator` (a property name) becomes a `oneOf` over the definitions that extend the base with
 *   an `x-discriminator-value`, each with that value as a `const`;
 * - `readOnly`/`writeOnly` are left as annotations (PagerDuty marks the `id` of its references read-only and
 *   requires it in the same references a request sends);
 * - every object is closed (`unevaluatedProperties: false`, at the level where its `allOf` parts meet), but for
 *   free-form objects (`type: object` with no properties nor composition, e.g. an event's `details`), so a
 *   misspelt or invented field fails instead of being ignored, in what we send and in what the fakes answer —
 *   stricter than OpenAPI, so a field a vendor shows in its own examples but not in its schema is named by the
 *   test (`undeclared`);
 * - `format: uri` is read as `uri-reference` (Twilio describes its relative `uri` fields with `uri`);
 * - vendor keywords (`x-…`), `example(s)`, `description`, `externalDocs` are dropped.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
export type JsonObject = { [k: string]: Json };

export interface Spec extends JsonObject {
  paths: { [path: string]: JsonObject };
}

export const OPENAPI_DIR = join(__dirname, '..', 'fixtures', 'openapi');

export function loadSpec(file: string): Spec {
  return JSON.parse(readFileSync(join(OPENAPI_DIR, file), 'utf8')) as Spec;
}

export function resolve(spec: Spec, node: Json): Json {
  let current = node;
  for (let depth = 0; isObject(current) && typeof current.$ref === 'string'; depth++) {
    if (depth > 20) throw new Error(`reference loop at ${String(current.$ref)}`);
    let target: Json = spec;
    for (const raw of current.$ref.slice(2).split('/')) {
      const part = raw.replace(/~1/g, '/').replace(/~0/g, '~');
      target = Array.isArray(target) ? (target[Number(part)] as Json) : isObject(target) ? (target[part] as Json) : null;
    }
    if (target === undefined || target === null) throw new Error(`unresolved ${current.$ref}`);
    current = target;
  }
  return current;
}

export function isObject(x: unknown): x is JsonObject {
  return x !== null && typeof x === 'object' && !Array.isArray(x);
}

const DROPPED = new Set([
  'description',
  'example',
  'examples',
  'externalDocs',
  'discriminator',
  'nullable',
  'readOnly',
  'writeOnly',
  'title',
  'xml',
]);

type Mode = 'request' | 'response';

/** Definitions extending `base` with an x-discriminator-value (Swagger 2 polymorphism). */
function subtypes(spec: Spec, baseRef: string): [string, JsonObject][] {
  const definitions = isObject(spec.definitions) ? spec.definitions : {};
  return Object.values(definitions)
    .filter(isObject)
    .filter(
      (d) =>
        typeof d['x-discriminator-value'] === 'string' && Array.isArray(d.allOf) && d.allOf.some((p) => isObject(p) && p.$ref === baseRef),
    )
    .map((d) => [d['x-discriminator-value'] as string, d]);
}

function convert(spec: Spec, node: Json, mode: Mode, depth: number, skipDiscriminator = false): Json {
  if (depth > 40) throw new Error('schema too deep');
  if (Array.isArray(node)) return node.map((x) => convert(spec, x, mode, depth + 1));
  if (!isObject(node)) return node;
  const ref = typeof node.$ref === 'string' ? node.$ref : undefined;
  const s = resolve(spec, node);
  if (!isObject(s)) return s;
  if (ref && typeof s.discriminator === 'string' && !skipDiscriminator) {
    const prop = s.discriminator;
    const kinds = subtypes(spec, ref);
    if (kinds.length > 0) {
      return {
        oneOf: kinds.map(([value, d]) => ({
          allOf: [
            ...(d.allOf as Json[]).map((p) =>
              isObject(p) && p.$ref === ref ? convert(spec, p, mode, depth + 1, true) : convert(spec, p, mode, depth + 1),
            ),
            { properties: { [prop]: { const: value } } },
          ],
        })),
      };
    }
  }
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(s)) {
    if (DROPPED.has(k) || k.startsWith('x-') || k === '$ref') continue;
    if (k === 'properties' && isObject(v)) {
      out.properties = Object.fromEntries(Object.entries(v).map(([name, p]) => [name, convert(spec, p, mode, depth + 1)]));
      continue;
    }
    if (k === 'format' && v === 'uri') {
      out.format = 'uri-reference';
      continue;
    }
    out[k] = isObject(v) || Array.isArray(v) ? convert(spec, v, mode, depth + 1) : v;
  }
  if (Array.isArray(out.required) && isObject(out.properties)) {
    const props = out.properties;
    out.required = out.required.filter((r) => typeof r === 'string' && r in props);
  }
  if (s.nullable === true) {
    if (typeof out.type === 'string') out.type = [out.type, 'null'];
    if (Array.isArray(out.enum)) out.enum = [...out.enum, null];
  }
  return out;
}

/** Closes every object where its parts meet (outside any allOf), except for the fields named in `undeclared`. */
function close(node: Json, insideAllOf: boolean, undeclared: JsonObject): Json {
  if (Array.isArray(node)) return node.map((x) => close(x, insideAllOf, undeclared));
  if (!isObject(node)) return node;
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === 'allOf' && Array.isArray(v)) out.allOf = v.map((x) => close(x, true, undeclared));
    else if (k === 'properties' && isObject(v))
      out.properties = Object.fromEntries(Object.entries(v).map(([n, p]) => [n, close(p, false, undeclared)]));
    else if (k === 'items' || k === 'additionalProperties') out[k] = close(v, false, undeclared);
    else if (k === 'oneOf' || k === 'anyOf') out[k] = (v as Json[]).map((x) => close(x, false, undeclared));
    else out[k] = v;
  }
  // `{type: object}` alone is OpenAPI's free-form object (PagerDuty's channel `details`): left open.
  const freeForm =
    node.type === 'object' && !isObject(node.properties) && !['allOf', 'oneOf', 'anyOf', 'additionalProperties'].some((k) => k in node);
  const objectLike = !freeForm && (node.type === 'object' || isObject(node.properties) || Array.isArray(node.allOf));
  if (!insideAllOf && objectLike && node.additionalProperties === undefined) {
    out.unevaluatedProperties = Object.keys(undeclared).length === 0 ? false : { not: {} };
    if (Object.keys(undeclared).length > 0)
      out.patternProperties = Object.fromEntries(Object.entries(undeclared).map(([name, schema]) => [`^${name}$`, schema]));
  }
  return out;
}

/** `undeclared`: fields allowed although the schema omits them. */
export function toJsonSchema(spec: Spec, schema: Json, mode: Mode, undeclared: JsonObject = {}): JsonObject {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    ...(close(convert(spec, schema, mode, 0), false, undeclared) as JsonObject),
  };
}
