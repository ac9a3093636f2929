/**
 * Reading a Datadog On-Call account through its REST API (v2), or from a directory of the same endpoints' exports.
 * Lists are paged with `page[size]` (at most 100) and `page[number]` from 0 (docs.datadoghq.com/api/latest:
 * "List On-Call schedules", "List On-Call escalation policies", "Get all teams", "Get team memberships",
 * "List all users"); a list ends at its stated total or at an empty page. Single resources are read with the
 * `include=` the provider's Read uses, so the observed state sees what `pulumi import` would.
 */
import type { AccountExport, AccountSource } from '../account';
import { readExportDir } from '../export-dir';
import { ApiError, getJson } from '../http';
import { INCLUDE, KEYS, OVERRIDE_WINDOW, PAGE_SIZE, type Doc, type Resource } from './jsonapi';

/** Safety stop: 10,000 pages of 100 objects. */
const MAX_PAGES = 10_000;

type Get = (path: string, query: Record<string, string>) => Promise<unknown>;

function getter(source: Extract<AccountSource, { kind: 'api' }>): Get {
  const base = source.baseUrl.replace(/\/+$/, '');
  return (path, query) => {
    const q = new URLSearchParams(query).toString();
    return getJson(`${base}/api/v2/${path}${q ? `?${q}` : ''}`, { headers: source.headers });
  };
}

/** The total a list answer states, when it states one (users: meta.page.total_count; teams: meta.pagination.total). */
function totalOf(body: { meta?: { page?: { total_count?: unknown }; pagination?: { total?: unknown } } } | undefined): number | undefined {
  const total = body?.meta?.page?.total_count ?? body?.meta?.pagination?.total;
  return typeof total === 'number' ? total : undefined;
}

/**
 * Every page of a list. A server may answer fewer objects than asked (a smaller maximum page size): the list ends
 * at its stated total, or at an empty page, never merely at a short one.
 */
async function list(get: Get, path: string, extra: Record<string, string> = {}): Promise<Resource[]> {
  const out: Resource[] = [];
  for (let page = 0; page < MAX_PAGES; page++) {
    const body = (await get(path, { ...extra, 'page[size]': String(PAGE_SIZE), 'page[number]': String(page) })) as
      | ({ data?: Resource[] } & Parameters<typeof totalOf>[0])
      | undefined;
    const data = Array.isArray(body?.data) ? body.data : [];
    out.push(...data);
    const total = totalOf(body);
    if (data.length === 0 || (total !== undefined && out.length >= total)) return out;
  }
  throw new ApiError(`GET /api/v2/${path}: more than ${MAX_PAGES} pages`, null);
}

async function one(get: Get, path: string, include: string): Promise<Doc | undefined> {
  try {
    return (await get(path, include ? { include } : {})) as Doc;
  } catch (error) {
    // A team without On-Call has no routing rules; a user without On-Call, no channels.
    if (error instanceof ApiError && error.status === 404) return undefined;
    throw error;
  }
}

/** A few requests at a time (Datadog's rate limits are per organisation; 429s are waited out by getJson). */
const CONCURRENCY = 4;

/** `fn` over `items`, at most CONCURRENCY at once; results in the order of `items`. */
async function each<T, R>(items: readonly T[], fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let i = next++; i < items.length; i = next++) out[i] = await fn(items[i]!);
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, items.length) }, worker));
  return out;
}

const dataOf = (doc: Doc | undefined): unknown[] | undefined => {
  const data = (doc as unknown as { data?: unknown } | undefined)?.data;
  return Array.isArray(data) ? data : undefined;
};

export async function readDatadogAccount(source: AccountSource): Promise<AccountExport> {
  if (source.kind === 'dir') return readExportDir('datadog', source.dir);
  const get = getter(source);
  const endpoints = new Map<string, unknown[]>();
  const set = (key: string, value: unknown[] | undefined) => value !== undefined && endpoints.set(key, value);
  const users = await list(get, KEYS.users);
  endpoints.set(KEYS.users, users);
  // How each user is reached (not paged: the API answers a user's channels and rules whole).
  for (const [u, channels, rules] of await each(
    users,
    async (u) =>
      [u, dataOf(await one(get, KEYS.channels(u.id), '')), dataOf(await one(get, KEYS.rules(u.id), INCLUDE.notificationRules))] as const,
  )) {
    set(KEYS.channels(u.id), channels);
    set(KEYS.rules(u.id), rules);
  }
  const teams = await list(get, KEYS.teams);
  endpoints.set(KEYS.teams, teams);
  for (const [team, memberships, routing] of await each(
    teams,
    async (team) => [team, await list(get, KEYS.memberships(team.id)), await one(get, KEYS.routing(team.id), INCLUDE.routing)] as const,
  )) {
    endpoints.set(KEYS.memberships(team.id), memberships);
    if (routing) endpoints.set(KEYS.routing(team.id), [routing]);
  }
  const schedules = await list(get, KEYS.schedules);
  endpoints.set(KEYS.schedules, schedules);
  const window = { 'filter[start]': OVERRIDE_WINDOW.start, 'filter[end]': OVERRIDE_WINDOW.end };
  for (const [s, doc, overrides] of await each(
    schedules,
    async (s) => [s, await one(get, KEYS.schedule(s.id), INCLUDE.schedule), await list(get, KEYS.overrides(s.id), window)] as const,
  )) {
    if (doc) endpoints.set(KEYS.schedule(s.id), [doc]);
    endpoints.set(KEYS.overrides(s.id), overrides);
  }
  const policies = await list(get, KEYS.policies);
  endpoints.set(KEYS.policies, policies);
  for (const [p, doc] of await each(policies, async (p) => [p, await one(get, KEYS.policy(p.id), INCLUDE.policy)] as const)) {
    if (doc) endpoints.set(KEYS.policy(p.id), [doc]);
  }
  return { backend: 'datadog', endpoints };
}
