/**
 * Reading an Opsgenie account: the list and get operations of opsgenie/opsgenie-oas swagger.json (commit
 * 71c5534) the import needs, each answer's `data` stored under its endpoint key (the path after `/v2/`).
 *
 * Only `GET /v2/users` (listUsers) is paged in the description: `offset` and `limit` (at most 100), with
 * `paging.next` naming the next page. Every list is read by following `paging.next` when an answer gives one, so
 * an account that pages other lists is read whole too. Lists that return summaries (integrations, notification
 * rules) are completed by one get per object; a team's members come from `GET /v2/teams/{id}`.
 */
import { getJson, type GetOptions } from '../http';
import type { AccountExport, AccountSource } from '../account';
import { readExportDir } from '../export-dir';

type Obj = Record<string, unknown>;
const PAGE = 100;

function dataOf(body: unknown): { data: unknown[]; next?: string } {
  const o = (body ?? {}) as { data?: unknown; paging?: { next?: unknown } };
  const data = Array.isArray(o.data) ? o.data : o.data === undefined ? [] : [o.data];
  return { data, next: typeof o.paging?.next === 'string' ? o.paging.next : undefined };
}

/** Every object of a list, page after page (a `next` on another host than the base is refused). */
async function list(base: string, path: string, options: GetOptions, paged = false): Promise<unknown[]> {
  const out: unknown[] = [];
  let url: string | undefined = `${base}/v2/${path}${paged ? `${path.includes('?') ? '&' : '?'}offset=0&limit=${PAGE}` : ''}`;
  const seen = new Set<string>();
  while (url !== undefined) {
    if (seen.has(url)) break;
    seen.add(url);
    const page = dataOf(await getJson(url, options));
    out.push(...page.data);
    if (page.next === undefined || page.data.length === 0) break;
    const next: URL = new URL(page.next, base);
    if (next.origin !== new URL(base).origin) throw new Error(`paging.next of ${path} leaves ${new URL(base).origin}`);
    url = next.toString();
  }
  return out;
}

const idOf = (o: unknown): string => String((o as Obj).id);
const enc = encodeURIComponent;

export async function readOpsgenie(source: AccountSource, sleep?: (ms: number) => Promise<void>): Promise<AccountExport> {
  if (source.kind === 'dir') return readExportDir('opsgenie', source.dir);
  const base = source.baseUrl.replace(/\/+$/, '');
  const options: GetOptions = { headers: source.headers, ...(sleep ? { sleep } : {}) };
  const endpoints = new Map<string, unknown[]>();
  const keep = (key: string, objects: unknown[]) => endpoints.set(key, objects);

  const users = await list(base, 'users', options, true);
  keep('users', users);
  for (const user of users) {
    const id = idOf(user);
    keep(`users/${id}/contacts`, await list(base, `users/${enc(id)}/contacts`, options));
    const rules = await list(base, `users/${enc(id)}/notification-rules`, options);
    keep(`users/${id}/notification-rules`, rules);
    for (const rule of rules)
      keep(
        `users/${id}/notification-rules/${idOf(rule)}`,
        await list(base, `users/${enc(id)}/notification-rules/${enc(idOf(rule))}`, options),
      );
  }

  const teams = await list(base, 'teams', options);
  const full: unknown[] = [];
  for (const team of teams) {
    const [one] = await list(base, `teams/${enc(idOf(team))}?identifierType=id`, options);
    full.push(one ?? team);
    keep(`teams/${idOf(team)}/routing-rules`, await list(base, `teams/${enc(idOf(team))}/routing-rules?teamIdentifierType=id`, options));
  }
  keep('teams', full);

  const schedules = await list(base, 'schedules', options);
  keep('schedules', schedules);
  for (const schedule of schedules) {
    const id = idOf(schedule);
    keep(`schedules/${id}/rotations`, await list(base, `schedules/${enc(id)}/rotations?scheduleIdentifierType=id`, options));
    keep(`schedules/${id}/overrides`, await list(base, `schedules/${enc(id)}/overrides?scheduleIdentifierType=id`, options));
  }

  keep('escalations', await list(base, 'escalations', options));

  const integrations = await list(base, 'integrations', options);
  keep('integrations', integrations);
  for (const integration of integrations) {
    const type = (integration as Obj).type;
    // Only e-mail and API integrations become intake; the others are listed as findings from their summary.
    if (type === 'Email' || type === 'API' || type === 'Datadog')
      keep(`integrations/${idOf(integration)}`, await list(base, `integrations/${enc(idOf(integration))}`, options));
  }
  return { backend: 'opsgenie', endpoints };
}
