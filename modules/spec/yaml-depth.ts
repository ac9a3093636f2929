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
 * a bound needs. Fed the lexer's tokens one by one, so the parser can take each token after it.
 */
export class DepthGauge {
  private readonly columns: number[] = [];
  private flow = 0;
  private offset = 0;
  private lineStart = 0;
  private blockStart = true;
  private afterScalarMarker = false;
  private afterBlockHeader = false;

  constructor(private readonly limit: number = MAX_YAML_DEPTH) {}

  /** Takes the next token; returns where nesting first passes the limit. */
  step(token: string): TooDeep | undefined {
    if (MARKERS.has(token)) {
      if (token === CST.FLOW_END) this.flow = 0;
      this.afterScalarMarker = token === CST.SCALAR;
      return undefined;
    }
    const start = this.offset;
    this.offset += token.length;
    const type = this.afterScalarMarker ? 'scalar' : CST.tokenType(token);
    const blockScalarBody = this.afterScalarMarker && this.afterBlockHeader;
    this.afterScalarMarker = false;
    const newline = token.lastIndexOf('\n');
    if (type === 'doc-start') this.columns.length = 0;
    const prop = type === 'anchor' || type === 'tag';
    if (type === 'space' || type === 'newline' || type === 'comment' || type === 'byte-order-mark') {
      this.newLine(start, newline);
      return undefined;
    }
    if (type === 'block-scalar-header') this.afterBlockHeader = true;
    else if (!prop) this.afterBlockHeader = false;

    if (this.blockStart && this.flow === 0 && !blockScalarBody && !prop) {
      const column = start - this.lineStart;
      while (this.columns.length > 0 && (this.columns[this.columns.length - 1] as number) >= column) this.columns.pop();
      this.columns.push(column);
      this.blockStart = type !== null && COMPACT.has(type);
    } else if (!prop) {
      this.blockStart = false;
    }
    if (type === 'flow-map-start' || type === 'flow-seq-start') this.flow++;
    else if ((type === 'flow-map-end' || type === 'flow-seq-end') && this.flow > 0) this.flow--;
    const depth = this.columns.length + this.flow;
    if (depth > this.limit) return { offset: start, depth };
    this.newLine(start, newline);
    return undefined;
  }

  private newLine(start: number, newline: number): void {
    if (newline < 0) return;
    this.lineStart = start + newline + 1;
    if (this.flow === 0) this.blockStart = true;
  }
}

/** Where `text` first nests deeper than `limit`, or undefined. */
export function tooDeep(text: string, limit: number = MAX_YAML_DEPTH): TooDeep | undefined {
  const gauge = new DepthGauge(limit);
  for (const token of new Lexer().lex(text)) {
    const deep = gauge.step(token);
    if (deep) return deep;
  }
  return undefined;
}
