import { maskPhonesInText } from '../../core/mask-phones';
import type { Problem } from '../../core/problem';
import { problemText } from '../../core/problems-text';

/** GitHub Actions workflow commands: one annotation per problem, on its line of the diff when it has one. */
export function formatProblemsGithub(problems: readonly Problem[]): string {
  return problems
    .map((p) => {
      const props = [`file=${escapeProperty(p.file)}`];
      if (p.line > 0) props.push(`line=${p.line}`, `col=${p.column}`);
      props.push(`title=${escapeProperty(p.code)}`);
      return `::${p.severity} ${props.join(',')}::${escapeData(maskPhonesInText(problemText(p)))}`;
    })
    .join('\n');
}

function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
