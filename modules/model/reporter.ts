import type { Problem, Severity } from '../core/problem';
import { positionAt, type PathSegment, type YamlFile } from '../spec/yaml-document';
import type { Source } from './types';

/** Collects problems while the model is resolved; every problem points into a YAML file. */
export class Reporter {
  readonly problems: Problem[] = [];

  report(severity: Severity, file: YamlFile, path: readonly PathSegment[], code: string, message: string, key = false): void {
    const pos = positionAt(file, path, key);
    this.problems.push({ file: file.file, line: pos.line, column: pos.column, severity, code, message });
  }

  error(file: YamlFile, path: readonly PathSegment[], code: string, message: string, key = false): void {
    this.report('error', file, path, code, message, key);
  }

  warning(file: YamlFile, path: readonly PathSegment[], code: string, message: string, key = false): void {
    this.report('warning', file, path, code, message, key);
  }
}

export function sourceOf(file: YamlFile, path: readonly PathSegment[]): Source {
  const pos = positionAt(file, path, true);
  return { file: file.file, line: pos.line, column: pos.column };
}
