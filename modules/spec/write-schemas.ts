/**
 * Writes schemas/<kind>.schema.json from the schema sources, docs/yaml-reference.md, and the README's backend
 * table from the capability matrix (`npm run schemas`).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { schemas } from './schema';
import { renderSchemaReference } from './schema-reference';
import { withCapabilityTable } from '../render/readme-capabilities';

export function renderSchemaFile(kind: keyof typeof schemas): string {
  return `${JSON.stringify(schemas[kind], null, 2)}\n`;
}

if (require.main === module) {
  const dir = join(__dirname, '..', '..', '..', 'schemas');
  for (const kind of Object.keys(schemas) as Array<keyof typeof schemas>) {
    writeFileSync(join(dir, `${kind}.schema.json`), renderSchemaFile(kind));
    process.stdout.write(`wrote schemas/${kind}.schema.json\n`);
  }
  writeFileSync(join(dir, '..', 'docs', 'yaml-reference.md'), renderSchemaReference());
  process.stdout.write('wrote docs/yaml-reference.md\n');
  const readme = join(dir, '..', 'README.md');
  writeFileSync(readme, withCapabilityTable(readFileSync(readme, 'utf8')));
  process.stdout.write('wrote the backend table of README.md\n');
}
