import { parseArgs, type ParseArgsConfig } from 'node:util';
import { closestMatch } from '../core/suggest';
import { UsageError } from './usage-error';

type Options = NonNullable<ParseArgsConfig['options']>;

/** `node:util` parseArgs, with its errors turned into usage errors. */
export interface ParsedArgs {
  readonly values: Record<string, string | boolean | string[] | boolean[] | undefined>;
  readonly positionals: string[];
}

export function parseCommandArgs(argv: string[], options: Options, allowPositionals = false): ParsedArgs {
  try {
    return parseArgs({ args: argv, options, allowPositionals, strict: true }) as ParsedArgs;
  } catch (err) {
    const message = err instanceof Error ? err.message.replace(/\. To specify a positional.*$/s, '') : String(err);
    throw new UsageError(message + flagSuggestion(message, options));
  }
}

/** The value of a string option (parseArgs guarantees the type for `type: 'string'`). */
export function stringOption(values: ParsedArgs['values'], name: string): string | undefined {
  const v = values[name];
  return typeof v === 'string' ? v : undefined;
}

export function oneOf<T extends string>(name: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--${name} must be one of ${allowed.join(', ')} (got \`${value}\`)`);
}

/** `; did you mean --stack?` for a mistyped option, from the message of `parseArgs` (`Unknown option '--stak'`). */
function flagSuggestion(message: string, options: Options): string {
  const unknown = /Unknown option '-{1,2}([^'=]+)/.exec(message)?.[1];
  if (unknown === undefined) return '';
  const match = closestMatch(unknown, [...Object.keys(options), 'help']);
  return match === undefined ? '' : `; did you mean \`--${match}\`?`;
}
