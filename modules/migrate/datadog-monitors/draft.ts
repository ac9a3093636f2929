/** What the monitors import builds for one Datadog object before ids are handed out: an alert, or nothing. */
import type { Organisation, Squad } from '../../model/types';
import type { Alert as AlertSpec, Severity } from '../../spec/spec-types.generated';
import { squadOfTags } from '../../checks/managed-monitors';
import { MANAGED_TAG } from '../../render/alerts/naming';
import type { ImportFinding, SourceObject } from '../account';
import type { ParsedMessage } from './message';

export type AlertDraftSpec = { -readonly [K in keyof AlertSpec]: AlertSpec[K] };

export interface AlertDraft {
  readonly squad: string;
  /** The id of an `alert-id:` tag (a monitor this project rendered), kept when free. */
  readonly wantedId?: string;
  readonly alert: AlertDraftSpec;
  readonly source: SourceObject;
  /** The suffix of the planned resource name (`<id>-monitor`, `<id>-check`). */
  readonly suffix: '-monitor' | '-check';
}

export interface Converted {
  readonly draft?: AlertDraft;
  readonly findings: ImportFinding[];
}

/** Tags the renderer adds to every alert (modules/render/alerts/naming.ts): not written back as the alert's own. */
export function isRenderedTag(tag: string): boolean {
  return tag === MANAGED_TAG || /^(team|service|severity|alert-id|burn-rate):/.test(tag);
}

export const TAG_PATTERN = /^[A-Za-z][A-Za-z0-9_./:-]*$/;
const HANDLE_PATTERN = /^@[A-Za-z0-9_.-]+$/;

export function severityOf(priority: number | null | undefined): Severity | undefined {
  return typeof priority === 'number' && Number.isInteger(priority) && priority >= 1 && priority <= 5
    ? (`P${priority}` as Severity)
    : undefined;
}

