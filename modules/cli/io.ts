import { resolve } from 'node:path';
import { UsageError } from './usage-error';

/**
 * What a command sees of the world: where it writes, its working directory, its environment and the clock.
 * The process gives the real ones; tests run `main(argv, io)` in-process with their own.
 */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  readonly now: () => Date;
  /** The directory relative paths of the command line are read from. */
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
}

export const processIo: Io = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
  now: () => nowFromEnvironment(process.env),
  get cwd() {
    return process.cwd();
  },
  get env() {
    return process.env;
  },
};

/**
 * Where to open a path given on the command line: relative to `io.cwd`. It is kept as typed when that is
 * the process's own directory, so that messages show the path as the user wrote it.
 */
export function pathIn(io: Pick<Io, 'cwd'>, path: string): string {
  const absolute = resolve(io.cwd, path);
  return absolute === resolve(path) ? path : absolute;
}

/** `ONCALL_NOW` (an ISO 8601 instant) fixes "now" for reproducible runs; otherwise the system clock. */
export function nowFromEnvironment(env: Readonly<Record<string, string | undefined>> = process.env): Date {
  const fixed = env.ONCALL_NOW;
  if (fixed === undefined || fixed === '') return new Date();
  const ms = Date.parse(fixed);
  // A usage error: the command stops with exit 2 and this message instead of a stack trace.
  if (Number.isNaN(ms))
    throw new UsageError(`ONCALL_NOW must be an ISO 8601 instant such as 2026-03-30T09:30:00Z, or unset (got \`${fixed.slice(0, 80)}\`)`);
  return new Date(ms);
}
