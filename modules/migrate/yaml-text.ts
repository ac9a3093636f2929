/**
 * One imported document as YAML text: keys in the schema's order (schema-order.ts), the editors' schema line, a
 * header, and the import's comments above the keys they explain, through the yaml package's Document API.
 * Lists of plain values and small maps of plain values are written on one line (`members: [ada, bob]`).
 */
import { Document, isMap, isPair, isScalar, isSeq, visit, type Node, type Pair, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import type { FileKind } from '../spec/schema';
import { inSchemaOrder } from './schema-order';

/** Maps by id whose members stay in block style. */
const BLOCK_MAPS = ['rotations', 'escalations', 'services', 'alerts'];

/** Longest collection written on one line (without its key). */
const FLOW_WIDTH = 100;

/**
 * Strings YAML 1.1 readers (some editors, older tools) take for something else: sexagesimal numbers (`09:00`),
 * yes/no/on/off. The loader reads YAML 1.2, where they are strings, but quoting them keeps every reader agreed.
 */
const AMBIGUOUS = /^([0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?|y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF)$/;

export interface DocumentText {
  readonly kind: FileKind;
  /** Path of the file from the teams directory, the first part of comment keys (`platform/team.yaml`). */
  readonly file: string;
  readonly value: unknown;
  /** The editors' schema line: the path of the schemas folder from the file's folder. */
  readonly schemaPath: string;
  /** Lines written under the schema line. */
  readonly header: readonly string[];
  /** By JSON pointer within this file. */
  readonly comments: ReadonlyMap<string, string>;
}

const unescape = (s: string) => s.replace(/~1/g, '/').replace(/~0/g, '~');
const commentText = (text: string) =>
  text
    .split('\n')
    .map((line) => (line === '' ? '' : ` ${line}`))
    .join('\n');

/** The node a pointer names, with the pair holding it when it is a map's member (its key carries the comment). */
function nodeAt(doc: Document, pointer: string): { node?: Node; pair?: Pair } {
  if (pointer === '' || pointer === '/') return { node: doc.contents ?? undefined };
  let node: unknown = doc.contents;
  let pair: Pair | undefined;
  for (const part of pointer.slice(1).split('/').map(unescape)) {
    if (isMap(node)) {
      pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === part);
      node = pair?.value;
    } else if (isSeq(node)) {
      pair = undefined;
      node = node.items[Number(part)];
    } else return {};
    if (node === undefined) return {};
  }
  return { node: node as Node, pair };
}

const plain = (n: unknown): boolean => isScalar(n);

/** The length of a collection written on one line. */
function flowLength(node: YAMLMap | YAMLSeq): number {
  const copy = node.clone() as YAMLMap | YAMLSeq;
  copy.flow = true;
  const probe = new Document();
  probe.contents = copy;
  return probe.toString({ lineWidth: 0, flowCollectionPadding: true }).trim().length;
}

/**
 * Writes small collections of plain values on one line (`members: [ ada, bob ]`, a person, a step), unless a
 * comment sits inside. The rotations, policies, services and alerts by id stay in block style.
 */
function flowSmallCollections(doc: Document, commented: ReadonlySet<Node>): void {
  const depth = (path: readonly unknown[]) => path.filter((p) => isPair(p) || isSeq(p)).length;
  const topKey = (path: readonly unknown[]) => {
    const pair = path.find(isPair);
    return pair && isScalar(pair.key) ? String(pair.key.value) : '';
  };
  visit(doc, {
    Seq(_, seq, path) {
      if (depth(path) >= 1 && seq.items.length > 0 && seq.items.every(plain) && !seq.items.some((i) => commented.has(i as Node))) {
        seq.flow = flowLength(seq) <= FLOW_WIDTH;
      }
    },
    Map(_, map, path) {
      const d = depth(path);
      if (map.items.length === 0 || d < 2 || (d === 2 && BLOCK_MAPS.includes(topKey(path)))) return;
      const simple = map.items.every((p) => plain(p.value) || (isSeq(p.value) && p.value.items.every(plain)));
      if (!simple || map.items.some((p) => commented.has(p.key as Node) || commented.has(p.value as Node))) return;
      map.flow = flowLength(map) <= FLOW_WIDTH;
    },
  });
}

/** The text of one imported document. Comments whose pointer names nothing are returned unplaced. */
export function documentText(d: DocumentText): { readonly text: string; readonly unplaced: readonly string[] } {
  const doc = new Document(inSchemaOrder(d.kind, d.value));
  visit(doc, {
    Scalar(_, node: Scalar) {
      if (typeof node.value === 'string' && AMBIGUOUS.test(node.value)) node.type = 'QUOTE_DOUBLE';
    },
  });
  const commented = new Set<Node>();
  const unplaced: string[] = [];
  const top: string[] = [];
  for (const [pointer, text] of [...d.comments].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (pointer === '' || pointer === '/') {
      top.push(text);
      continue;
    }
    const { node, pair } = nodeAt(doc, pointer);
    const holder = (pair && isPair(pair) ? pair.key : node) as (Node & { commentBefore?: string | null }) | undefined;
    if (holder === undefined || holder === null || typeof holder !== 'object') {
      unplaced.push(`${d.file}#${pointer}`);
      continue;
    }
    holder.commentBefore = holder.commentBefore ? `${holder.commentBefore}\n${commentText(text)}` : commentText(text);
    commented.add(holder);
    if (node) commented.add(node);
  }
  flowSmallCollections(doc, commented);
  const header = [`yaml-language-server: $schema=${d.schemaPath}/${d.kind}.schema.json`, ...d.header, ...top];
  doc.commentBefore = commentText(header.join('\n'));
  return { text: doc.toString({ lineWidth: 0, flowCollectionPadding: true }), unplaced };
}
