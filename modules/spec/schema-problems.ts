/**
 * Turns ajv errors into problems a person can act on: one problem per mistake, at the offending
 * key or value, with the expected form taken from the schema's own descriptions.
 */
import type { ErrorObject } from 'ajv';
import type { Code, Problem } from '../core/problem';
import { didYouMean, suggestionField } from '../core/suggest';
import { positionAt, type PathSegment, type YamlFile } from './yaml-document';
import { defs } from './schema/defs';

export function schemaProblems(file: YamlFile, errors: readonly ErrorObject[]): Problem[] {
  const kept = pruneAlternatives(errors.filter((e) => e.keyword !== 'if'));
  // Errors inside `propertyNames` report the key as their data, at the object's path.
  const badKeys = new Map<string, Set<string>>();
  for (const e of errors) {
    if (e.keyword !== 'propertyNames') continue;
    const name = (e.params as { propertyName?: string }).propertyName;
    if (name !== undefined) badKeys.set(e.instancePath, (badKeys.get(e.instancePath) ?? new Set()).add(name));
  }
  const problems: Problem[] = [];
  for (const error of kept) {
    const problem = toProblem(file, error, badKeys);
    if (problem) problems.push(problem);
  }
  return problems;
}

function pointerToPath(pointer: string): PathSegment[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^[0-9]+$/.test(s) ? Number(s) : s));
}

/**
 * For `anyOf`, ajv reports every branch's errors, then the anyOf itself. The branches of our
 * schemas differ by shape (text, list, mapping), so: drop the shape mismatches; if errors remain,
 * they are the real mistakes inside the branch whose shape matched (a typo in a key); otherwise
 * keep only the anyOf error, described as a whole. A branch's errors are the ones just before the
 * anyOf error at or under its instance path (ajv evaluates depth-first).
 */
function pruneAlternatives(errors: readonly ErrorObject[]): ErrorObject[] {
  const drop = new Set<ErrorObject>();
  errors.forEach((alt, index) => {
    if (alt.keyword !== 'anyOf' && alt.keyword !== 'oneOf') return;
    const base = alt.instancePath;
    const branch: ErrorObject[] = [];
    for (let i = index - 1; i >= 0; i--) {
      const e = errors[i] as ErrorObject;
      if (e.instancePath !== base && !e.instancePath.startsWith(`${base}/`)) break;
      branch.push(e);
    }
    const shapeMismatch = (e: ErrorObject): boolean => e.instancePath === base && ['type', 'enum', 'const'].includes(e.keyword);
    const real = branch.filter((e) => !shapeMismatch(e) && !drop.has(e));
    for (const e of branch) if (shapeMismatch(e)) drop.add(e);
    if (real.length > 0) drop.add(alt);
  });
  return errors.filter((e) => !drop.has(e));
}

function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `\`${value.length > 60 ? `${value.slice(0, 57)}...` : value}\``;
  return `\`${String(value)}\``;
}

const TYPE_NAMES: Record<string, string> = {
  object: 'a mapping (key: value)',
  array: 'a list',
  string: 'text',
  integer: 'a whole number',
  number: 'a number',
  boolean: '`true` or `false`',
};

/** What the schema at this error expects, from the nearest description. */
function expected(error: ErrorObject): string {
  const defMatch = /#\/\$defs\/([A-Za-z]+)\//.exec(`${error.schemaPath}/`);
  const parent = error.parentSchema as { description?: string; $ref?: string } | undefined;
  if (parent?.description && !/^#\/\$defs\/[A-Za-z]+\/(anyOf|oneOf)\/\d/.test(error.schemaPath)) {
    return parent.description;
  }
  const def = defMatch?.[1] ? defs[defMatch[1]] : undefined;
  if (def && typeof def.description === 'string') return def.description;
  return parent?.description ?? 'a valid value';
}

function lastKey(path: readonly PathSegment[]): string {
  for (let i = path.length - 1; i >= 0; i--) {
    const seg = path[i];
    if (typeof seg === 'string') return seg;
  }
  return 'the file';
}

