/**
 * Turns ajv errors into problems a person can act on: one problem per mistake, at the offending
 * key or value, with the expected form taken from the schema's own descriptions.
 */
import type { ErrorObject } from 'ajv';
import type { Problem } from '../core/problem';
import { didYouMean } from '../core/suggest';
import { positionAt, type PathSegment, type YamlFile } from './yaml-document';
import { defs } from './schema/defs';

export function schemaProblems(file: YamlFile, errors: readonly ErrorObject[]): Problem[] {
  const kept = pruneAlternatives(errors.filter((e) => e.keyword !== 'if'));
  const problems: Problem[] = [];
  for (const error of kept) {
    const problem = toProblem(file, error);
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
 * For `anyOf`, ajv reports every branch's errors plus the anyOf itself. Keep the errors of the
 * one branch whose shape matches the value (e.g. an object with a typo in a key); otherwise keep
 * only the anyOf error, which is described as a whole.
 */
function pruneAlternatives(errors: readonly ErrorObject[]): ErrorObject[] {
  let result = [...errors];
  const alternatives = errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf');
  // Deepest first, so nested alternatives are settled before their parents.
  alternatives.sort((a, b) => b.schemaPath.length - a.schemaPath.length);
  for (const alt of alternatives) {
    if (!result.includes(alt)) continue;
    const prefix = `${alt.schemaPath}/`;
    const branchErrors = result.filter((e) => e.schemaPath.startsWith(prefix));
    const byBranch = new Map<string, ErrorObject[]>();
    for (const e of branchErrors) {
      const branch = e.schemaPath.slice(prefix.length).split('/')[0] ?? '';
      byBranch.set(branch, [...(byBranch.get(branch) ?? []), e]);
    }
    const matchingShape = [...byBranch.values()].filter(
      (list) => !list.some((e) => e.instancePath === alt.instancePath && ['type', 'enum', 'const'].includes(e.keyword)),
    );
    result = result.filter((e) => !branchErrors.includes(e));
    if (matchingShape.length === 1) {
      result = result.filter((e) => e !== alt);
      result.push(...(matchingShape[0] ?? []));
    }
  }
  return result;
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

function toProblem(file: YamlFile, error: ErrorObject): Problem | undefined {
  const path = pointerToPath(error.instancePath);
  const at = (p: readonly PathSegment[], key = false) => positionAt(file, p, key);
  const make = (code: string, message: string, pos: { line: number; column: number }): Problem => ({
    file: file.file,
    line: pos.line,
    column: pos.column,
    severity: 'error',
    code,
    message,
  });
  const where = path.length === 0 ? 'at the top level' : `in \`${lastKey(path)}\``;
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String((error.params as { additionalProperty: string }).additionalProperty);
      const allowed = Object.keys((error.parentSchema as { properties?: object }).properties ?? {});
      const hint = didYouMean(key, allowed);
      return make(
        'schema/unknown-key',
        `unknown key \`${key}\` ${where}${hint || (allowed.length ? `; expected one of: ${allowed.join(', ')}` : '')}`,
        at([...path, key], true),
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
      return make('schema/reserved', `${describeValue(error.data)} is reserved and cannot be used as an id`, at(path));
    case 'uniqueItems': {
      const { i, j } = error.params as { i: number; j: number };
      return make('schema/duplicate-item', `\`${lastKey(path)}\` lists ${describeValue((error.data as unknown[])[j])} twice`, at([...path, i]));
    }
    case 'minItems':
    case 'minProperties':
      return make('schema/empty', `\`${lastKey(path)}\` must not be empty`, at(path));
    case 'maxItems':
      return make('schema/too-many', `\`${lastKey(path)}\` has too many entries (${error.message ?? ''})`, at(path));
    default: {
      const propertyName = (error.params as { propertyName?: string }).propertyName;
      if (propertyName !== undefined) {
        return make(
          'schema/invalid-key',
          `\`${propertyName}\` ${where} is not ${expected(error)}`,
          at([...path, propertyName], true),
        );
      }
      const limit = (error.params as { limit?: number }).limit;
      const detail = ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'minLength', 'maxLength'].includes(error.keyword)
        ? ` (${error.message ?? `limit ${String(limit)}`})`
        : '';
      return make(
        'schema/invalid-value',
        `${describeValue(error.data)} is not ${expected(error)}${detail}`,
        at(path),
      );
    }
  }
}
