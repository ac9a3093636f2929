import { instantOf, localDateMinute, localMinute } from '../../core/local-time';
import { roster } from '../../schedule/roster';
import { oneOf, parseCommandArgs, stringOption } from '../args';
import { formatLoad, formatRoster, ROSTER_FORMATS } from '../format/roster';
import { squadLoad } from '../../schedule/load';
import type { Io } from '../io';
import { checkSquad, organisationOrProblems } from '../organisation-or-problems';
import { parseCount } from '../time-options';
import { EXIT_OK, EXIT_PROBLEMS, UsageError } from '../usage-error';
import { parseIsoDate, yearProblem } from '../../core/clock';
import type { Organisation } from '../../model/types';
import { estimateShifts, MAX_SHIFTS } from '../../schedule/shift-budget';

export const rosterUsage = `oncall roster [--team ID] [--from DATE] [--weeks N] [--format text|markdown|csv|json] [--teams DIR]

The planning: one row per shift from DATE (default today) for N weeks (default 8), with overrides,
swaps, public holidays and absences noted; text and markdown end with each person's load (shifts and
hours on call inside the window). json: [{"team","rotation","person","start","end","note"}].`;

/** Local midnight of `--from` (default today) in the organisation's zone, and the end N weeks later. */
export function windowOption(
  values: Record<string, unknown>,
  zone: string,
  now: number,
  defaultWeeks: number,
): { from: number; to: number; weeks: number } {
  const fromText = typeof values.from === 'string' ? values.from : undefined;
  if (fromText !== undefined && !parseIsoDate(fromText))
    throw new UsageError(
      `--from must be a date such as 2026-12-21 (got \`${fromText}\`)${yearProblem(fromText) ? `: ${yearProblem(fromText)}` : ''}`,
    );
  const weeks = parseCount(typeof values.weeks === 'string' ? values.weeks : undefined, defaultWeeks);
  if (weeks === undefined) throw new UsageError(`--weeks must be a whole number from 1 to 9999 (got \`${String(values.weeks)}\`)`);
  const fromLocal = fromText !== undefined ? localDateMinute(fromText) : Math.floor(localMinute(zone, now) / 1440) * 1440;
  const from = instantOf(zone, fromLocal);
  return { from, to: instantOf(zone, fromLocal + weeks * 7 * 1440), weeks };
}

/** Refuses a window with more shifts than can be computed quickly, saying how many weeks fit. */
export function checkShiftBudget(org: Organisation, window: { from: number; to: number; weeks: number }, team?: string): void {
  const estimate = estimateShifts(org, window.from, window.to, team);
  if (estimate.total <= MAX_SHIFTS) return;
  const fits = Math.max(1, Math.floor((window.weeks * MAX_SHIFTS) / estimate.total));
  throw new UsageError(
    `--weeks ${window.weeks} covers about ${estimate.total.toLocaleString('en')} shifts (most in ${estimate.largest ?? 'one rotation'}); the limit is ${MAX_SHIFTS.toLocaleString('en')}: ask for at most ${fits} weeks${team === undefined ? ', or one squad with --team' : ''}`,
  );
}

export async function rosterCommand(argv: string[], io: Io): Promise<number> {
  const { values } = parseCommandArgs(argv, {
    team: { type: 'string' },
    from: { type: 'string' },
    weeks: { type: 'string' },
    format: { type: 'string' },
    teams: { type: 'string', default: 'teams' },
  });
  const format = oneOf('format', stringOption(values, 'format'), ROSTER_FORMATS, 'text');
  const now = io.now().getTime();
  const org = organisationOrProblems(stringOption(values, 'teams') ?? 'teams', io, now);
  if (!org) return EXIT_PROBLEMS;
  const team = stringOption(values, 'team');
  checkSquad(org, team);
  const window = windowOption(values, org.timezone, now, 8);
  checkShiftBudget(org, window, team);
  const { from, to } = window;
  const rows = roster(org, from, to, team);
  let text = formatRoster(format, rows, org);
  if (format === 'text' || format === 'markdown') {
    // A pool's load is shown once, under its squad; `--team` shows a squad's with the pool rotations it routes to.
    const teams = [...org.squads.values()].filter((t) => (team === undefined ? t.rotations.size > 0 : t.id === team)).map((t) => t.id);
    text += `\n\n${formatLoad(
      format,
      org,
      teams.map((t) => ({ team: t, people: squadLoad(org, t, from, to) })),
    )}`;
  }
  io.out(text);
  return EXIT_OK;
}
