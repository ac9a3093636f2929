import { maskPhonesInText } from './mask-phones';
import type { Problem } from './problem';

/**
 * `file:line:col severity code: message`, then the offending source line with a caret under the column.
 * `sources` maps each file as shown to its text. Phone numbers are masked in both, the line keeping its columns.
 * The summary counts errors and warnings; with a `subject` (`11 alerts`) it names it and is printed even when
 * nothing was found.
 */
export function formatProblemsText(
  problems: readonly Problem[],
  sources: ReadonlyMap<string, string>,
  options: { readonly subject?: string } = {},
): string {
  const out: string[] = [];
  const lineCache = new Map<string, string[]>();
  for (const p of problems) {
    const where = p.line > 0 ? `${p.file}:${p.line}:${p.column}` : p.file;
    out.push(`${where} ${p.severity} ${p.code}: ${maskPhonesInText(problemText(p))}`);
    const text = sources.get(p.file);
    if (p.line > 0 && text !== undefined) {
      let lines = lineCache.get(p.file);
      if (!lines) {
        lines = text.split(/\r?\n/);
        lineCache.set(p.file, lines);
      }
      const line = lines[p.line - 1];
      if (line !== undefined) {
        // Masked a little beyond what is shown, so a number cut at the edge is still recognised (a line may be megabytes).
        const shown = maskPhonesInText(line.slice(0, 240).replace(/\t/g, ' '), { inPlace: true });
        const gutter = String(p.line).padStart(5);
        out.push(`${gutter} | ${line.length > 200 ? `${shown.slice(0, 200)}…` : shown}`);
        out.push(`${' '.repeat(gutter.length)} | ${' '.repeat(Math.max(0, Math.min(p.column - 1, 200)))}^`);
      }
    }
  }
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  const counts = `${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
  if (options.subject !== undefined) out.push(...(problems.length > 0 ? [''] : []), `${options.subject}: ${counts}`);
  else if (problems.length > 0) out.push('', counts);
  return out.join('\n');
}

/** The message, then the suggestion when there is one: what every human-readable format prints (not masked). */
export function problemText(p: Problem): string {
  return p.suggestion === undefined ? p.message : `${p.message}; ${p.suggestion}`;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
