import { oneOf, parseCommandArgs, stringOption } from '../args';
import type { Io } from '../io';
import { loadTeamsDir, stacksDirOption } from '../load-teams';
import { EXIT_OK, EXIT_PROBLEMS } from '../usage-error';

export const stacksUsage = `oncall stacks [--format text|json] [--teams DIR] [--stacks DIR]

The stacks of the repository and the squads each provisions: the shards of a CI matrix. json is
{"include":[{"stack","backend","squads"}]}, ready for GitHub Actions' \`matrix: \${{ fromJSON(…) }}\`.`;

export async function stacksCommand(argv: string[], io: Io): Promise<number> {
  const { values } = parseCommandArgs(argv, {
    format: { type: 'string' },
    teams: { type: 'string', default: 'teams' },
    stacks: { type: 'string' },
  });
  const format = oneOf('format', stringOption(values, 'format'), ['text', 'json'] as const, 'text');
  const dir = stringOption(values, 'teams') ?? 'teams';
  const result = loadTeamsDir(dir, io.now().getTime(), stacksDirOption(stringOption(values, 'stacks'), dir, io), io);
  const org = result.organisation;
  if (!org) {
    io.err(`oncall stacks: the organisation in ${dir} cannot be read; run \`oncall validate --teams ${dir}\``);
    return EXIT_PROBLEMS;
  }
  const shards = (result.stacks ?? []).map((s) => ({
    stack: s.name,
    backend: s.backend,
    squads: s.teams ? [...s.teams] : [...org.squads.keys()],
  }));
  if (format === 'json') io.out(JSON.stringify({ include: shards }));
  else
    io.out(
      shards.length ? shards.map((s) => `${s.stack.padEnd(24)} ${s.backend.padEnd(10)} ${s.squads.join(', ')}`).join('\n') : 'no stacks',
    );
  return EXIT_OK;
}
