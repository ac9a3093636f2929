import { readFileSync } from 'node:fs';
import { DateTime } from 'luxon';
import { audit, parseMonitorsExport, type ExportedMonitor } from '../../checks/audit';
import { oneOf, parseCommandArgs, stringOption } from '../args';
import { AUDIT_FORMATS, auditHtml, auditJson, auditMarkdown, auditText } from '../format/audit';
import { pathIn, type Io } from '../io';
import { organisationOrProblems } from '../organisation-or-problems';
import { EXIT_OK, EXIT_PROBLEMS } from '../usage-error';

export const auditUsage = `oncall audit [--format text|json|markdown|html] [--datadog-monitors FILE] [--teams DIR]

Per squad, over the next 8 weeks: services; alerts by severity; the share with a runbook and passing
readiness; services without a paging alert or synthetic check; promised hours covered; minutes for the
escalation to reach its last level against each policy's own response target; on-call load per person. With a Datadog
monitors export (the JSON of GET /api/v1/monitor), the monitors not managed as code and the managed share.
html: one self-contained page with a heat map of coverage and a chart of load.`;

export async function auditCommand(argv: string[], io: Io): Promise<number> {
  const { values } = parseCommandArgs(argv, {
    format: { type: 'string' },
    'datadog-monitors': { type: 'string' },
    teams: { type: 'string', default: 'teams' },
  });
  const format = oneOf('format', stringOption(values, 'format'), AUDIT_FORMATS, 'text');
  const now = io.now();
  const org = organisationOrProblems(stringOption(values, 'teams') ?? 'teams', io, now.getTime());
  if (!org) return EXIT_PROBLEMS;
  let monitors: ExportedMonitor[] | undefined;
  const file = stringOption(values, 'datadog-monitors');
  if (file !== undefined) {
    let parsed: ExportedMonitor[] | string;
    try {
      parsed = parseMonitorsExport(JSON.parse(readFileSync(pathIn(io, file), 'utf8')));
    } catch (err) {
      parsed =
        err instanceof SyntaxError ? `not JSON (${err.message})` : `cannot read it (${err instanceof Error ? err.message : String(err)})`;
    }
    if (typeof parsed === 'string') {
      io.err(`oncall audit: ${file}: ${parsed}`);
      return EXIT_PROBLEMS;
    }
    monitors = parsed;
  }
  const today = DateTime.fromJSDate(now, { zone: org.timezone }).toISODate() ?? '';
  const result = audit(org, now.getTime(), { monitors, today });
  io.out(
    format === 'json'
      ? auditJson(result)
      : format === 'markdown'
        ? auditMarkdown(result)
        : format === 'html'
          ? auditHtml(result, org.name)
          : auditText(result),
  );
  return EXIT_OK;
}
