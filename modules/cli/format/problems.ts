import type { Problem } from '../../core/problem';
import { formatProblemsGithub } from './problems-github';
import { formatProblemsJson } from './problems-json';
import { formatProblemsText } from '../../core/problems-text';

export const PROBLEM_FORMATS = ['text', 'json', 'github'] as const;
export type ProblemFormat = (typeof PROBLEM_FORMATS)[number];

export function formatProblems(format: ProblemFormat, problems: readonly Problem[], sources: ReadonlyMap<string, string>): string {
  switch (format) {
    case 'json':
      return formatProblemsJson(problems);
    case 'github':
      return formatProblemsGithub(problems);
    case 'text':
      return formatProblemsText(problems, sources);
  }
}
