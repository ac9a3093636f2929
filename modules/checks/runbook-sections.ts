/** The text of a markdown runbook's sections, by normalised heading. */
import { headings, normalise } from './alert/runbook-sections';

export function runbookSections(markdown: string): Map<string, string> {
  const lines = markdown.split(/\r?\n/);
  const hs = headings(markdown);
  const out = new Map<string, string>();
  hs.forEach((h, i) => {
    const end = (hs[i + 1]?.line ?? lines.length + 1) - 1;
    out.set(h.text, lines.slice(h.line, end).join('\n').trim());
  });
  return out;
}

export function section(markdown: string, name: string): string | undefined {
  return runbookSections(markdown).get(normalise(name));
}
