/**
 * Datadog On-Call pages → IncidentRecord.
 *
 * Datadog lists pages with `GET /api/v2/on-call/pages` (docs.datadoghq.com, API reference, On-Call, "List On-Call
 * Pages"; the generated clients' `OnCallApi.listOnCallPages`, models `OnCallPagesResponse`, `OnCallPageData`,
 * `OnCallPageDataAttributes`, `OnCallPageDataRelationships`): `page[number]`/`page[size]` paging (size up to 1,000,
 * `page[number] × page[size]` under 50,000), a `filter[query]` on status, urgency, team, service and tags, and no
 * filter on time, so the reader lists every page and keeps those created in the window.
 *
 * A page gives its creation, first acknowledgement and closure times, status, urgency, tags, services, the team
 * paged and the user who closed it. It gives neither the escalation steps reached nor who acknowledged: Datadog
 * documents no timeline of a page (the OnCallPaging API only creates, acknowledges, escalates and resolves), so
 * `escalations` is empty and `acknowledgedBy` absent. The priority is read from the `severity:` tag our monitors
 * carry (a page has no priority field).
 */
import { getJson } from '../../migrate/http';
import type { AccountExport, AccountSource } from '../../migrate/account';
import type { IncidentRecord } from '../incident-record';
import { IncidentReadError, instant, isRecord, objectsOf, priorityOf, tagValue } from '../read-common';

export const DATADOG_API = 'https://api.datadoghq.com';
const PAGE_SIZE = 100;
const LIMIT = 50_000;

export function datadogHeadersFromEnv(
  env: NodeJS.ProcessEnv,
): { readonly headers: Record<string, string> } | { readonly missing: readonly string[] } {
  const missing = ['DD_API_KEY', 'DD_APP_KEY'].filter((name) => !env[name]);
  if (missing.length > 0) return { missing };
  return { headers: { 'DD-API-KEY': env.DD_API_KEY!, 'DD-APPLICATION-KEY': env.DD_APP_KEY! } };
}

type Source = Extract<AccountSource, { kind: 'api' }>;

/** Reads every page the account lists, with the users and teams they refer to, as an export. */
export async function readDatadogIncidentsExport(source: Source): Promise<AccountExport> {
  const pages: unknown[] = [];
  const users = new Map<string, unknown>();
  const teams = new Map<string, unknown>();
  for (let number = 0; ; number++) {
    if (number * PAGE_SIZE >= LIMIT)
      throw new IncidentReadError(`GET /api/v2/on-call/pages: more than ${LIMIT} pages; Datadog's list reaches no further`);
    const query = new URLSearchParams({ 'page[size]': String(PAGE_SIZE), 'page[number]': String(number) });
    const answer = await getJson(`${source.baseUrl.replace(/\/+$/, '')}/api/v2/on-call/pages?${query}`, { headers: source.headers });
    const data = isRecord(answer) ? answer.data : undefined;
    if (!Array.isArray(data)) throw new IncidentReadError('GET /api/v2/on-call/pages: the answer has no `data` list');
    pages.push(...data);
    const included = isRecord(answer) && Array.isArray(answer.included) ? answer.included : [];
    for (const item of included.filter(isRecord)) {
      if (item.type === 'users') users.set(String(item.id), item);
      else if (item.type === 'team') teams.set(String(item.id), item);
    }
    // The server may give smaller pages than asked: the end is an empty page, or the total reached.
    const meta = isRecord(answer) && isRecord(answer.meta) && isRecord(answer.meta.page) ? answer.meta.page : {};
    const total = typeof meta.total_count === 'number' ? meta.total_count : undefined;
    if (data.length === 0 || (total !== undefined && pages.length >= total)) break;
  }
  return {
    backend: 'datadog',
    endpoints: new Map<string, unknown[]>([
      ['on-call/pages', pages],
      ['users', [...users.values()]],
      ['teams', [...teams.values()]],
    ]),
  };
}

function attributeOf(item: Record<string, unknown> | undefined, name: string): unknown {
  return item && isRecord(item.attributes) ? item.attributes[name] : undefined;
}

function refId(relationships: Record<string, unknown>, name: string): string | undefined {
  const rel = relationships[name];
  return isRecord(rel) && isRecord(rel.data) && typeof rel.data.id === 'string' ? rel.data.id : undefined;
}

/** Pure: the records of the pages of an export created in [since, until), oldest first. */
export function datadogIncidents(account: AccountExport, since: number, until: number): IncidentRecord[] {
  const users = new Map(objectsOf(account, 'users').map((u) => [String(u.id), u]));
  const teams = new Map(objectsOf(account, 'teams').map((t) => [String(t.id), t]));
  return objectsOf(account, 'on-call/pages')
    .map((page): IncidentRecord => {
      const id = String(page.id);
      const where = `page ${id}`;
      const a = isRecord(page.attributes) ? page.attributes : {};
      const relationships = isRecord(page.relationships) ? page.relationships : {};
      const tags = Array.isArray(a.tags) ? a.tags.filter((t): t is string => typeof t === 'string') : [];
      const services = Array.isArray(a.services) ? a.services.filter((s): s is string => typeof s === 'string') : [];
      const service = tagValue(tags, 'service') ?? services[0];
      const teamRef = refId(relationships, 'target');
      const teamAttr = attributeOf(teams.get(teamRef ?? ''), 'handle');
      const team = tagValue(tags, 'team') ?? (typeof teamAttr === 'string' ? teamAttr : undefined);
      const closer = attributeOf(users.get(refId(relationships, 'closed_by') ?? ''), 'email');
      const priority = priorityOf(tagValue(tags, 'severity'));
      const urgency = a.urgency === 'high' || a.urgency === 'low' ? a.urgency : undefined;
      return {
        backend: 'datadog',
        id,
        title: typeof a.title === 'string' ? a.title : '',
        ...(service !== undefined ? { service } : {}),
        ...(team !== undefined ? { team } : {}),
        tags,
        ...(priority ? { priority } : {}),
        ...(urgency ? { urgency } : {}),
        createdAt: instant(a.created_at, `${where}, created_at`),
        ...(a.acknowledged_at !== undefined ? { acknowledgedAt: instant(a.acknowledged_at, `${where}, acknowledged_at`) } : {}),
        ...(a.closed_at !== undefined ? { resolvedAt: instant(a.closed_at, `${where}, closed_at`) } : {}),
        ...(typeof closer === 'string' ? { resolvedBy: closer } : {}),
        escalations: [],
      };
    })
    .filter((r) => r.createdAt >= since && r.createdAt < until)
    .sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
