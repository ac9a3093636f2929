/**
 * Reads a PagerDuty account through its REST API (PagerDuty/api-schema, commit 91a06fb,
 * reference/REST/openapiv3.json): the list endpoints with classic pagination (`offset`, `limit`, `more`), and
 * per object the endpoints lists do not expand. Or a directory of the same endpoints' exports.
 */
import type { AccountExport, AccountSource } from '../account';
import { readExportDir } from '../export-dir';
import { getJson, type GetOptions } from '../http';
import { PD_KEYS, type PdSchedule, type PdService, type PdTeam, type PdUser } from './api-types';

export const PAGERDUTY_BASE_URL = 'https://api.pagerduty.com';
const PAGE = 100;
const DAY = 86_400_000;

export interface ReadWindow {
  /** Overrides are read from this instant (epoch ms)… */
  readonly since: number;
  /** …until this one. */
  readonly until: number;
}

export interface ReadOptions {
  readonly window?: ReadWindow;
  /** Page size of list endpoints (PagerDuty's maximum is 100). */
  readonly limit?: number;
  readonly http?: Omit<GetOptions, 'headers'>;
}

/** `Authorization: Token token=…` from PAGERDUTY_TOKEN (a read-only REST API key). */
export function pagerdutyHeadersFromEnv(env: NodeJS.ProcessEnv): { headers: Record<string, string> } | { missing: string[] } {
  const token = env.PAGERDUTY_TOKEN;
  if (!token) return { missing: ['PAGERDUTY_TOKEN'] };
  return { headers: { Authorization: `Token token=${token}` } };
}

function query(params: Record<string, string | number | readonly string[]>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (Array.isArray(v)) for (const x of v) q.append(k, x);
    else q.append(k, String(v));
  }
  return q.toString();
}

/** Every object of a list endpoint, page after page until `more` is false. */
async function list(
  get: (path: string) => Promise<unknown>,
  path: string,
  field: string,
  limit: number,
  params: Record<string, string | readonly string[]> = {},
): Promise<unknown[]> {
  const out: unknown[] = [];
  for (let offset = 0; ; ) {
    const page = (await get(`${path}?${query({ ...params, offset, limit })}`)) as Record<string, unknown>;
    const items = page[field];
    if (!Array.isArray(items)) throw new Error(`GET ${path}: no \`${field}\` in the answer`);
    out.push(...items);
    if (page.more !== true || items.length === 0) return out;
    offset += items.length;
  }
}

export async function readPagerDuty(source: AccountSource, options: ReadOptions = {}): Promise<AccountExport> {
  if (source.kind === 'dir') return readExportDir('pagerduty', source.dir);
  const base = source.baseUrl.replace(/\/+$/, '');
  // The description requires both headers on every operation (header_Accept, header_Content-Type).
  const headers = { ...source.headers, Accept: 'application/vnd.pagerduty+json;version=2', 'Content-Type': 'application/json' };
  const get = (path: string) => getJson(`${base}/${path}`, { ...options.http, headers });
  const limit = options.limit ?? PAGE;
  const since = options.window?.since ?? Date.now();
  const until = options.window?.until ?? since + 2 * 366 * DAY;
  const endpoints = new Map<string, unknown[]>();

  const users = (await list(get, 'users', 'users', limit)) as PdUser[];
  endpoints.set(PD_KEYS.users, users);
  for (const user of users) {
    const id = encodeURIComponent(user.id);
    const methods = (await get(`users/${id}/contact_methods`)) as { contact_methods?: unknown[] };
    endpoints.set(PD_KEYS.contactMethods(user.id), methods.contact_methods ?? []);
    const rules = (await get(`users/${id}/notification_rules`)) as { notification_rules?: unknown[] };
    endpoints.set(PD_KEYS.notificationRules(user.id), rules.notification_rules ?? []);
  }

  const teams = (await list(get, 'teams', 'teams', limit)) as PdTeam[];
  endpoints.set(PD_KEYS.teams, teams);
  for (const team of teams)
    endpoints.set(PD_KEYS.members(team.id), await list(get, `teams/${encodeURIComponent(team.id)}/members`, 'members', limit));

  // The list gives each schedule's layers with `include[]=schedule_layers` (listSchedules in the description).
  const schedules = (await list(get, 'schedules', 'schedules', limit, { 'include[]': ['schedule_layers'] })) as PdSchedule[];
  endpoints.set(PD_KEYS.schedules, schedules);
  const window = { since: new Date(since).toISOString(), until: new Date(until).toISOString() };
  for (const schedule of schedules) {
    const answer = (await get(`schedules/${encodeURIComponent(schedule.id)}/overrides?${query(window)}`)) as { overrides?: unknown[] };
    endpoints.set(PD_KEYS.overrides(schedule.id), answer.overrides ?? []);
  }

  endpoints.set(PD_KEYS.escalationPolicies, await list(get, 'escalation_policies', 'escalation_policies', limit));
  const services = (await list(get, 'services', 'services', limit)) as PdService[];
  endpoints.set(PD_KEYS.services, services);
  for (const service of services) {
    const integrations: unknown[] = [];
    for (const ref of service.integrations ?? []) {
      const answer = (await get(`services/${encodeURIComponent(service.id)}/integrations/${encodeURIComponent(ref.id)}`)) as {
        integration?: unknown;
      };
      if (answer.integration !== undefined) integrations.push(answer.integration);
    }
    endpoints.set(PD_KEYS.integrations(service.id), integrations);
  }
  endpoints.set(PD_KEYS.vendors, await list(get, 'vendors', 'vendors', limit));
  return { backend: 'pagerduty', endpoints };
}
