import { UsageError } from './usage-error';

/** Where commands write; tests capture it instead of the process streams. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  readonly now: () => Date;
}

export const processIo: Io = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
  now: () => nowFromEnvironment(),
};

/** `ONCALL_NOW` (an ISO 8601 instant) fixes "now" for reproducible runs; otherwise the system clock. */
export function nowFromEnvironment(env: NodeJS.ProcessEnv = process.env): Date {
  const fixed = env.ONCALL_NOW;
  if (fixed === undefined || fixed === '') return new Date();
  const ms = Date.parse(fixed);
  // A usage error: the command stops with exit 2 and this message instead of a stack trace.
  if (Number.isNaN(ms)) throw new UsageError(`ONCALL_NOW must be an ISO 8601 instant such as 2026-03-30T09:30:00Z, or unset (got \`${fixed.slice(0, 80)}\`)`);
  return new Date(ms);
}
