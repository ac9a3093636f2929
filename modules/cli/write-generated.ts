/**
 * `npm run schemas`: writes what is generated from the sources — schemas/<kind>.schema.json, their
 * validators (modules/spec/validators.generated.ts), docs/yaml-reference.md, the README's backend table (from the
 * capability matrix), the documentation of the problem codes (docs/problems.md, docs/checks/, from the registry of
 * codes) and the spec types.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withCapabilityTable } from '../render/readme-capabilities';
import { writeCodeDocs } from './write-code-docs';
import { schemas } from '../spec/schema';
import { renderSchemaReference } from '../spec/schema-reference';
import { renderSchemaFile } from '../spec/write-schemas';
import { writeSpecTypes } from '../spec/generate-spec-types';
import { renderValidators } from '../spec/write-validators';

const root = join(__dirname, '..', '..', '..');
for (const kind of Object.keys(schemas) as Array<keyof typeof schemas>) {
  writeFileSync(join(root, 'schemas', `${kind}.schema.json`), renderSchemaFile(kind));
  process.stdout.write(`wrote schemas/${kind}.schema.json\n`);
}
writeFileSync(join(root, 'modules', 'spec', 'validators.generated.ts'), renderValidators());
process.stdout.write('wrote modules/spec/validators.generated.ts\n');
writeFileSync(join(root, 'docs', 'yaml-reference.md'), renderSchemaReference());
process.stdout.write('wrote docs/yaml-reference.md\n');
const readme = join(root, 'README.md');
writeFileSync(readme, withCapabilityTable(readFileSync(readme, 'utf8')));
process.stdout.write('wrote the backend table of README.md\n');
for (const line of writeCodeDocs(root)) process.stdout.write(`${line}\n`);
void writeSpecTypes(root).then((file) => process.stdout.write(`wrote ${file}\n`));
