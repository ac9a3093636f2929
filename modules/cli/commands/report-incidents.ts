/** `oncall report incidents`: response times, target compliance, escalations and load, from the backend's history. */
import { incidentsReport } from '../../reports/incident-figures';
import type { ReadIncidents } from '../../reports/read-history';
import { oneOf, parseCommandArgs, stringOption } from '../args';
import { incidentsCsv, incidentsJson, incidentsMarkdown, incidentsText, INCIDENT_FORMATS } from '../format/incidents';
import { incidentsHtml } from '../format/incidents-html';
import { readHistoryOrSay } from '../incident-reader';
import { HISTORY_OPTIONS, HISTORY_USAGE, historySource } from '../history-options';
import { pathIn, type Io } from '../io';
import { organisationOrProblems, parseInstantOption } from '../organisation-or-problems';
import { EXIT_OK, EXIT_PROBLEMS, UsageError } from '../usage-error';
import { writeWhole } from '../write-output';

export const incidentsUsage = `oncall report incidents --since DATE --until DATE ${HISTORY_USAGE}
    [--format text|json|csv|markdown|html] [--output FILE] [--teams DIR]

Pages created in [since, until) (dates read in the organisation's zone), read from the stack's backend with a
read-only key or from a directory of JSON exports: per squad, service (contract), alert and severity, the count,
times to acknowledge and resolve (median, p80, p95), the share acknowledged within the response target and the
escalation level that answered; per person, pages, pages out of business hours and intervention hours.
--api-url URL sends the stack's requests to another address (a proxy, a local server). Figures a backend cannot
give say \`unknown\` (Datadog On-Call: the level that answered, the figures per person). Definitions: docs/reports.md.`;

export async function reportIncidents(argv: string[], io: Io, read: ReadIncidents): Promise<number> {
  const { values } = parseCommandArgs(argv, {
    since: { type: 'string' },
    until: { type: 'string' },
    format: { type: 'string' },
    output: { type: 'string' },
    teams: { type: 'string', default: 'teams' },
    ...HISTORY_OPTIONS,
  });
  const kind = oneOf('format', stringOption(values, 'format'), INCIDENT_FORMATS, 'text');
  const sinceText = stringOption(values, 'since');
  const untilText = stringOption(values, 'until');
  if (sinceText === undefined || untilText === undefined) throw new UsageError('give the period with --since DATE and --until DATE');
  const dir = stringOption(values, 'teams') ?? 'teams';
  const org = organisationOrProblems(dir, io, io.now().getTime());
  if (!org) return EXIT_PROBLEMS;
  const warn = (m: string) => io.err(`oncall report incidents: ${m}`);
  const since = parseInstantOption('since', sinceText, org.timezone, warn);
  const until = parseInstantOption('until', untilText, org.timezone, warn);
  if (until <= since) throw new UsageError(`--until (${untilText}) must come after --since (${sinceText})`);
  const history = historySource(values, dir, io);
  if (!history) throw new UsageError('name the history to read: --stack NAME, or --from-dir DIR --backend pagerduty|opsgenie|datadog');
  const records = await readHistoryOrSay(read, history, since, until, io, 'report incidents');
  if (!records) return EXIT_PROBLEMS;
  const report = incidentsReport(org, history.backend, records, since, until);
  const text =
    kind === 'json'
      ? incidentsJson(report)
      : kind === 'csv'
        ? incidentsCsv(report)
        : kind === 'markdown'
          ? incidentsMarkdown(report)
          : kind === 'html'
            ? incidentsHtml(report)
            : incidentsText(report);
  const output = stringOption(values, 'output');
  if (output !== undefined) writeWhole(pathIn(io, output), text);
  else io.out(text);
  if (report.unmapped.length > 0)
    warn(`${report.unmapped.length} page(s) not mapped to a squad and service of the organisation (listed in the report)`);
  return EXIT_OK;
}
