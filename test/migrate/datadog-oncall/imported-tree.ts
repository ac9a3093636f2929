/**
 * The imported YAML documents as a source tree, written with the `yaml` package (the product's own writer is
 * elsewhere): the schema line, then the document; comments are not needed to load it.
 */
import { stringify } from 'yaml';
import type { ImportedTeams } from '../../../modules/migrate/account';
import type { SourceTree } from '../../../modules/spec/source';

export function importedTree(teams: ImportedTeams): SourceTree {
  const files = new Map<string, string>();
  const doc = (schema: string, value: unknown) => `# yaml-language-server: $schema=${schema}\n${stringify(value, { lineWidth: 0 })}`;
  files.set('org.yaml', doc('../schemas/org.schema.json', teams.org));
  for (const [id, team] of teams.squads) files.set(`${id}/team.yaml`, doc('../../schemas/team.schema.json', team));
  for (const [id, alerts] of teams.alerts) files.set(`${id}/alerts.yaml`, doc('../../schemas/alerts.schema.json', alerts));
  return { root: 'teams', files, oversized: new Map() };
}
