/** Renders docs/yaml-reference.md from the schemas: every key, its type, default and meaning. */
import { schemas, type FileKind } from './schema';
import { defs, type JsonSchema } from './schema/defs';

const FILES: Record<FileKind, string> = {
  org: '`teams/org.yaml`',
  team: '`teams/<squad>/team.yaml`',
  alerts: '`teams/<squad>/alerts/*.yaml`',
};

interface Row {
  key: string;
  type: string;
  required: boolean;
  description: string;
}

function refName(node: JsonSchema): string | undefined {
  const ref = node.$ref;
  return typeof ref === 'string' ? ref.replace('#/$defs/', '') : undefined;
}

function deref(node: JsonSchema, local: Record<string, JsonSchema>): JsonSchema {
  const name = refName(node);
  if (!name) return node;
  const target = local[name] ?? defs[name] ?? {};
  const { $ref: _ref, ...rest } = node;
  return { ...target, ...rest, description: (rest.description as string | undefined) ?? target.description };
}

function typeOf(node: JsonSchema, local: Record<string, JsonSchema>): string {
  const name = refName(node);
  if (name && (local[name] ?? defs[name])?.type !== 'object') return name;
  const n = deref(node, local);
  if (Array.isArray(n.enum)) return (n.enum as unknown[]).map((v) => `\`${String(v)}\``).join(' \\| ');
  if (Array.isArray(n.anyOf)) return (n.anyOf as JsonSchema[]).map((b) => typeOf(b, local)).join(' or ');
  if (n.type === 'array') return `list of ${typeOf((n.items as JsonSchema) ?? {}, local)}`;
  if (n.type === 'object') {
    if (n.properties) return 'mapping';
    const keys = refName((n.propertyNames as JsonSchema) ?? {}) === 'id' ? 'id' : 'name';
    return `map of ${keys} → ${typeOf((n.additionalProperties as JsonSchema) ?? {}, local)}`;
  }
  return typeof n.type === 'string' ? (n.type === 'string' ? 'text' : n.type) : 'value';
}

function walk(node: JsonSchema, prefix: string, local: Record<string, JsonSchema>, rows: Row[], seen: Set<string>): void {
  const n = deref(node, local);
  const required = new Set((n.required as string[] | undefined) ?? []);
  for (const [key, child] of Object.entries((n.properties as Record<string, JsonSchema>) ?? {})) {
    const c = deref(child, local);
    rows.push({
      key: `${prefix}${key}`,
      type: typeOf(child, local),
      required: required.has(key),
      description: String(c.description ?? ''),
    });
    const name = refName(child);
    if (name && seen.has(name)) continue;
    const nextSeen = name ? new Set([...seen, name]) : seen;
    if (c.type === 'object' && c.properties) walk(c, `${prefix}${key}.`, local, rows, nextSeen);
    else if (c.type === 'object' && c.additionalProperties && typeof c.additionalProperties === 'object') {
      const value = c.additionalProperties as JsonSchema;
      const valueName = refName(value);
      const v = deref(value, local);
      if (v.type === 'object' && v.properties && !(valueName && seen.has(valueName))) {
        walk(v, `${prefix}${key}.<id>.`, local, rows, valueName ? new Set([...nextSeen, valueName]) : nextSeen);
      }
    } else if (c.type === 'array' && c.items) {
      const items = deref(c.items as JsonSchema, local);
      if (items.type === 'object' && items.properties) walk(items, `${prefix}${key}[].`, local, rows, nextSeen);
    }
  }
}

export function renderSchemaReference(): string {
  const out: string[] = [
    '# YAML reference',
    '',
    'Generated from `schemas/*.schema.json` by `npm run schemas`; do not edit by hand.',
    'Every key not listed here is an error. `<id>` stands for an id: lowercase letters, digits and single dashes.',
    '',
  ];
  for (const kind of Object.keys(schemas) as FileKind[]) {
    const schema = schemas[kind];
    const local = (schema.$defs as Record<string, JsonSchema>) ?? {};
    const rows: Row[] = [];
    walk(schema, '', local, rows, new Set());
    out.push(
      `## ${FILES[kind]}`,
      '',
      String(schema.description ?? ''),
      '',
      '| key | type | required | description |',
      '| --- | --- | --- | --- |',
    );
    for (const r of rows) out.push(`| \`${r.key}\` | ${r.type} | ${r.required ? 'yes' : ''} | ${r.description.replace(/\|/g, '\\|')} |`);
    out.push('');
  }
  out.push('## Value types', '', '| type | form |', '| --- | --- |');
  for (const [name, def] of Object.entries(defs)) {
    if (def.type === 'object') continue;
    out.push(`| ${name} | ${String(def.description ?? '').replace(/\|/g, '\\|')} |`);
  }
  return `${out.join('\n')}\n`;
}
