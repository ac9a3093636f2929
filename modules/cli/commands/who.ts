import { whoIsOnCall } from '../../schedule/who';
import { oneOf, parseCommandArgs, stringOption } from '../args';
import type { Io } from '../io';
import { checkSquad, organisationOrProblems, parseInstantOption } from '../organisation-or-problems';
import { EXIT_OK, EXIT_PROBLEMS } from '../usage-error';
import { formatWhoJson, formatWhoText } from '../format/who';
import { whoForService } from './who-service';

export const whoUsage = `oncall who [--at ISO-8601] [--team ID | --service ID] [--format text|json] [--teams DIR]

Who is on call at an instant (default now), for each squad and rotation. A date-time without an offset
is read in the organisation's zone. json: [{"team","rotation","person","start","end"}], person null when
the rotation does not cover that instant. --service: whom an alert of that service pages then (nobody outside
its promise), json: {"service","team","inPromise","urgency","escalation","rotation","paged"}.`;

export async function whoCommand(argv: string[], io: Io): Promise<number> {
  const { values } = parseCommandArgs(argv, {
    at: { type: 'string' },
    team: { type: 'string' },
    service: { type: 'string' },
    format: { type: 'string' },
    teams: { type: 'string', default: 'teams' },
  });
  const format = oneOf('format', stringOption(values, 'format'), ['text', 'json'] as const, 'text');
  const now = io.now().getTime();
  const org = organisationOrProblems(stringOption(values, 'teams') ?? 'teams', io, now);
  if (!org) return EXIT_PROBLEMS;
  const team = stringOption(values, 'team');
  checkSquad(org, team);
  const atText = stringOption(values, 'at');
  const at = atText === undefined ? now : parseInstantOption('at', atText, org.timezone, (m) => io.err(m));
  const serviceId = stringOption(values, 'service');
  if (serviceId !== undefined) return whoForService(org, serviceId, at, format, io);
  const rows = whoIsOnCall(org, at, team);
  io.out(format === 'json' ? formatWhoJson(rows) : formatWhoText(org, rows, at));
  return EXIT_OK;
}
