import { maskPhonesInText } from '../../core/mask-phones';
import type { Problem } from '../../core/problem';

export function formatProblemsJson(problems: readonly Problem[]): string {
  return JSON.stringify(
    { problems: problems.map(({ file, line, column, severity, code, message }) => ({ file, line, column, severity, code, message: maskPhonesInText(message) })) },
    null,
    2,
  );
}
