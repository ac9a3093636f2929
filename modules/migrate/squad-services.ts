/**
 * Opsgenie and Datadog On-Call have no services of their own: alerts reach a team through its integrations and
 * routing rules, and services appear only where a routing rule reads a `service:` tag (a promise). PagerDuty
 * receives every alert through a service. An imported squad with no service would therefore page nobody once
 * provisioned on PagerDuty; the import names one service per such squad, after the team, and says so.
 */
import type { TeamFile } from '../spec/spec-types.generated';
import { names } from '../render/names';
import type { AccountAdapter, ImportFinding, ImportResult, ObservedState, SourceObject } from './account';

const BACKEND_WORDS = { opsgenie: 'Opsgenie', datadog: 'Datadog On-Call', pagerduty: 'PagerDuty' } as const;

export function addSquadServices(result: ImportResult, observed: ObservedState): ImportResult {
  const taken = new Set<string>();
  for (const team of result.teams.squads.values()) for (const id of Object.keys(team.services ?? {})) taken.add(id);
  const planned = new Map(result.links.map((l) => [l.planned, l.observed]));
  const byName = new Map(observed.resources.map((r) => [r.name, r]));
  const word = BACKEND_WORDS[observed.backend];
  const squads = new Map<string, TeamFile>();
  const findings: ImportFinding[] = [...result.findings];
  const comments = new Map(result.teams.comments);
  for (const [squad, team] of result.teams.squads) {
    const live = Object.values(team.services ?? {}).some((s) => s.retired !== true);
    const pages = Object.keys(team.rotations ?? {}).length > 0 || (team.routing?.length ?? 0) > 0;
    if (live || !pages) {
      squads.set(squad, team);
      continue;
    }
    let id = squad;
    for (let n = 2; taken.has(id); n++) id = n === 2 ? `${squad}-alerts` : `${squad}-alerts-${n}`;
    taken.add(id);
    squads.set(squad, { ...team, services: { ...(team.services ?? {}), [id]: { name: team.name } } });
    const teamResource = byName.get(planned.get(names.team(squad)) ?? '');
    const source: SourceObject = teamResource?.from ?? { backend: observed.backend, type: 'team', id: squad, name: team.name };
    findings.push({
      source,
      what: 'a service for the team’s alerts',
      why: `${word} has no services: alerts reach the team through its integrations and routing rules. The import names one service after the team, \`${id}\`, so that a backend receiving alerts by service (PagerDuty) pages the squad; rename it, or split it into the services the alerts are about`,
      kind: 'approximated',
    });
    comments.set(
      `${squad}/team.yaml#/services/${id}`,
      `Not in ${word}, which has no services: the squad's alerts, for backends that receive alerts by service.`,
    );
  }
  return { ...result, teams: { ...result.teams, squads, comments }, findings };
}

/** The adapter, with a service named for each imported squad that has none. */
export function withSquadServices(adapter: AccountAdapter): AccountAdapter {
  return { ...adapter, importTeams: (observed, options) => addSquadServices(adapter.importTeams(observed, options), observed) };
}
