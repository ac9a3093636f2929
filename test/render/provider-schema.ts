/** Checks desired inputs against a published Pulumi provider schema (names, required inputs, types). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isInvoke, isRef, type Value } from '../../modules/render/desired';
import { ROOT } from '../helpers';

interface Prop {
  type?: string;
  $ref?: string;
  items?: Prop;
  additionalProperties?: Prop;
  enum?: unknown[];
}
interface Schema {
  resources: Record<string, { inputProperties: Record<string, Prop>; requiredInputs?: string[] }>;
  types: Record<string, { properties: Record<string, Prop>; required?: string[]; type?: string; enum?: Array<{ value: unknown }> }>;
  functions: Record<string, { inputs?: { properties: Record<string, Prop>; required?: string[] } }>;
}

export function loadProviderSchema(file: string): Schema {
  return JSON.parse(readFileSync(join(ROOT, 'test', 'fixtures', 'provider-schemas', file), 'utf8')) as Schema;
}

function checkValue(schema: Schema, prop: Prop, value: Value, path: string, errors: string[]): void {
  if (isRef(value) || isInvoke(value)) {
    // Resolved to another resource's output or a lookup's result: an id string.
    if (prop.type !== 'string' && !prop.$ref) errors.push(`${path}: a reference where ${prop.type ?? 'a value'} is expected`);
    if (isInvoke(value)) {
      const fn = schema.functions[value.$invoke];
      if (!fn) errors.push(`${path}: unknown function ${value.$invoke}`);
      else {
        const props = fn.inputs?.properties ?? {};
        for (const k of Object.keys(value.args)) if (!props[k]) errors.push(`${path}: ${value.$invoke} has no input \`${k}\``);
        for (const k of fn.inputs?.required ?? []) if (!(k in value.args)) errors.push(`${path}: ${value.$invoke} requires \`${k}\``);
      }
    }
    return;
  }
  if (prop.$ref) {
    const name = prop.$ref.replace('#/types/', '');
    if (prop.$ref.startsWith('pulumi.json#')) return;
    const type = schema.types[name];
    if (!type) {
      errors.push(`${path}: unknown type ${name}`);
      return;
    }
    if (type.enum) {
      if (!type.enum.some((e) => e.value === value)) errors.push(`${path}: ${JSON.stringify(value)} not in enum`);
      return;
    }
    checkObject(schema, type.properties, type.required ?? [], value, path, errors);
    return;
  }
  switch (prop.type) {
    case 'string':
      if (typeof value !== 'string') errors.push(`${path}: expected a string, got ${JSON.stringify(value)}`);
      break;
    case 'integer':
      if (!Number.isInteger(value)) errors.push(`${path}: expected an integer, got ${JSON.stringify(value)}`);
      break;
    case 'number':
      if (typeof value !== 'number') errors.push(`${path}: expected a number, got ${JSON.stringify(value)}`);
      break;
    case 'boolean':
      if (typeof value !== 'boolean') errors.push(`${path}: expected a boolean, got ${JSON.stringify(value)}`);
      break;
    case 'array':
      if (!Array.isArray(value)) errors.push(`${path}: expected a list`);
      else value.forEach((v, i) => checkValue(schema, prop.items ?? {}, v, `${path}[${i}]`, errors));
      break;
    case 'object':
      if (value === null || typeof value !== 'object' || Array.isArray(value)) errors.push(`${path}: expected an object`);
      else if (prop.additionalProperties)
        for (const [k, v] of Object.entries(value)) checkValue(schema, prop.additionalProperties, v as Value, `${path}.${k}`, errors);
      break;
    default:
      errors.push(`${path}: property without a type in the schema`);
  }
}

function checkObject(
  schema: Schema,
  props: Record<string, Prop>,
  required: readonly string[],
  value: Value,
  path: string,
  errors: string[],
): void {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    errors.push(`${path}: expected an object`);
    return;
  }
  const obj = value as Record<string, Value>;
  for (const k of required) if (!(k in obj)) errors.push(`${path}: missing required \`${k}\``);
  for (const [k, v] of Object.entries(obj)) {
    const prop = props[k];
    if (!prop) errors.push(`${path}: unknown input \`${k}\``);
    else checkValue(schema, prop, v, `${path}.${k}`, errors);
  }
}

/** Problems of one resource's inputs against the schema; empty when it conforms. */
export function checkInputs(schema: Schema, type: string, inputs: Readonly<Record<string, Value>>, name: string): string[] {
  const resource = schema.resources[type];
  if (!resource) return [`${name}: the schema has no resource ${type}`];
  const errors: string[] = [];
  checkObject(schema, resource.inputProperties, resource.requiredInputs ?? [], inputs as Value, name, errors);
  return errors;
}
