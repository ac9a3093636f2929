import type { ReadinessFinding } from '../../checks';
import { maskPhonesInText } from '../../core/mask-phones';
import { plural } from '../../core/problems-text';

export const FINDING_FORMATS = ['text', 'json', 'markdown', 'github'] as const;
export type FindingFormat = (typeof FINDING_FORMATS)[number];

function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function formatFindings(format: FindingFormat, found: readonly ReadinessFinding[], scope: string): string {
  const findings = found.map((f) => ({ ...f, message: maskPhonesInText(f.message) }));
  const errors = findings.filter((f) => f.severity === 'error').length;
  const summary = `${scope}: ${plural(errors, 'error')}, ${plural(findings.length - errors, 'warning')}`;
  switch (format) {
    case 'json':
      return JSON.stringify(
        { findings: findings.map((f) => ({ alert: f.alert ?? null, team: f.team, check: f.check, severity: f.severity, message: f.message, file: f.source.file, line: f.source.line })) },
        null,
        2,
      );
    case 'github':
      return findings
        .map((f) => `::${f.severity} file=${f.source.file.replace(/[:,]/g, (c) => (c === ':' ? '%3A' : '%2C'))},line=${f.source.line},col=${f.source.column},title=${f.check.replace(/:/g, '%3A')}::${escapeData(f.message)}`)
        .join('\n');
    case 'markdown': {
      if (findings.length === 0) return `### Production readiness\n\n${scope}: every check passes.`;
      return [
        '### Production readiness',
        '',
        summary,
        '',
        '| | alert | check | finding | where |',
        '| --- | --- | --- | --- | --- |',
        ...findings.map((f) => `| ${f.severity === 'error' ? '❌' : '⚠️'} | ${f.alert ? `\`${f.alert}\`` : `service \`${f.service ?? ''}\``} | [${f.check}](docs/checks/${f.check}.md) | ${f.message.replace(/\|/g, '\\|')} | ${f.source.file}:${f.source.line} |`),
      ].join('\n');
    }
    case 'text':
      return [...findings.map((f) => `${f.source.file}:${f.source.line}:${f.source.column} ${f.severity} ${f.check}: ${f.message}`), findings.length ? '' : null, summary].filter((l) => l !== null).join('\n');
  }
}