function toProblem(file: YamlFile, error: ErrorObject, badKeys: ReadonlyMap<string, ReadonlySet<string>>): Problem | undefined {
  const path = pointerToPath(error.instancePath);
  const at = (p: readonly PathSegment[], key = false) => positionAt(file, p, key);
  const make = (code: Code, message: string, pos: { line: number; column: number }, suggestion?: string): Problem => ({
    file: file.file,
    line: pos.line,
    column: pos.column,
    severity: 'error',
    code,
    message,
    ...suggestionField(suggestion),
  });
  const where = path.length === 0 ? 'at the top level' : `in \`${lastKey(path)}\``;
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String((error.params as { additionalProperty: string }).additionalProperty);
      const allowed = Object.keys((error.parentSchema as { properties?: object }).properties ?? {});
      const hint = didYouMean(key, allowed);
      return make(
        'schema/unknown-key',
        `unknown key \`${key}\` ${where}${hint === undefined && allowed.length ? `; expected one of: ${allowed.join(', ')}` : ''}`,
        at([...path, key], true),
        hint,
      );
    }
    case 'required': {
      const missing = String((error.params as { missingProperty: string }).missingProperty);
      const kind = (error.data as { kind?: unknown } | undefined)?.kind;
      const because = /\/allOf\/\d+\/then/.test(error.schemaPath) && typeof kind === 'string' ? ` (required for kind \`${kind}\`)` : '';
      return make('schema/missing-key', `missing \`${missing}\` ${where}${because}`, at(path, true));
    }
    case 'type': {
      const wanted = String((error.params as { type: string }).type)
        .split(',')
        .map((t) => TYPE_NAMES[t] ?? t)
        .join(' or ');
      return make('schema/wrong-type', `\`${lastKey(path)}\` must be ${wanted}, not ${describeValue(error.data)}`, at(path));
    }
    case 'propertyNames':
      return undefined; // reported by the nested error, which carries the name
    case 'not':
      if (typeof error.data === 'string' && badKeys.get(error.instancePath)?.has(error.data)) {
        return make(
          'schema/invalid-key',
          `\`${error.data}\` ${where} is reserved and cannot be used as an id`,
          at([...path, error.data], true),
        );
      }
      return make('schema/reserved', `${describeValue(error.data)} is reserved and cannot be used as an id`, at(path));
    case 'uniqueItems': {
      const { i, j } = error.params as { i: number; j: number };
      return make(
        'schema/duplicate-item',
        `\`${lastKey(path)}\` lists ${describeValue((error.data as unknown[])[j])} twice`,
        at([...path, i]),
      );
    }
    case 'maxProperties': {
      const allowed = Object.keys((error.parentSchema as { properties?: object }).properties ?? {});
      return make('schema/conflicting-keys', `give only one of ${allowed.map((k) => `\`${k}\``).join(', ')} ${where}`, at(path));
    }
    case 'minItems':
    case 'minProperties':
      return make('schema/empty', `\`${lastKey(path)}\` must not be empty`, at(path));
    case 'maxItems':
      return make('schema/too-many', `\`${lastKey(path)}\` has too many entries (${error.message ?? ''})`, at(path));
    default: {
      const named = (error.params as { propertyName?: string }).propertyName;
      const propertyName =
        named ?? (typeof error.data === 'string' && badKeys.get(error.instancePath)?.has(error.data) ? error.data : undefined);
      if (propertyName !== undefined) {
        return make('schema/invalid-key', `\`${propertyName}\` ${where} is not ${expected(error)}`, at([...path, propertyName], true));
      }
      const limit = (error.params as { limit?: number }).limit;
      const detail = ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'minLength', 'maxLength'].includes(error.keyword)
        ? ` (${error.message ?? `limit ${String(limit)}`})`
        : '';
      return make('schema/invalid-value', `${describeValue(error.data)} is not ${expected(error)}${detail}`, at(path));
    }
  }
}
