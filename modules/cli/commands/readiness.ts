import { hasErrors } from '../../core/problem';
import { readiness } from '../../checks';
import { loadOrganisation } from '../../model/load';
import { oneOf, parseCommandArgs, stringOption } from '../args';
import { sarifDocsBase } from '../docs-base';
import { formatProblems, PROBLEM_FORMATS } from '../format/problems';
import { pathIn, type Io } from '../io';
import { organisationOrProblems } from '../organisation-or-problems';
import { changedAlerts, changedServices } from '../changed-alerts';
import { readTreeAtRef } from '../git-tree';
import { EXIT_OK, EXIT_PROBLEMS } from '../usage-error';
import { failsOn, MAX_WARNINGS_OPTION, maxWarningsOption } from '../max-warnings';
import { DateTime } from 'luxon';
import { HISTORY_OPTIONS, HISTORY_USAGE, historySource } from '../history-options';
import { readHistoryOrSay, readIncidentsFromBackend } from '../incident-reader';
import type { ReadIncidents } from '../../reports/read-history';
import { pageHistory } from '../../reports/page-history';

export const readinessUsage = `oncall readiness [--base GITREF] [--format text|json|github|markdown|sarif] [--teams DIR] [--max-warnings N]
    ${HISTORY_USAGE}

Production readiness of the alerts: runbooks and their sections, routing that reaches someone, severities
that page, consistent thresholds, customer-facing services with a paging alert and a synthetic check. With
--base, only the alerts added or changed since that git ref (the pull request's). Exit 1 on any error-level
finding, or on more warning-level findings than N with --max-warnings. With a paging history (the stack's
backend, or a directory of JSON exports), also alerts that page too often (\`alert/noisy\`) and alerts never
acknowledged within their target (\`alert/late-acknowledgement\`), over the last \`reports.noisy.days\` days.
Checks are documented in docs/checks/.`;

export function readinessCommandWith(read: ReadIncidents) {
  return (argv: string[], io: Io): Promise<number> => readinessRun(argv, io, read);
}

export const readinessCommand = readinessCommandWith(readIncidentsFromBackend);

async function readinessRun(argv: string[], io: Io, read: ReadIncidents): Promise<number> {
  const { values } = parseCommandArgs(argv, {
    ...HISTORY_OPTIONS,
    base: { type: 'string' },
    format: { type: 'string' },
    teams: { type: 'string', default: 'teams' },
    ...MAX_WARNINGS_OPTION,
  });
  const maxWarnings = maxWarningsOption(values);
  const format = oneOf('format', stringOption(values, 'format'), PROBLEM_FORMATS, 'text');
  const dir = stringOption(values, 'teams') ?? 'teams';
  const now = io.now();
  const org = organisationOrProblems(dir, io, now.getTime());
  if (!org) return EXIT_PROBLEMS;
  const base = stringOption(values, 'base');
  let scope: { alerts?: Set<string>; services?: Set<string> } = {};
  let label = `${org.alerts.size} alerts`;
  if (base !== undefined) {
    const before = loadOrganisation(readTreeAtRef(pathIn(io, dir), base, org.tree.root));
    const baseOrg = hasErrors(before.problems) ? undefined : before.organisation;
    const alerts = changedAlerts(baseOrg, org);
    scope = { alerts, services: changedServices(baseOrg, org, alerts) };
    label = `${alerts.size} alert${alerts.size === 1 ? '' : 's'} added or changed since ${base}`;
  }
  const today = DateTime.fromJSDate(now, { zone: org.timezone }).toISODate() ?? '';
  const source = historySource(values, dir, io);
  let history;
  if (source) {
    const until = now.getTime();
    const since = DateTime.fromJSDate(now, { zone: org.timezone }).minus({ days: org.reports.noisy.days }).toMillis();
    const records = await readHistoryOrSay(read, source, since, until, io, 'readiness');
    if (!records) return EXIT_PROBLEMS;
    history = pageHistory(org, source.backend, records, since, until);
  }
  const findings = readiness(org, { ...scope, today, ...(history ? { history } : {}) });
  // Findings are shown without the source excerpt `validate` prints: the message names the alert or service.
  const text = formatProblems(format, findings, new Map(), {
    title: 'Production readiness',
    subject: label,
    clean: 'every check passes',
    docsBase: sarifDocsBase(format),
  });
  if (text !== '') io.out(text);
  const { failed, note } = failsOn(findings, maxWarnings);
  if (note !== undefined) io.err(`oncall readiness: ${note}`);
  return failed ? EXIT_PROBLEMS : EXIT_OK;
}
