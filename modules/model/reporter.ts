import type { Code, Problem, Severity } from '../core/problem';
import { hintFields, type Hinted } from '../core/suggest';
import { pointerOf, positionAt, type PathSegment, type YamlFile } from '../spec/yaml-document';
import type { Source } from './types';

/** Collects problems while the model is resolved; every problem points into a YAML file. */
export class Reporter {
  readonly problems: Problem[] = [];

  report(severity: Severity, file: YamlFile, path: readonly PathSegment[], code: Code, message: string | Hinted, key = false): void {
    if (code === 'schema/missing-key' && file.salvaged.has(pointerOf(path))) return;
    const pos = positionAt(file, path, key);
    this.problems.push({ file: file.file, line: pos.line, column: pos.column, severity, code, ...hintFields(message) });
  }

  error(file: YamlFile, path: readonly PathSegment[], code: Code, message: string | Hinted, key = false): void {
    this.report('error', file, path, code, message, key);
  }

  warning(file: YamlFile, path: readonly PathSegment[], code: Code, message: string | Hinted, key = false): void {
    this.report('warning', file, path, code, message, key);
  }
}

/** Reports the same id defined twice, at both places, each message naming the other. */
export function reportDuplicate(r: Reporter, what: string, first: Source, second: Source, extra = ''): void {
  const problem = (at: Source, other: Source) => ({
    file: at.file,
    line: at.line,
    column: at.column,
    severity: 'error' as const,
    code: 'ref/duplicate-id' as const,
    message: `${what} is defined twice: here and at ${other.file}:${other.line}${extra}`,
  });
  r.problems.push(problem(second, first), problem(first, second));
}

export function sourceOf(file: YamlFile, path: readonly PathSegment[]): Source {
  const pos = positionAt(file, path, true);
  return { file: file.file, line: pos.line, column: pos.column };
}
