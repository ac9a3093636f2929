/** `oncall import <source> …`: the sources are a table (modules/cli/import/sources.ts); each has its own options. */
import { closestMatch } from '../../core/suggest';
import { IMPORT_SOURCES, type ImportSource } from '../import/sources';
import type { Io } from '../io';
import { EXIT_OK, UsageError } from '../usage-error';

export function importUsage(sources: readonly ImportSource[] = IMPORT_SOURCES): string {
  const width = Math.max(8, ...sources.map((s) => s.name.length));
  return [
    `oncall import <${sources.map((s) => s.name).join('|') || 'source'}> [options]`,
    '',
    'Reads an existing account and writes it as YAML. Sources:',
    ...(sources.length === 0 ? ['  (none installed)'] : sources.map((s) => `  ${s.name.padEnd(width)}  ${s.summary}`)),
    '',
    'Account sources (pagerduty, opsgenie, datadog-oncall) take:',
    '  [--api-url URL] [--from-dir DIR] [--teams DIR] [--phones] [--report FILE] [--save-export DIR]',
    '  [--stack STACK [--stacks DIR] [--bulk-import FILE]]',
    '',
    'Keys are read from the environment only (never from the command line). See docs/import.md.',
  ].join('\n');
}

/** Runs the source named first, with the rest of the arguments. */
export async function importWith(sources: readonly ImportSource[], argv: string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name.startsWith('-')) throw new UsageError('name the source to import from');
  const source = sources.find((s) => s.name === name);
  if (!source) {
    const match = closestMatch(
      name,
      sources.map((s) => s.name),
    );
    throw new UsageError(
      `unknown source \`${name}\`${match === undefined ? '' : `; did you mean \`${match}\`?`} (sources: ${sources.map((s) => s.name).join(', ') || 'none'})`,
    );
  }
  const loaded = await source.load();
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(loaded.usage);
    return EXIT_OK;
  }
  try {
    return await loaded.run(rest, io);
  } catch (err) {
    if (err instanceof UsageError) throw new UsageError(`${name}: ${err.message}`);
    throw err;
  }
}

export function importCommand(argv: string[], io: Io): Promise<number> {
  return importWith(IMPORT_SOURCES, argv, io);
}
