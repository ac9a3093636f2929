import type { Code, Problem, Severity } from '../core/problem';
import type { Source } from '../model/types';

export function problemAt(source: Source, severity: Severity, code: Code, message: string): Problem {
  return { file: source.file, line: source.line, column: source.column, severity, code, message };
}