/** Minutes as a duration of the YAML (`90` → `1h30m`). */
export function minutesText(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${h > 0 ? `${h}h` : ''}${m > 0 || h === 0 ? `${m}m` : ''}`;
}

/** Seconds as a duration of the YAML (`300` → `5m`). */
export function secondsText(seconds: number): string {
  if (seconds % 60 !== 0) return `${seconds}s`;
  return minutesText(seconds / 60);
}

export { squadOfTags };

/** The squad's service an object watches: its `service:` tag, the `[service][squad]` of its name, or the only one. */
export function serviceOf(squad: Squad, tags: readonly string[], named?: string): { service?: string; guessed: boolean } {
  const live = [...squad.services.values()].filter((s) => !s.retired).map((s) => s.id);
  for (const candidate of [...tags.filter((t) => t.startsWith('service:')).map((t) => t.slice(8)), named]) {
    if (candidate !== undefined && live.includes(candidate)) return { service: candidate, guessed: false };
  }
  return { service: live[0], guessed: live.length > 1 };
}

/**
 * Title and service from a name: `[service][squad] title` (the names this project renders) or the name itself.
 * Titles are one line of at most 500 characters.
 */
export function titleOf(name: string, squad: string): { title: string; service?: string } {
  const m = /^\[([^\]]+)\]\[([^\]]+)\] (.+)$/s.exec(name);
  const title = m && m[2] === squad ? (m[3] ?? name) : name;
  return { title: title.replace(/\s+/g, ' ').trim().slice(0, 500) || 'untitled', service: m && m[2] === squad ? m[1] : undefined };
}

export interface ImportOptions {
  /** Whether a file exists, by its path under the teams directory (`storefront/runbooks/x.md`); default: yes. */
  readonly runbookExists?: (path: string) => boolean;
}

/**
 * The runbook of a message: a runbook file of the squad when the link points into its folder (and the file is
 * there), else an https URL.
 */
export function runbookOf(org: Organisation, squad: string, link: string | undefined, options: ImportOptions = {}): string | undefined {
  if (link === undefined) return undefined;
  const base = org.readiness.runbookBaseUrl;
  const path = link.startsWith('teams/') ? link.slice(6) : base && link.startsWith(base) ? link.slice(base.length) : undefined;
  if (path !== undefined && path.startsWith(`${squad}/`) && path.endsWith('.md') && (options.runbookExists?.(path) ?? true))
    return path.slice(squad.length + 1);
  return /^https:\/\/\S+$/.test(link) && link.length <= 2048 ? link : undefined;
}

/** Paging handles of any backend this project renders (`@pagerduty-…`, `@opsgenie-…`, `@oncall-…`). */
export function isPagingHandle(handle: string): boolean {
  return /^@(pagerduty|opsgenie|oncall)-/.test(handle);
}

/** The squad's own paging handles, whatever the stack's backend (modules/render/alerts/handles.ts). */
function ownPagingHandles(squad: Squad): Set<string> {
  return new Set([`@opsgenie-${squad.id}`, `@oncall-${squad.id}`, ...[...squad.services.keys()].map((s) => `@pagerduty-${s}`)]);
}

/**
 * The fields every kind shares: title, service, severity, description, runbook, dashboards, tags, handles and
 * whether it pages. Findings for what does not fit.
 */
export function commonFields(
  org: Organisation,
  squad: Squad,
  source: SourceObject,
  input: { name: string; priority: number | null | undefined; tags: readonly string[]; message: ParsedMessage },
  findings: ImportFinding[],
  options: ImportOptions = {},
): AlertDraftSpec | undefined {
  const finding = (what: string, why: string, kind: ImportFinding['kind'] = 'approximated') => findings.push({ source, what, why, kind });
  const { title, service: named } = titleOf(input.name, squad.id);
  const { service, guessed } = serviceOf(squad, input.tags, named);
  if (service === undefined) {
    finding('the whole object', `squad \`${squad.id}\` has no service to attach an alert to`, 'dropped');
    return undefined;
  }
  if (guessed) finding('service', `no \`service:\` tag naming a service of \`${squad.id}\`: attached to \`${service}\``);
  let severity = severityOf(input.priority);
  if (!severity) {
    const tagged = input.tags.find((t) => /^severity:p[1-5]$/i.test(t));
    severity = tagged ? (tagged.slice(9).toUpperCase() as AlertDraftSpec['severity']) : 'P3';
    if (!tagged) finding('priority', 'no priority: imported as severity P3');
  }
  const spec: AlertDraftSpec = { title, kind: 'metric', severity };
  if (squad.services.size > 1 || !squad.services.has(service)) spec.service = service;
  const m = input.message;
  if (m.description !== undefined) {
    spec.description = m.description.slice(0, 4000);
    if (m.description.length > 4000) finding('description', 'the message is longer than 4,000 characters: cut');
  }
  const runbook = runbookOf(org, squad.id, m.runbook, options);
  if (runbook !== undefined) spec.runbook = runbook;
  else if (m.runbook !== undefined)
    finding('runbook', `\`${m.runbook}\` is neither an https URL nor a runbook file of the squad`, 'dropped');
  if (m.dashboards.length > 0) spec.dashboards = [...m.dashboards];
  const own = ownPagingHandles(squad);
  const paging = m.handles.filter(isPagingHandle);
  for (const h of paging.filter((h) => !own.has(h)))
    finding(`handle ${h}`, "pages through the squad's routing instead (the stack's backend gives the handle)");
  const others = m.handles.filter((h) => !isPagingHandle(h));
  const notify = others.filter((h) => HANDLE_PATTERN.test(h));
  if (notify.length > 0) spec.notify = notify;
  for (const h of others.filter((h) => !HANDLE_PATTERN.test(h))) finding(`handle ${h}`, 'not a handle the YAML accepts', 'dropped');
  for (const e of m.emails) finding(`e-mail recipient ${e}`, 'the YAML notifies handles, not e-mail addresses', 'dropped');
  if (m.conditionalText)
    finding('conditional message text', 'the message is rebuilt from the alert: text inside `{{#is_…}}` blocks loses its condition');
  const pages = paging.length > 0;
  const byDefault = org.readiness.pagingSeverities.includes(severity);
  if (pages !== byDefault) spec.page = pages;
  const tags = input.tags.filter((t) => !isRenderedTag(t));
  const valid = tags.filter((t) => TAG_PATTERN.test(t) && t.length <= 200);
  for (const t of tags.filter((t) => !valid.includes(t)))
    finding(`tag ${t}`, 'not a tag the YAML accepts (a letter, then letters, digits and `_ . / : -`)', 'dropped');
  if (valid.length > 0) spec.tags = [...new Set(valid)];
  return spec;
}
