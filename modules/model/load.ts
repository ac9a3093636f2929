/**
 * Source tree → organisation + problems: the loading half of the pipeline (modules/pipeline.ts adds the schedule and backend checks every command runs).
 * `validate` and every other command run it through the pipeline, so validation and generation cannot disagree.
 */
import { sortProblems, uniqueProblems, type Problem } from '../core/problem';
import { loadSpecTree } from '../spec/load-tree';
import type { SourceTree } from '../spec/source';
import { Reporter } from './reporter';
import { resolveOrg } from './resolve-org';
import { resolveAllRotations, resolveSquad, type OrgIndex } from './resolve-squad';
import type { Alert, Organisation, Rotation, Service, Squad, Unavailability } from './types';

export interface LoadResult {
  /** Present when the organisation file could be read; may be partial when there are errors. */
  readonly organisation?: Organisation;
  readonly problems: readonly Problem[];
}

export function loadOrganisation(tree: SourceTree): LoadResult {
  const specs = loadSpecTree(tree);
  const r = new Reporter();
  r.problems.push(...specs.problems);
  if (specs.teams.length === 0) {
    r.problems.push({
      file: tree.root,
      line: 0,
      column: 0,
      severity: 'error',
      code: 'file/no-teams',
      message: 'no squads: add a folder per squad with a team.yaml (teams/<squad>/team.yaml)',
    });
  }
  if (!specs.org) return { problems: sortProblems(uniqueProblems(r.problems)) };

  const org = resolveOrg(r, specs.org);
  const index: OrgIndex = {
    rotationIdsBySquad: new Map(specs.teams.map((t) => [t.id, Object.keys(t.team?.spec.rotations ?? {})])),
    rotations: resolveAllRotations(r, specs.teams, org),
    alertIds: new Map(),
    serviceIds: new Map(),
    statusPageNames: new Map(),
    phoneNumbers: new Map(),
  };
  const squads = new Map<string, Squad>();
  const unavailability: Unavailability[] = [];
  for (const files of specs.teams) {
    const resolved = resolveSquad(r, files, org, tree, index);
    if (resolved.squad) squads.set(resolved.squad.id, resolved.squad);
    unavailability.push(...resolved.unavailability);
  }

  const rotations = new Map<string, Rotation>();
  const services = new Map<string, Service>();
  const alerts = new Map<string, Alert>();
  for (const team of squads.values()) {
    for (const rot of team.rotations.values()) rotations.set(rot.key, rot);
    for (const s of team.services.values()) services.set(s.id, s);
    for (const a of team.alerts.values()) alerts.set(a.id, a);
  }

  const organisation: Organisation = {
    name: org.name,
    timezone: org.defaults.timezone,
    people: org.people,
    squads,
    rotations,
    services,
    alerts,
    holidays: org.holidays,
    unavailability,
    businessHours: org.defaults.businessHours,
    readiness: org.readiness,
    fairness: { maxAboveMeanPercent: org.maxAboveMeanPercent },
    reports: org.reports,
    statusPage: org.statusPage,
    phoneSpeech: org.defaults.phone.speech,
    source: { file: specs.org.yaml.file, line: 1, column: 1 },
    tree,
  };
  return { organisation, problems: sortProblems(uniqueProblems(r.problems)) };
}
