import type { Problem } from '../core/problem';
import { stringOption, type ParsedArgs } from './args';
import { UsageError } from './usage-error';

/** `--max-warnings N`: the number of warnings a run tolerates before it fails (like eslint's); none by default. */
export const MAX_WARNINGS_OPTION = { 'max-warnings': { type: 'string' } } as const;

export function maxWarningsOption(values: ParsedArgs['values']): number | undefined {
  const text = stringOption(values, 'max-warnings');
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text)) throw new UsageError(`--max-warnings must be a whole number of warnings, 0 or more (got \`${text}\`)`);
  return Number(text);
}

/**
 * Whether the problems fail the run: any error, or more warnings than `--max-warnings` allows. The sentence to
 * print when it is the warnings that fail it.
 */
export function failsOn(
  problems: readonly Pick<Problem, 'severity'>[],
  maxWarnings: number | undefined,
): { failed: boolean; note?: string } {
  if (problems.some((p) => p.severity === 'error')) return { failed: true };
  const warnings = problems.filter((p) => p.severity === 'warning').length;
  if (maxWarnings !== undefined && warnings > maxWarnings) {
    return { failed: true, note: `${warnings} warning${warnings === 1 ? '' : 's'}: more than --max-warnings ${maxWarnings} allows` };
  }
  return { failed: false };
}
