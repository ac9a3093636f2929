/** An in-process Io for the import commands: what they print, and `now` read from the environment as the CLI does. */
import { nowFromEnvironment, type Io } from '../../modules/cli/io';

export interface CommandIo {
  readonly io: Io;
  stdout(): string;
  stderr(): string;
}

export function commandIo(cwd: string, environment: Record<string, string>): CommandIo {
  let stdout = '';
  let stderr = '';
  return {
    io: {
      out: (t) => void (stdout += `${t}\n`),
      err: (t) => void (stderr += `${t}\n`),
      now: () => nowFromEnvironment(environment),
      cwd,
      env: environment,
    },
    stdout: () => stdout,
    stderr: () => stderr,
  };
}
