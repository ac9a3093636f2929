import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { calendars } from '../../schedule/calendar';
import { readPublished, type Published } from '../../schedule/ics-sequence';
import { parseCommandArgs, stringOption } from '../args';
import { pathIn, type Io } from '../io';
import { organisationOrProblems } from '../organisation-or-problems';
import { EXIT_OK, EXIT_PROBLEMS, UsageError } from '../usage-error';
import { replaceDirectory } from '../write-files';
import { checkShiftBudget, windowOption } from './roster';

export const calendarUsage = `oncall calendar --out DIR [--previous DIR] [--from DATE] [--weeks N] [--teams DIR]

Writes iCalendar files to DIR: all.ics (everybody), team-<id>.ics per squad and person-<id>.ics per person,
one event per shift from DATE (default today) for N weeks (default 8). Event ids are stable, so publishing
the files again updates subscribed calendars instead of duplicating events; an event whose shift changed
gets a higher SEQUENCE than in the previous publication, read from --previous (default: DIR itself, before
it is replaced). DIR is replaced whole, all or nothing (a calendar no longer produced disappears); a
directory holding other files is refused.`;

export async function calendarCommand(argv: string[], io: Io): Promise<number> {
  const { values } = parseCommandArgs(argv, {
    out: { type: 'string' },
    previous: { type: 'string' },
    from: { type: 'string' },
    weeks: { type: 'string' },
    teams: { type: 'string', default: 'teams' },
  });
  const out = stringOption(values, 'out');
  if (out === undefined || out === '') throw new UsageError('--out DIR is required');
  const now = io.now();
  const org = organisationOrProblems(stringOption(values, 'teams') ?? 'teams', io, now.getTime());
  if (!org) return EXIT_PROBLEMS;
  const window = windowOption(values, org.timezone, now.getTime(), 8);
  checkShiftBudget(org, window);
  const { from, to, weeks } = window;
  const files = calendars(org, from, to, now, previousPublication(pathIn(io, stringOption(values, 'previous') ?? out)));
  try {
    replaceDirectory(pathIn(io, out), files, { command: 'oncall calendar', ownFiles: /\.ics$/ });
  } catch (err) {
    io.err(`oncall calendar: cannot write to ${out}: ${err instanceof Error ? err.message : String(err)}; nothing was written`);
    return EXIT_PROBLEMS;
  }
  const events = (files[0]?.contents.match(/^BEGIN:VEVENT/gm) ?? []).length;
  io.out(`wrote ${files.length} calendars to ${out} (${events} shifts over ${weeks} weeks): ${files.map((f) => f.name).join(', ')}`);
  return EXIT_OK;
}

/** The calendars of the last publication in `dir`, read when first asked for; none when absent. */
function previousPublication(dir: string): (file: string) => Published | undefined {
  const read = new Map<string, Published | undefined>();
  return (file) => {
    if (!read.has(file)) {
      let text: string | undefined;
      try {
        text = readFileSync(join(dir, file), 'utf8');
      } catch {
        text = undefined; // not published before (or not readable): its events count as new
      }
      read.set(file, text === undefined ? undefined : readPublished(text));
    }
    return read.get(file);
  };
}
