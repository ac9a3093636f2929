/**
 * The output formats of problems, one file each, for every command that reports them (`validate`,
 * `readiness`): validation problems and readiness findings are the same type and print the same way.
 */
import type { Problem } from '../../core/problem';
import { formatProblemsText } from '../../core/problems-text';
import { formatProblemsGithub } from './problems-github';
import { formatProblemsJson } from './problems-json';
import { formatProblemsMarkdown } from './problems-markdown';
import { formatProblemsSarif } from './problems-sarif';

export const PROBLEM_FORMATS = ['text', 'json', 'github', 'markdown', 'sarif'] as const;
export type ProblemFormat = (typeof PROBLEM_FORMATS)[number];

export interface ProblemFormatOptions {
  /** What was checked (`11 alerts`): text and markdown summaries name it, and are printed even when nothing is found. */
  readonly subject?: string;
  /** Heading of the markdown report. @default 'Problems' */
  readonly title?: string;
  /** Markdown when nothing is found, after the subject. @default 'no problems' */
  readonly clean?: string;
  /**
   * Absolute URL of the repository root the documentation paths (`docs/problems.md#…`) are resolved against:
   * SARIF rules link to it (`helpUri`), markdown links become absolute. Without it markdown links stay relative.
   */
  readonly docsBase?: string;
  /** Directory SARIF file locations are relative to. @default process.cwd() */
  readonly cwd?: string;
}

export function formatProblems(
  format: ProblemFormat,
  problems: readonly Problem[],
  sources: ReadonlyMap<string, string>,
  options: ProblemFormatOptions = {},
): string {
  switch (format) {
    case 'json':
      return formatProblemsJson(problems);
    case 'github':
      return formatProblemsGithub(problems);
    case 'markdown':
      return formatProblemsMarkdown(problems, options);
    case 'sarif':
      return formatProblemsSarif(problems, options);
    case 'text':
      return formatProblemsText(problems, sources, options);
  }
}
