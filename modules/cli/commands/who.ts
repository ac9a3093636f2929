import { formatLocal, isoInZone } from '../../schedule/local-time';
import { whoIsOnCall } from '../../schedule/who';
import { oneOf, parseCommandArgs, stringOption } from '../args';
import type { Io } from '../io';
import { checkTeam, organisationOrProblems, parseInstantOption } from '../organisation-or-problems';
import { parseIsoInstant } from '../time-options';
import { EXIT_OK, EXIT_PROBLEMS } from '../usage-error';
import { formatLocalRange } from '../format/shift-text';

export const whoUsage = `oncall who [--at ISO-8601] [--team ID] [--format text|json] [--teams DIR]

Who is on call at an instant (default now), for each squad and rotation. A date-time without an offset
is read in the organisation's zone. json: [{"team","rotation","person","start","end"}], person null when
the rotation does not cover that instant.`;

export async function whoCommand(argv: string[], io: Io): Promise<number> {
  const { values } = parseCommandArgs(argv, {
    at: { type: 'string' },
    team: { type: 'string' },
    format: { type: 'string' },
    teams: { type: 'string', default: 'teams' },
  });
  const format = oneOf('format', stringOption(values, 'format'), ['text', 'json'] as const, 'text');
  const now = io.now().getTime();
  const org = organisationOrProblems(stringOption(values, 'teams') ?? 'teams', io, now);
  if (!org) return EXIT_PROBLEMS;
  const team = stringOption(values, 'team');
  checkTeam(org, team);
  const atText = stringOption(values, 'at');
  const at = atText === undefined ? now : parseInstantOption('at', atText, org.timezone, parseIsoInstant);
  const rows = whoIsOnCall(org, at, team);
  if (format === 'json') {
    io.out(
      JSON.stringify(
        rows.map((r) => ({
          team: r.team,
          rotation: r.rotation,
          person: r.person,
          start: r.shift ? isoInZone(r.shift.start, r.timezone) : null,
          end: r.shift ? isoInZone(r.shift.end, r.timezone) : null,
        })),
        null,
        2,
      ),
    );
    return EXIT_OK;
  }
  const width = Math.max(...rows.map((r) => `${r.team}/${r.rotation}`.length), 8);
  io.out(`On call at ${formatLocal(at, org.timezone)} ${org.timezone}:`);
  for (const r of rows) {
    const name = `${r.team}/${r.rotation}`.padEnd(width);
    if (!r.shift || r.person === null) io.out(`  ${name}  nobody (outside its coverage)`);
    else {
      const who = org.people.get(r.person)?.name ?? r.person;
      const note = r.shift.source === 'override' ? `  override${r.shift.reason ? `: ${r.shift.reason}` : ''}` : r.shift.source === 'swap' ? `  swap with ${r.shift.swappedWith}` : '';
      io.out(`  ${name}  ${r.person.padEnd(8)} ${who.padEnd(16)} ${formatLocalRange(r.shift.start, r.shift.end, r.timezone)}${note}`);
    }
  }
  return EXIT_OK;
}
