import { hinted } from '../../core/suggest';
import { displayPath } from '../../spec/source';
import { alertFinding, type Finding, type ReadinessCheck } from '../check';

/** Markdown headings, normalised: `## Expected time:` → `expected time`. */
export function headings(markdown: string): Array<{ text: string; line: number }> {
  const out: Array<{ text: string; line: number }> = [];
  let fenced = false;
  markdown.split(/\r?\n/).forEach((raw, i) => {
    if (/^\s*(```|~~~)/.test(raw)) fenced = !fenced;
    const m = !fenced && /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(raw);
    if (m) out.push({ text: normalise(m[1] ?? ''), line: i + 1 });
  });
  return out;
}

export function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\s:.\-–—]+$/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A runbook kept in the repository has the sections the organisation requires. */
export const runbookSectionsCheck: ReadinessCheck = {
  name: 'alert/runbook-sections',
  run: ({ org, alerts }) => {
    const findings: Finding[] = [];
    for (const a of alerts) {
      if (a.runbook?.kind !== 'file') continue;
      const present = new Set(headings(a.runbook.text).map((h) => h.text));
      const missing = org.readiness.runbookSections.filter((s) => !present.has(normalise(s)));
      if (missing.length === 0) continue;
      const file = displayPath(org.tree, a.runbook.path);
      findings.push(
        alertFinding(
          'alert/runbook-sections',
          a,
          hinted(
            `runbook of \`${a.id}\` lacks the section${missing.length > 1 ? 's' : ''} ${missing.map((m) => `"${m}"`).join(', ')}`,
            `add a heading such as \`## ${missing[0]}\``,
          ),
          { file, line: 1, column: 1 },
        ),
      );
    }
    return findings;
  },
};
