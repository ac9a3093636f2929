import { parseCommandArgs, stringOption } from '../args';
import { catalogIndex, squadPage } from '../format/catalog';
import { pathIn, type Io } from '../io';
import { organisationOrProblems } from '../organisation-or-problems';
import { EXIT_OK, EXIT_PROBLEMS, UsageError } from '../usage-error';
import { replaceDirectory } from '../write-files';

export const catalogUsage = `oncall catalog --out DIR [--teams DIR]

Writes the alert catalog to DIR: index.md and one page per squad, each alert with its trigger criteria,
procedure and expected time (from its runbook), severity and routing. DIR is replaced whole, all or
nothing; a directory holding other files is refused.`;

export async function catalogCommand(argv: string[], io: Io): Promise<number> {
  const { values } = parseCommandArgs(argv, { out: { type: 'string' }, teams: { type: 'string', default: 'teams' } });
  const out = stringOption(values, 'out');
  if (out === undefined || out === '') throw new UsageError('--out DIR is required');
  const org = organisationOrProblems(stringOption(values, 'teams') ?? 'teams', io, io.now().getTime());
  if (!org) return EXIT_PROBLEMS;
  const files = [
    { name: 'index.md', contents: catalogIndex(org), what: 'the index' },
    ...[...org.squads.values()].map((t) => ({ name: `${t.id}.md`, contents: squadPage(org, t), what: `squad \`${t.id}\`` })),
  ];
  try {
    replaceDirectory(pathIn(io, out), files, { command: 'oncall catalog', ownFiles: /\.md$/ });
  } catch (err) {
    io.err(`oncall catalog: cannot write to ${out}: ${err instanceof Error ? err.message : String(err)}; nothing was written`);
    return EXIT_PROBLEMS;
  }
  io.out(`wrote the catalog of ${org.alerts.size} alerts to ${out}: ${files.map((f) => f.name).join(', ')}`);
  return EXIT_OK;
}
