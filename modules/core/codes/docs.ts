/**
 * The documentation of every code, generated from the registry: docs/problems.md (one table row per code,
 * with an anchor of its own) and, for each readiness check, docs/checks/<check>.md and their index.
 */
import { CODE_GROUPS, codeAnchor, READINESS_CHECK_CODES_SEVERITIES, type CheckDoc, type CodeDoc } from './index';
import { READINESS_CHECK_CODES } from './readiness';

const GENERATED = '<!-- Generated from modules/core/codes/ by `npm run schemas`: edit the registry, not this file. -->';

/** Relative path under docs/ → text, for every generated page. */
export function renderCodeDocs(): Map<string, string> {
  const pages = new Map<string, string>([
    ['problems.md', renderProblemsPage()],
    ['checks/README.md', renderChecksIndex()],
  ]);
  for (const [name, doc] of Object.entries(READINESS_CHECK_CODES.codes) as Array<[string, CheckDoc]>)
    pages.set(`checks/${name}.md`, renderCheckPage(name, doc));
  return pages;
}

function renderProblemsPage(): string {
  const out = [
    '# Problems',
    '',
    GENERATED,
    '',
    'Everything `oncall validate` and `oncall readiness` can report. Each problem has a file, a line and column (0 when',
    'it concerns a whole file or directory), a severity and one of these stable codes. Errors make the command exit 1;',
    'warnings are printed but do not fail.',
  ];
  for (const group of CODE_GROUPS) {
    const checks = group === READINESS_CHECK_CODES;
    out.push('', `## ${group.title}`, '');
    if (group.intro !== undefined) out.push(group.intro, '');
    if (checks)
      out.push('Each check has a page of its own; the severity is its default, which `readiness.checks` in org.yaml can change.', '');
    out.push(`| code | ${checks ? 'default severity' : 'severity'} | meaning |`, '| --- | --- | --- |');
    for (const [code, doc] of Object.entries(group.codes) as Array<[string, CodeDoc]>) {
      const name = checks ? `[\`${code}\`](checks/${code}.md)` : `\`${code}\``;
      out.push(`| <a id="${codeAnchor(code)}"></a>${name} | ${severityText(doc)} | ${doc.summary} |`);
    }
  }
  return `${out.join('\n')}\n`;
}

function severityText(doc: CodeDoc): string {
  return doc.severityNote === undefined ? doc.severity : `${doc.severity} (${doc.severityNote})`;
}

function renderChecksIndex(): string {
  const out = ['# Readiness checks', '', GENERATED, ''];
  if (READINESS_CHECK_CODES.intro !== undefined) out.push(READINESS_CHECK_CODES.intro, '');
  for (const [name, doc] of Object.entries(READINESS_CHECK_CODES.codes) as Array<[string, CheckDoc]>)
    out.push(`- [\`${name}\`](${name}.md): ${doc.summary}`);
  return `${out.join('\n')}\n`;
}

function renderCheckPage(name: string, doc: CheckDoc): string {
  const severity = READINESS_CHECK_CODES_SEVERITIES[name as keyof typeof READINESS_CHECK_CODES_SEVERITIES];
  return `# \`${name}\`

${GENERATED}

${doc.summary}

Default severity: **${severity}** (set \`readiness.checks.${name}: ${severity === 'error' ? 'warning' : 'error'}\` or \`off\` in org.yaml to change it).

## Why
${doc.why}

## How to fix
${doc.fix}

## Silencing one alert
A finding can be accepted on one alert until a date, with a reason:

\`\`\`yaml
    silence:
      - check: ${name}
        reason: the runbook is being written with the vendor
        until: 2026-12-31
\`\`\`

After that date the finding comes back, saying the silence expired.
`;
}
