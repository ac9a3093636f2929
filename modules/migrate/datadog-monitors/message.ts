/**
 * What a monitor's message says that an alert carries: its description, runbook link, dashboards and
 * notification handles. Two shapes: the message this project renders (modules/render/alerts/message.ts:
 * a bold title line, the description, `Runbook:`, `Dashboard:` lines, then the handles in `{{#is_alert}}`),
 * read back exactly; any other message, read generously (the runbook is the https link of a `Runbook:`-like
 * line, else the first one whose address says runbook or playbook, else the first https link; handles are every
 * `@name` word; the rest is the description).
 */

export interface ParsedMessage {
  readonly description?: string;
  readonly runbook?: string;
  readonly dashboards: readonly string[];
  /** Handles in the order they appear, without duplicates (`@slack-ops`, `@pagerduty-shop`). */
  readonly handles: readonly string[];
  /** E-mail recipients (`@ada@example.com`): the YAML has no such notification. */
  readonly emails: readonly string[];
  /** Conditional blocks (`{{#is_warning}}…`) holding more than handles: their condition is lost. */
  readonly conditionalText: boolean;
  /** The message is the one this project renders. */
  readonly ours: boolean;
}

const HEADER = /^\*\*.+\*\* \(P[1-5]\)$/;
const HANDLE = /(?<![\w@.])@([A-Za-z0-9_.+-]+(?:@[A-Za-z0-9.-]+\.[A-Za-z]{2,})?)/g;
const HTTPS = /https:\/\/[^\s)>\]"']+/;
const HTTPS_ALL = /https:\/\/[^\s)>\]"']+/g;
const RUNBOOK_LINE = /\b(runbook|playbook|procedure|sop|how to fix)\b/i;

/** A link without the punctuation that ends its sentence. */
const trimLink = (link: string) => link.replace(/[.,;:!?]+$/, '');

/** The runbook link of a message that is not ours. */
function runbookLink(text: string): { link?: string; line?: string } {
  const lines = text.split('\n');
  for (const line of lines) {
    const keyword = RUNBOOK_LINE.exec(line);
    const link = keyword ? line.slice(keyword.index).match(HTTPS)?.[0] : undefined;
    if (link) return { link: trimLink(link), line };
  }
  const links = [...text.matchAll(HTTPS_ALL)].map((m) => trimLink(m[0]));
  return { link: links.find((l) => /runbook|playbook/i.test(l)) ?? links[0] };
}
const BLOCK = /\{\{([#^])(is_[a-z_]+|is_exact_match[^}]*)\}\}([\s\S]*?)\{\{\/\2\}\}/g;

function unique(list: string[]): string[] {
  return [...new Set(list)];
}

function handlesIn(text: string): { handles: string[]; emails: string[] } {
  const handles: string[] = [];
  const emails: string[] = [];
  for (const m of text.matchAll(HANDLE)) {
    const name = m[1] ?? '';
    if (name.includes('@')) emails.push(`@${name}`);
    else handles.push(`@${name.replace(/[.]+$/, '')}`);
  }
  return { handles: unique(handles), emails: unique(emails) };
}

function ownMessage(lines: readonly string[]): ParsedMessage | undefined {
  if (!HEADER.test(lines[0] ?? '') || lines[1] !== '') return undefined;
  const runbookAt = lines.findIndex((l) => l.startsWith('Runbook: ') || l === 'No runbook yet: see the squad.');
  if (runbookAt < 0) return undefined;
  const described = lines.slice(2, runbookAt);
  if (described.length > 0 && described[described.length - 1] !== '') return undefined;
  const description = described.slice(0, -1).join('\n');
  const runbookLine = lines[runbookAt] ?? '';
  const rest = lines.slice(runbookAt + 1);
  const dashboards: string[] = [];
  let i = 0;
  for (; i < rest.length && (rest[i] ?? '').startsWith('Dashboard: '); i++) dashboards.push((rest[i] ?? '').slice('Dashboard: '.length));
  const tail = rest.slice(i);
  let handles: string[] = [];
  if (tail.length > 0) {
    const alert = /^\{\{#is_alert\}\}(.*)\{\{\/is_alert\}\}$/.exec(tail[1] ?? '');
    if (tail[0] !== '' || !alert) return undefined;
    handles = (alert[1] ?? '').split(' ').filter((h) => h !== '');
    const others = tail.slice(2);
    const allowed = others.every((l) => /^\{\{#is_(warning|recovery)\}\}.*\{\{\/is_(warning|recovery)\}\}$/.test(l));
    if (!allowed || others.length === 0) return undefined;
  }
  return {
    description: description === '' ? undefined : description,
    runbook: runbookLine.startsWith('Runbook: ') ? runbookLine.slice('Runbook: '.length) : undefined,
    dashboards,
    handles,
    emails: [],
    conditionalText: false,
    ours: true,
  };
}

export function parseMessage(message: string | undefined): ParsedMessage {
  const text = (message ?? '').replace(/\r\n/g, '\n');
  const own = ownMessage(text.split('\n'));
  if (own) return own;
  const { handles, emails } = handlesIn(text);
  const { link: runbook, line: runbookLine } = runbookLink(text);
  let conditionalText = false;
  // Handles leave the text; a conditional block left empty by that goes too.
  let rest = text.replace(HANDLE, '');
  rest = rest.replace(BLOCK, (_all, _sign: string, _cond: string, inner: string) => {
    if (inner.trim() === '') return '';
    conditionalText = true;
    return _all;
  });
  if (runbookLine)
    rest = rest
      .split('\n')
      .filter((l) => l.replace(HANDLE, '') !== runbookLine.replace(HANDLE, ''))
      .join('\n');
  const description = rest
    .split('\n')
    .map((l) => l.trimEnd())
    // A line left with only the commas between removed handles goes too.
    .filter((l) => !/^[\s,;.]+$/.test(l))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return {
    description: description === '' ? undefined : description,
    runbook,
    dashboards: [],
    handles,
    emails,
    conditionalText,
    ours: false,
  };
}
