import { hasErrors } from '../core/problem';
import type { Organisation } from '../model/types';
import { formatProblems } from './format/problems';
import type { Io } from './io';
import { loadTeamsDir } from './load-teams';
import { sourceTexts as sourcesOf } from '../spec/source';
import { UsageError } from './usage-error';
import { parseIsoInstantWithNote } from './time-options';

/**
 * The organisation for commands that read it (who, roster, calendar…): when the YAML has errors they
 * are printed on stderr as `validate` would, and the command stops with exit 1.
 */
export function organisationOrProblems(dir: string, io: Io, now: number): Organisation | undefined {
  const result = loadTeamsDir(dir, now, undefined, io);
  if (hasErrors(result.problems) || !result.organisation) {
    io.err(
      `${formatProblems(
        'text',
        result.problems.filter((p) => p.severity === 'error'),
        sourcesOf(result.tree),
      )}\n\nThe organisation in ${dir} is not valid; run \`oncall validate --teams ${dir}\`.`,
    );
    return undefined;
  }
  return result.organisation;
}

export function checkSquad(org: Organisation, team: string | undefined): void {
  if (team !== undefined && !org.squads.has(team)) {
    throw new UsageError(`unknown squad \`${team}\`; squads: ${[...org.squads.keys()].join(', ')}`);
  }
}

/**
 * Parses an ISO 8601 instant option; a date or date-time without offset is read in `zone`. A local time
 * skipped by a daylight-saving change is read as the moment the clocks jump, and `warn` is told so.
 */
export function parseInstantOption(name: string, text: string, zone: string, warn?: (message: string) => void): number {
  const parsed = parseIsoInstantWithNote(text, zone);
  if (parsed === undefined)
    throw new UsageError(`--${name} must be an ISO 8601 date or date-time such as 2026-03-30T09:30+02:00 (got \`${text}\`)`);
  if (parsed.note !== undefined) warn?.(`--${name}: ${parsed.note}`);
  return parsed.instant;
}
