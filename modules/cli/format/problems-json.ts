import { maskPhonesInText } from '../../core/mask-phones';
import type { Problem } from '../../core/problem';

/** `{ "problems": [...] }`: every field of each problem, the optional ones only when set; phone numbers masked. */
export function formatProblemsJson(problems: readonly Problem[]): string {
  return JSON.stringify(
    {
      problems: problems.map(({ file, line, column, severity, code, message, suggestion, squad, alert, service }) => ({
        file,
        line,
        column,
        severity,
        code,
        message: maskPhonesInText(message),
        ...(suggestion === undefined ? {} : { suggestion: maskPhonesInText(suggestion) }),
        ...(squad === undefined ? {} : { squad }),
        ...(alert === undefined ? {} : { alert }),
        ...(service === undefined ? {} : { service }),
      })),
    },
    null,
    2,
  );
}
