import { yearProblem } from '../../core/clock';
import { instantOf, localDateMinute } from '../../core/local-time';
import { compensation, type CompensationRow } from '../../schedule/compensation';
import type { Organisation } from '../../model/types';
import { INTERVENTION_UNKNOWN, knowsIntervention } from '../../reports/backend-fields';
import { interventionHours } from '../../reports/intervention';
import type { ReadIncidents } from '../../reports/read-history';
import { oneOf, parseCommandArgs, stringOption } from '../args';
import { HISTORY_OPTIONS, HISTORY_USAGE, historySource } from '../history-options';
import { readHistoryOrSay, readIncidentsFromBackend } from '../incident-reader';
import type { Io } from '../io';
import { organisationOrProblems } from '../organisation-or-problems';
import { EXIT_OK, EXIT_PROBLEMS, UsageError } from '../usage-error';
import { incidentsUsage, reportIncidents } from './report-incidents';

export const reportUsage = `oncall report compensation --month YYYY-MM [--format text|csv|json] [--teams DIR]
    ${HISTORY_USAGE}

Per person, for the month: on-call days, weekend days and public-holiday days, and the hours behind them.
A calendar day counts for the person on call longest that day in a rotation (a weekly turn is 7 days).
With a history (--stack or --from-dir), also the intervention hours of the month (\`reports.intervention\`
in org.yaml says how they are counted: from the acknowledgement, by default, to the resolution).

${incidentsUsage}`;

type Row = CompensationRow & { readonly interventionHours?: number | 'unknown' };

const COLUMNS: Array<[keyof Row, string]> = [
  ['days', 'days'],
  ['weekendDays', 'weekend days'],
  ['holidayDays', 'holiday days'],
  ['hours', 'hours'],
  ['weekendHours', 'weekend hours'],
  ['holidayHours', 'holiday hours'],
];

function format(kind: 'text' | 'csv' | 'json', rows: Row[], org: Organisation, month: string, withIntervention: boolean): string {
  const columns: Array<[keyof Row, string]> = withIntervention ? [...COLUMNS, ['interventionHours', 'intervention hours']] : COLUMNS;
  if (kind === 'json') return JSON.stringify({ month, people: rows }, null, 2);
  if (kind === 'csv') {
    return [
      ['person', ...columns.map(([k]) => k)].join(','),
      ...rows.map((r) => [r.person, ...columns.map(([k]) => String(r[k] ?? 0))].join(',')),
    ].join('\n');
  }
  if (rows.length === 0) return `Compensation for ${month}: nobody was on call.`;
  const header = ['person', ...columns.map(([, label]) => label)];
  const body = rows.map((r) => [`${r.person} (${org.people.get(r.person)?.name ?? r.person})`, ...columns.map(([k]) => String(r[k] ?? 0))]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => (b[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  return [`Compensation for ${month} (${org.name})`, line(header), ...body.map(line)].join('\n');
}

/** Adds each person's intervention hours (0 for those on call who had none; a row for those who were not on call). */
function withInterventions(rows: readonly CompensationRow[], hours: ReadonlyMap<string, number>): Row[] {
  const out: Row[] = rows.map((r) => ({ ...r, interventionHours: hours.get(r.person) ?? 0 }));
  for (const [person, h] of hours)
    if (!rows.some((r) => r.person === person))
      out.push({ person, days: 0, weekendDays: 0, holidayDays: 0, hours: 0, weekendHours: 0, holidayHours: 0, interventionHours: h });
  return out.sort((a, b) => (a.person < b.person ? -1 : 1));
}

async function reportCompensation(argv: string[], io: Io, read: ReadIncidents): Promise<number> {
  const { values } = parseCommandArgs(argv, {
    month: { type: 'string' },
    format: { type: 'string' },
    teams: { type: 'string', default: 'teams' },
    ...HISTORY_OPTIONS,
  });
  const month = stringOption(values, 'month');
  if (month === undefined || !/^[0-9]{4}-(0[1-9]|1[0-2])$/.test(month))
    throw new UsageError(`--month must be a month such as 2026-12 (got \`${month ?? ''}\`)`);
  const year = yearProblem(`${month}-01`);
  if (year !== undefined) throw new UsageError(`--month ${month}: ${year}`);
  const kind = oneOf('format', stringOption(values, 'format'), ['text', 'csv', 'json'] as const, 'text');
  const dir = stringOption(values, 'teams') ?? 'teams';
  const org = organisationOrProblems(dir, io, io.now().getTime());
  if (!org) return EXIT_PROBLEMS;
  const rows = compensation(org, month);
  const history = historySource(values, dir, io);
  if (!history) {
    io.out(format(kind, rows, org, month, false));
    return EXIT_OK;
  }
  if (!knowsIntervention(history.backend)) {
    // Zero would read as "nobody intervened": the column says the backend cannot tell.
    io.err(`oncall report compensation: intervention hours unknown on ${history.backend}: ${INTERVENTION_UNKNOWN}`);
    io.out(
      format(
        kind,
        rows.map((r) => ({ ...r, interventionHours: 'unknown' as const })),
        org,
        month,
        true,
      ),
    );
    return EXIT_OK;
  }
  // The month in the organisation's zone; pages opened up to a month before may still be worked on in it.
  const [y, m] = month.split('-').map(Number) as [number, number];
  const from = instantOf(org.timezone, localDateMinute(`${month}-01`));
  const to = instantOf(org.timezone, localDateMinute(new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 10)));
  const before = instantOf(org.timezone, localDateMinute(new Date(Date.UTC(y, m - 2, 1)).toISOString().slice(0, 10)));
  const records = await readHistoryOrSay(read, history, before, to, io, 'report compensation');
  if (!records) return EXIT_PROBLEMS;
  const hours = interventionHours(org.people.values(), records, org.reports.intervention, from, to);
  io.out(format(kind, withInterventions(rows, hours), org, month, true));
  return EXIT_OK;
}

export function reportCommandWith(read: ReadIncidents) {
  return async function reportCommand(argv: string[], io: Io): Promise<number> {
    const [which, ...rest] = argv;
    if (which === 'compensation') return reportCompensation(rest, io, read);
    if (which === 'incidents') return reportIncidents(rest, io, read);
    throw new UsageError('the report to produce must be `compensation` or `incidents`');
  };
}

export const reportCommand = reportCommandWith(readIncidentsFromBackend);
