import { docPath } from '../../core/codes';
import { maskPhonesInText } from '../../core/mask-phones';
import type { Problem } from '../../core/problem';
import { plural, problemText } from '../../core/problems-text';
import type { ProblemFormatOptions } from './problems';

/**
 * A report for a pull-request comment: a heading, the counts, and a table of the problems, each code linked to
 * its documentation. A column names the alert or service concerned when any problem is about one.
 */
export function formatProblemsMarkdown(problems: readonly Problem[], options: ProblemFormatOptions): string {
  const heading = `### ${options.title ?? 'Problems'}`;
  if (problems.length === 0) return `${heading}\n\n${options.subject ?? 'Everything checked'}: ${options.clean ?? 'no problems'}.`;
  const errors = problems.filter((p) => p.severity === 'error').length;
  const counts = `${plural(errors, 'error')}, ${plural(problems.length - errors, 'warning')}`;
  const about = problems.some((p) => p.alert !== undefined || p.service !== undefined);
  const row = (p: Problem): string =>
    [
      p.severity === 'error' ? '❌' : '⚠️',
      ...(about ? [p.alert !== undefined ? `\`${p.alert}\`` : p.service !== undefined ? `service \`${p.service}\`` : ''] : []),
      `[${p.code}](${options.docsBase ?? ''}${docPath(p.code)})`,
      cell(maskPhonesInText(problemText(p))),
      cell(p.line > 0 ? `${p.file}:${p.line}` : p.file),
    ].join(' | ');
  return [
    heading,
    '',
    options.subject === undefined ? counts : `${options.subject}: ${counts}`,
    '',
    `| | ${about ? 'about | ' : ''}code | problem | where |`,
    `| --- | ${about ? '--- | ' : ''}--- | --- | --- |`,
    ...problems.map((p) => `| ${row(p)} |`),
  ].join('\n');
}

/** A table cell: one line, `|` escaped. */
function cell(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');
}
