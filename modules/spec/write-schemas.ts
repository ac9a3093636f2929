/** The text of schemas/<kind>.schema.json, from the schema sources (written by `npm run schemas`). */
import { schemas } from './schema';

export function renderSchemaFile(kind: keyof typeof schemas): string {
  return `${JSON.stringify(schemas[kind], null, 2)}\n`;
}
