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

export const readinessUsage = `oncall readiness [--base GITREF] [--format text|json|github|markdown|sarif] [--teams DIR] [--max-warnings N]

Production readiness of the alerts: runbooks and their sections, routing that reaches someone, severities
that page, consistent thresholds, customer-facing services with a paging alert and a synthetic check. With
--base, only the alerts added or changed since that git ref (the pull request's). Exit 1 on any error-level
finding, or on more warning-level findings than N with --max-warnings. Checks are documented in docs/checks/.`;

export async function readinessCommand(argv: string[], io: Io): Promise<number> {
  const { values } = parseCommandArgs(argv, {
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
  const findings = readiness(org, { ...scope, today });
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
