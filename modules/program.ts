/**
 * The Pulumi program (Pulumi.yaml `main`). It reads teams/ with the same loader as `oncall validate`
 * and refuses to run on an invalid organisation, so a preview never starts from bad YAML.
 * The components that register schedules, escalations, monitors and phone lines build on this.
 */
import { join } from 'node:path';
import { hasErrors } from './core/problem';
import { loadOrganisation } from './model/load';
import { readTeamsDir } from './spec/read-dir';
import { formatProblemsText } from './cli/format/problems-text';
import { sourcesOf } from './cli/sources';

const teamsDir = process.env.ONCALL_TEAMS_DIR ?? join(__dirname, '..', '..', 'teams');
const tree = readTeamsDir(teamsDir);
const { organisation, problems } = loadOrganisation(tree);
if (hasErrors(problems) || !organisation) {
  throw new Error(`the organisation in ${teamsDir} is not valid:\n${formatProblemsText(problems, sourcesOf(tree))}`);
}

export const squads = [...organisation.teams.keys()];
export const rotations = [...organisation.rotations.keys()];
