/** The import report: what was imported, and each finding with its source object and why. */
import type { ImportFinding } from '../account';
import type { MonitorsImport } from './import';

function objectOf(f: ImportFinding): string {
  return `${f.source.type} ${f.source.id}${f.source.name ? ` "${f.source.name}"` : ''}`;
}

export function findingsText(findings: readonly ImportFinding[]): string {
  const lines: string[] = [];
  let last = '';
  for (const f of findings) {
    const object = objectOf(f);
    if (object !== last) lines.push(object);
    last = object;
    lines.push(`  ${f.kind}: ${f.what}: ${f.why}`);
  }
  return lines.join('\n');
}

export function importSummary(result: MonitorsImport, written: readonly string[]): string {
  const { monitors, tests, imported, alreadyInYaml } = result.counts;
  const dropped = new Set(result.findings.filter((f) => f.kind === 'dropped' && f.what.startsWith('the whole')).map((f) => objectOf(f)))
    .size;
  const approximated = new Set(result.findings.filter((f) => f.kind === 'approximated').map((f) => objectOf(f))).size;
  const lines = [
    `Read ${monitors} monitors and ${tests} synthetic tests: ${imported} imported as alerts, ${alreadyInYaml} already in the YAML, ${dropped} not imported.`,
    ...(approximated > 0 ? [`${approximated} imported alerts do not say everything their Datadog object does (see below).`] : []),
    ...written.map((w) => `wrote ${w}`),
  ];
  if (result.findings.length > 0) lines.push('', 'Findings:', findingsText(result.findings));
  return lines.join('\n');
}
