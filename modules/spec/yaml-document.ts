import {
  Composer,
  isMap,
  isNode,
  isPair,
  isScalar,
  isSeq,
  Lexer,
  LineCounter,
  Parser,
  YAMLParseError,
  type CST,
  type Document,
  type Node,
  type YAMLMap,
} from 'yaml';
import type { Code, Problem } from '../core/problem';
import { withEnvironmentSnapshot } from './environment-snapshot';
import { DepthGauge, MAX_YAML_DEPTH, type TooDeep } from './yaml-depth';

type CstToken = CST.Token;

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

/**
 * Parses one file into data with positions. Never throws: whatever the text, the answer is the data or
 * positioned problems, in time proportional to the text (nesting is bounded before parsing, duplicate
 * keys are found with one set per mapping rather than the parser's pairwise comparison).
 */
export function parseYaml(file: string, text: string): { parsed?: YamlFile; problems: Problem[] } {
  const lines = new LineCounter();
  const at = (offset: number): { line: number; column: number } => {
    const pos = lines.linePos(offset);
    return { line: pos.line, column: pos.col };
  };
  try {
    return parseBounded(file, text, lines, at);
  } catch (err) {
    if (err instanceof TooDeepSignal) {
      const before = text.slice(0, err.at.offset);
      const line = before.split('\n').length;
      const column = err.at.offset - before.lastIndexOf('\n');
      return { problems: [{ file, line, column, severity: 'error', code: 'yaml/too-deep', message: tooDeepMessage() }] };
    }
    // The bound makes this unreachable for any input we know of; a parser fault stays a problem.
    const message = err instanceof Error ? err.message : String(err);
    const overflow = err instanceof RangeError;
    return {
      problems: [
        {
          file,
          line: 1,
          column: 1,
          severity: 'error',
          code: overflow ? 'yaml/too-deep' : 'yaml/invalid',
          message: overflow ? tooDeepMessage() : `cannot read this YAML: ${message}`,
        },
      ],
    };
  }
}

class TooDeepSignal {
  constructor(readonly at: TooDeep) {}
}

/**
 * `parseDocument` (yaml/dist/public-api.js) with one change: each token of the lexer is measured before
 * the parser takes it, so a text nested too deep stops as soon as it goes too deep, and is lexed once.
 */
function parseDocumentBounded(text: string, lines: LineCounter): Document.Parsed {
  const parser = new Parser(lines.addNewLine);
  const composer = new Composer({ uniqueKeys: false, prettyErrors: false, version: '1.2' });
  const gauge = new DepthGauge();
  function* tokens(): Generator<CstToken> {
    lines.addNewLine(0);
    for (const lexeme of new Lexer().lex(text)) {
      const deep = gauge.step(lexeme);
      if (deep) throw new TooDeepSignal(deep);
      yield* parser.next(lexeme);
    }
    yield* parser.end();
  }
  let doc: Document.Parsed | undefined;
  for (const next of composer.compose(tokens(), true, text.length)) {
    if (!doc) doc = next;
    else {
      doc.errors.push(
        new YAMLParseError(
          [next.range[0], next.range[1]],
          'MULTIPLE_DOCS',
          'Source contains multiple documents; please use YAML.parseAllDocuments()',
        ),
      );
      break;
    }
  }
  if (!doc) throw new Error('the YAML composer returned no document');
  return doc;
}

function tooDeepMessage(): string {
  return `the YAML nests more than ${MAX_YAML_DEPTH} levels deep; these files never need more than 10: check the indentation, the brackets and any \`- \` or \`? \` repeated on one line`;
}

function parseBounded(
  file: string,
  text: string,
  lines: LineCounter,
  at: (offset: number) => { line: number; column: number },
): { parsed?: YamlFile; problems: Problem[] } {
  const doc = withEnvironmentSnapshot(() => parseDocumentBounded(text, lines));
  const problems: Problem[] = [];
  // A file that cannot be parsed gets one problem, its root cause: later parser errors are
  // consequences of the first (a tab shifts every following line).
  const rootCause = doc.errors.find((e) => e.code === 'TAB_AS_INDENT') ?? doc.errors[0];
  const reported = rootCause ? [rootCause] : doc.warnings;
  for (const error of reported) {
    problems.push({
      file,
      ...at(error.pos[0]),
      severity: error === rootCause ? 'error' : 'warning',
      code: yamlCode(error.code),
      message: yamlMessage(error.code, error.message),
    });
  }
  if (rootCause) return { problems };
  // Duplicate keys are all listed; keys that are mappings or lists cannot name anything in these files.
  const keyProblems = keyProblemsOf(file, doc, at);
  problems.push(...keyProblems);
  if (keyProblems.length > 0) return { problems };
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

/** Every mapping's duplicate keys (as the data would see them: `1` and `"1"` are one key) and complex keys. */
function keyProblemsOf(file: string, doc: Document.Parsed, at: (offset: number) => { line: number; column: number }): Problem[] {
  const problems: Problem[] = [];
  const pending: unknown[] = [doc.contents];
  while (pending.length > 0) {
    const node = pending.pop();
    if (isMap(node)) {
      const seen = new Set<string>();
      for (const pair of node.items) {
        const key = pair.key;
        const offset = isNode(key) ? key.range?.[0] : undefined;
        if (isMap(key) || isSeq(key)) {
          problems.push({
            file,
            ...at(offset ?? 0),
            severity: 'error',
            code: 'yaml/complex-key',
            message: 'a key must be a name, not a mapping or a list; remove the `? ` or the brackets',
          });
          continue;
        }
        const name = isScalar(key) ? String(key.value) : undefined;
        if (name !== undefined && seen.has(name)) {
          problems.push({
            file,
            ...at(offset ?? 0),
            severity: 'error',
            code: 'yaml/duplicate-key',
            message: yamlMessage('DUPLICATE_KEY', ''),
          });
        }
        if (name !== undefined) seen.add(name);
        pending.push(pair.value);
      }
    } else if (isSeq(node)) {
      pending.push(...node.items);
    }
  }
  return problems;
}

function yamlCode(code: string): Code {
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

/** Each mapping's pairs by key, built on first lookup: finding a key is then constant time, not a scan. */
const pairsByKey = new WeakMap<YAMLMap, Map<string, unknown>>();
function pairOf(map: YAMLMap, key: string): unknown {
  let index = pairsByKey.get(map);
  if (!index) {
    index = new Map();
    for (const item of map.items) {
      if (isPair(item) && isScalar(item.key) && !index.has(String(item.key.value))) index.set(String(item.key.value), item);
    }
    pairsByKey.set(map, index);
  }
  return index.get(key);
}

/** The node at `path`, or the deepest existing ancestor. `key` returns the mapping key instead of the value. */
export function nodeAt(doc: Document.Parsed, path: readonly PathSegment[], key = false): Node | undefined {
  let node: unknown = doc.contents;
  let keyNode: unknown;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = pairOf(node, String(segment));
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
  return (key ? (keyNode ?? node) : node) as Node | undefined;
}

export function pointerOf(path: readonly PathSegment[]): string {
  return path.map((s) => `/${String(s).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

export function positionAt(file: YamlFile, path: readonly PathSegment[], key = false): { line: number; column: number } {
  const node = nodeAt(file.doc, path, key);
  const offset = node?.range?.[0];
  if (offset === undefined) return { line: 1, column: 1 };
  const pos = file.lines.linePos(offset);
  return { line: pos.line, column: pos.col };
}
