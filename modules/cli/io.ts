/** Where commands write; tests capture it instead of the process streams. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  readonly now: () => Date;
}

export const processIo: Io = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
  now: () => new Date(),
};
