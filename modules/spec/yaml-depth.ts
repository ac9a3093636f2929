/**
 * How deeply a YAML text nests, measured before it is parsed. The `yaml` parser's cost grows much faster
 * than the text with nesting (400 nested `? ` keys, under 2 KB, take minutes; 3,000 nested `- ` overflow
 * the stack), while files of this tool never need more than a handful of levels. The text is scanned
 * once with the parser's own lexer — linear, not recursive, and exact about quotes, comments and block
 * scalars — and the first place where nesting passes the limit is returned.
 */
import { CST, Lexer } from 'yaml';

/** The deepest file of the schemas needs 8 levels (alerts → id → steps → item → request → headers → key). */
export const MAX_YAML_DEPTH = 32;

export interface TooDeep {
  /** Offset in the text of the token that goes one level too deep. */
  readonly offset: number;
  readonly depth: number;
}

/** Indicators after which, on the same line, a nested block node may start (`- - a`, `? - a`). */
const COMPACT = new Set(['seq-item-ind', 'explicit-key-ind', 'map-value-ind']);
/** Tokens that mark, but are not part of, the source text. */
const MARKERS = new Set<string>([CST.DOCUMENT, CST.FLOW_END, CST.SCALAR]);

/**
 * Block nesting is counted from columns: each block node starts at a column, and a node at a deeper
 * column than the open ones is nested in them (the stack of open columns). Flow nesting is counted from
 * brackets. The estimate is never below the parser's depth by more than a constant factor, which is all
 * a bound needs.
 */
export function tooDeep(text: string, limit: number = MAX_YAML_DEPTH): TooDeep | undefined {
  const columns: number[] = [];
  let flow = 0;
  let offset = 0;
  let lineStart = 0;
  let blockStart = true;
  let afterScalarMarker = false;
  let afterBlockHeader = false;
  for (const token of new Lexer().lex(text)) {
    if (MARKERS.has(token)) {
      if (token === CST.FLOW_END) flow = 0;
      afterScalarMarker = token === CST.SCALAR;
      continue;
    }
    const start = offset;
    offset += token.length;
    const type = afterScalarMarker ? 'scalar' : CST.tokenType(token);
    const blockScalarBody = afterScalarMarker && afterBlockHeader;
    afterScalarMarker = false;
    const newline = token.lastIndexOf('\n');
    if (type === 'doc-start') columns.length = 0;
    if (type === 'space' || type === 'newline' || type === 'comment' || type === 'byte-order-mark') {
      if (newline >= 0) {
        lineStart = start + newline + 1;
        if (flow === 0) blockStart = true;
      }
      continue;
    }
    if (type === 'block-scalar-header') afterBlockHeader = true;
    else if (type !== 'anchor' && type !== 'tag') afterBlockHeader = false;

    if (blockStart && flow === 0 && !blockScalarBody && type !== 'anchor' && type !== 'tag') {
      const column = start - lineStart;
      while (columns.length > 0 && (columns[columns.length - 1] as number) >= column) columns.pop();
      columns.push(column);
      blockStart = type !== null && COMPACT.has(type);
    } else if (type !== 'anchor' && type !== 'tag') {
      blockStart = false;
    }
    if (type === 'flow-map-start' || type === 'flow-seq-start') flow++;
    else if ((type === 'flow-map-end' || type === 'flow-seq-end') && flow > 0) flow--;
    const depth = columns.length + flow;
    if (depth > limit) return { offset: start, depth };
    if (newline >= 0) {
      lineStart = start + newline + 1;
      if (flow === 0) blockStart = true;
    }
  }
  return undefined;
}
