/**
 * The imported YAML as files, written with the `yaml` package: the schema line, then the documents with their
 * comments above the keys they name. (The product's writer lives with `oncall import`; the tests only need files
 * that load.)
 */
import { Document, isMap, isNode } from 'yaml';
import type { ImportedTeams } from '../../../modules/migrate/account';
import type { SourceTree } from '../../../modules/spec/source';

function documentText(value: unknown, schema: string, comments: ReadonlyMap<string, string>, file: string): string {
  const doc = new Document(value);
  for (const [key, text] of [...comments].sort(([a], [b]) => a.localeCompare(b))) {
    const [name, pointer = ''] = key.split('#');
    if (name !== file) continue;
    if (pointer === '') {
      doc.commentBefore = ` ${text}`;
      continue;
    }
    const path = pointer.split('/').slice(1);
    const parent = path.length === 1 ? doc.contents : doc.getIn(path.slice(0, -1), true);
    if (!isMap(parent)) continue;
    const pair = parent.items.find((p) => isNode(p.key) && (p.key as { value?: unknown }).value === path[path.length - 1]);
    if (pair && isNode(pair.key)) pair.key.commentBefore = ` ${text}`;
  }
  const header = `# yaml-language-server: $schema=${schema}\n`;
  return header + doc.toString({ lineWidth: 0 });
}

export function importedTree(teams: ImportedTeams): SourceTree {
  const files = new Map<string, string>();
  files.set('org.yaml', documentText(teams.org, '../schemas/org.schema.json', teams.comments, 'org.yaml'));
  for (const [squad, file] of [...teams.squads].sort(([a], [b]) => a.localeCompare(b)))
    files.set(`${squad}/team.yaml`, documentText(file, '../../schemas/team.schema.json', teams.comments, `${squad}/team.yaml`));
  for (const [squad, file] of teams.alerts)
    files.set(`${squad}/alerts.yaml`, documentText(file, '../../schemas/alerts.schema.json', teams.comments, `${squad}/alerts.yaml`));
  return { root: 'teams', files, oversized: new Map() };
}
