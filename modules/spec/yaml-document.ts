import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { Problem } from '../core/problem';
import { withEnvironmentSnapshot } from './environment-snapshot';

/** A parsed YAML file: its plain value plus what is needed to point at any part of it. */
export interface YamlFile {
  readonly file: string;
  readonly text: string;
  readonly doc: Document.Parsed;
  readonly lines: LineCounter;
  /** The plain value, or undefined when the YAML is malformed. */
  readonly value: unknown;
  /**
   * JSON pointers of mappings from which unknown keys were dropped after being reported; a key
   * "missing" there is most likely the misspelt one, so it is not reported again.
   */
  readonly salvaged: Set<string>;
}

export type PathSegment = string | number;

/** Aliases may be used, but not to expand a small file into a huge value ("billion laughs"). */
const MAX_ALIAS_COUNT = 200;

export function parseYaml(file: string, text: string): { parsed?: YamlFile; problems: Problem[] } {
  const lines = new LineCounter();
  const doc = withEnvironmentSnapshot(() =>
    parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false, version: '1.2' }),
  );
  const problems: Problem[] = [];
  // A file that cannot be parsed gets one problem, its root cause: later parser errors are
  // consequences of the first (a tab shifts every following line). Duplicate keys alone are all listed.
  const fatal = doc.errors.filter((e) => e.code !== 'DUPLICATE_KEY');
  const rootCause = fatal.find((e) => e.code === 'TAB_AS_INDENT') ?? fatal[0];
  const reported = rootCause ? [rootCause] : [...doc.errors, ...doc.warnings];
  for (const error of reported) {
    const pos = lines.linePos(error.pos[0]);
    const isError = doc.errors.includes(error as never);
    problems.push({
      file,
      line: pos.line,
      column: pos.col,
      severity: isError ? 'error' : 'warning',
      code: yamlCode(error.code),
      message: yamlMessage(error.code, error.message),
    });
  }
  if (problems.some((p) => p.severity === 'error')) return { problems };
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    problems.push({
      file,
      line: 1,
      column: 1,
      severity: 'error',
      code: /alias/i.test(message) ? 'yaml/alias-limit' : 'yaml/invalid',
      message: /alias/i.test(message)
        ? `aliases expand to too much data (more than ${MAX_ALIAS_COUNT} alias expansions); write the values out`
        : `cannot read this YAML: ${message}`,
    });
    return { problems };
  }
  return { parsed: { file, text, doc, lines, value, salvaged: new Set() }, problems };
}

function yamlCode(code: string): string {
  switch (code) {
    case 'DUPLICATE_KEY':
      return 'yaml/duplicate-key';
    case 'TAB_AS_INDENT':
      return 'yaml/tab-indent';
    case 'MISSING_CHAR':
    case 'BAD_DQ_ESCAPE':
      return 'yaml/unclosed';
    default:
      return 'yaml/syntax';
  }
}

function yamlMessage(code: string, message: string): string {
  const first = message.split('\n')[0] ?? message;
  switch (code) {
    case 'DUPLICATE_KEY':
      return 'this key appears twice in the same mapping; keep one';
    case 'TAB_AS_INDENT':
      return 'tabs are not allowed for indentation in YAML; indent with spaces';
    default:
      return `YAML syntax: ${first.replace(/ at line \d+, column \d+.*$/, '')}`;
  }
}

/** The node at `path`, or the deepest existing ancestor. `key` returns the mapping key instead of the value. */
export function nodeAt(doc: Document.Parsed, path: readonly PathSegment[], key = false): Node | undefined {
  let node: unknown = doc.contents;
  let keyNode: unknown;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment));
      if (!pair || !isPair(pair)) return (keyNode ?? node) as Node;
      keyNode = pair.key;
      node = pair.value ?? pair.key;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment];
      if (item === undefined) return node as Node;
      keyNode = item;
      node = item;
    } else {
      return (keyNode ?? node) as Node;
    }
  }
  return (key ? keyNode ?? node : node) as Node | undefined;
}

export function pointerOf(path: readonly PathSegment[]): string {
  return path.map((s) => `/${String(s).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

export function positionAt(
  file: YamlFile,
  path: readonly PathSegment[],
  key = false,
): { line: number; column: number } {
  const node = nodeAt(file.doc, path, key);
  const offset = node?.range?.[0];
  if (offset === undefined) return { line: 1, column: 1 };
  const pos = file.lines.linePos(offset);
  return { line: pos.line, column: pos.col };
}
