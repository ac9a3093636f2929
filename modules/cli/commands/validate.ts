import { oneOf, parseCommandArgs, stringOption } from '../args';
import { sarifDocsBase } from '../docs-base';
import { formatProblems, PROBLEM_FORMATS } from '../format/problems';
import { loadTeamsDir, stacksDirOption } from '../load-teams';
import { failsOn, MAX_WARNINGS_OPTION, maxWarningsOption } from '../max-warnings';
import { sourceTexts as sourcesOf } from '../../spec/source';
import { EXIT_OK, EXIT_PROBLEMS } from '../usage-error';
import type { Io } from '../io';
import { plural } from '../../core/problems-text';

export const validateUsage = `oncall validate [--teams DIR] [--stacks DIR] [--format text|json|github|markdown|sarif] [--max-warnings N]

Checks the organisation in DIR (default teams/): YAML syntax, schemas, references and values, then the
schedule (swaps, unavailability, coverage, fairness) and what each backend used by a stack of the stacks
directory (default: stacks/ beside the teams directory) cannot express.
Every code is documented in docs/problems.md.
Exit 0 when there is no error (warnings allowed, up to N with --max-warnings), 1 when there is any error or more
warnings than N, 2 on a usage error.`;

export async function validateCommand(argv: string[], io: Io): Promise<number> {
  const { values } = parseCommandArgs(argv, {
    teams: { type: 'string', default: 'teams' },
    stacks: { type: 'string' },
    format: { type: 'string' },
    ...MAX_WARNINGS_OPTION,
  });
  const maxWarnings = maxWarningsOption(values);
  const format = oneOf('format', stringOption(values, 'format'), PROBLEM_FORMATS, 'text');
  const dir = stringOption(values, 'teams') ?? 'teams';
  const result = loadTeamsDir(dir, io.now().getTime(), stacksDirOption(stringOption(values, 'stacks'), dir, io), io);
  const { failed, note } = failsOn(result.problems, maxWarnings);
  const hasError = result.problems.some((p) => p.severity === 'error');
  if (format === 'text') {
    if (result.problems.length > 0) io.out(formatProblems('text', result.problems, sourcesOf(result.tree)));
    const org = result.organisation;
    if (!hasError && org) {
      io.out(
        `${dir}: valid — ${plural(org.squads.size, 'squad')}, ${plural(org.people.size, 'person')}, ${plural(org.rotations.size, 'rotation')}, ${plural(org.alerts.size, 'alert')}`.replace(
          'persons',
          'people',
        ),
      );
    }
  } else {
    const text = formatProblems(format, result.problems, sourcesOf(result.tree), {
      title: 'Validation',
      subject: dir,
      clean: 'valid',
      docsBase: sarifDocsBase(format),
    });
    if (text !== '') io.out(text);
  }
  if (note !== undefined) io.err(`oncall validate: ${note}`);
  return failed ? EXIT_PROBLEMS : EXIT_OK;
}
