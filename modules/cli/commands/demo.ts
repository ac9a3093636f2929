import { hasErrors } from '../../core/problem';
import { parseCommandArgs, stringOption } from '../args';
import { formatProblems } from '../format/problems';
import { formatOrganisationSummary } from '../format/organisation-summary';
import { loadTeamsDir } from '../load-teams';
import { sourcesOf } from '../sources';
import { EXIT_OK, EXIT_PROBLEMS } from '../usage-error';
import type { Io } from '../io';

export const demoUsage = `oncall demo [--teams DIR]

Validates the organisation and prints a summary of it: what \`npm start\` runs on the bundled example.`;

export async function demoCommand(argv: string[], io: Io): Promise<number> {
  const { values } = parseCommandArgs(argv, { teams: { type: 'string', default: 'teams' } });
  const dir = stringOption(values, 'teams') ?? 'teams';
  const result = loadTeamsDir(dir, io.now().getTime());
  io.out(`$ oncall validate --teams ${dir}`);
  if (result.problems.length > 0) io.out(formatProblems('text', result.problems, sourcesOf(result.tree)));
  if (hasErrors(result.problems) || !result.organisation) return EXIT_PROBLEMS;
  io.out(`${dir}: valid\n`);
  io.out(formatOrganisationSummary(result.organisation));
  return EXIT_OK;
}
