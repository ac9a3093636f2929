import { yearProblem } from '../../core/clock';
import { compensation, type CompensationRow } from '../../schedule/compensation';
import type { Organisation } from '../../model/types';
import { oneOf, parseCommandArgs, stringOption } from '../args';
import type { Io } from '../io';
import { organisationOrProblems } from '../organisation-or-problems';
import { EXIT_OK, EXIT_PROBLEMS, UsageError } from '../usage-error';

export const reportUsage = `oncall report compensation --month YYYY-MM [--format text|csv|json] [--teams DIR]

Per person, for the month: on-call days, weekend days and public-holiday days, and the hours behind them.
A calendar day counts for the person on call longest that day in a rotation (a weekly turn is 7 days).`;

const COLUMNS: Array<[keyof CompensationRow, string]> = [
  ['days', 'days'],
  ['weekendDays', 'weekend days'],
  ['holidayDays', 'holiday days'],
  ['hours', 'hours'],
  ['weekendHours', 'weekend hours'],
  ['holidayHours', 'holiday hours'],
];

function format(kind: 'text' | 'csv' | 'json', rows: CompensationRow[], org: Organisation, month: string): string {
  if (kind === 'json') return JSON.stringify({ month, people: rows }, null, 2);
  if (kind === 'csv') {
    return [
      ['person', ...COLUMNS.map(([k]) => k)].join(','),
      ...rows.map((r) => [r.person, ...COLUMNS.map(([k]) => String(r[k]))].join(',')),
    ].join('\n');
  }
  if (rows.length === 0) return `Compensation for ${month}: nobody was on call.`;
  const header = ['person', ...COLUMNS.map(([, label]) => label)];
  const body = rows.map((r) => [`${r.person} (${org.people.get(r.person)?.name ?? r.person})`, ...COLUMNS.map(([k]) => String(r[k]))]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => (b[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  return [`Compensation for ${month} (${org.name})`, line(header), ...body.map(line)].join('\n');
}

export async function reportCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    argv,
    { month: { type: 'string' }, format: { type: 'string' }, teams: { type: 'string', default: 'teams' } },
    true,
  );
  if (positionals.length !== 1 || positionals[0] !== 'compensation') throw new UsageError('the report to produce must be `compensation`');
  const month = stringOption(values, 'month');
  if (month === undefined || !/^[0-9]{4}-(0[1-9]|1[0-2])$/.test(month))
    throw new UsageError(`--month must be a month such as 2026-12 (got \`${month ?? ''}\`)`);
  const year = yearProblem(`${month}-01`);
  if (year !== undefined) throw new UsageError(`--month ${month}: ${year}`);
  const kind = oneOf('format', stringOption(values, 'format'), ['text', 'csv', 'json'] as const, 'text');
  const org = organisationOrProblems(stringOption(values, 'teams') ?? 'teams', io, io.now().getTime());
  if (!org) return EXIT_PROBLEMS;
  io.out(format(kind, compensation(org, month), org, month));
  return EXIT_OK;
}
