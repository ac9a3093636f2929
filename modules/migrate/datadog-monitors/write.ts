/** The imported alert files as YAML: schema line, a header, a comment above each alert; written whole. */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Document, isMap, isScalar } from 'yaml';
import type { AlertsFile } from '../../spec/spec-types.generated';
import { IMPORTED_ALERTS_FILE, type MonitorsImport } from './import';

const HEADER = [
  ' yaml-language-server: $schema=../../../schemas/alerts.schema.json',
  ' Imported from Datadog by `oncall import datadog-monitors`: a new import replaces this file.',
  ' Move an alert to another file of the squad to keep it out of the next import.',
].join('\n');

export function alertsYaml(squad: string, file: AlertsFile, comments: ReadonlyMap<string, string>): string {
  const doc = new Document(file);
  doc.commentBefore = HEADER;
  const map = doc.get('alerts');
  if (isMap(map)) {
    for (const pair of map.items) {
      if (!isScalar(pair.key)) continue;
      const text = comments.get(`${squad}/${IMPORTED_ALERTS_FILE}#/alerts/${String(pair.key.value)}`);
      if (text)
        pair.key.commentBefore = text
          .split('\n')
          .map((l) => ` ${l}`)
          .join('\n');
    }
  }
  return doc.toString({ lineWidth: 0 });
}

/** Writes `<teams>/<squad>/alerts/imported-datadog.yaml` of each squad; returns the paths written, under `<teams>`. */
export function writeImportedAlerts(teamsDir: string, result: MonitorsImport): string[] {
  const written: string[] = [];
  for (const [squad, file] of result.alerts) {
    const path = join(teamsDir, squad, IMPORTED_ALERTS_FILE);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(`${path}.tmp`, alertsYaml(squad, file, result.comments));
    renameSync(`${path}.tmp`, path);
    written.push(`${squad}/${IMPORTED_ALERTS_FILE}`);
  }
  return written;
}
