/**
 * A Datadog account's read API answered from an account export: a pure handler (request → answer) that `npm run
 * bench` serves over node:http and the tests wrap in the server that checks requests and answers against Datadog's
 * API description. It checks the keys (`DD-API-KEY`, `DD-APPLICATION-KEY`; 403 otherwise, as Datadog answers a bad
 * key), pages lists with `page[size]` (default 10, at most 100) and `page[number]` from 0, lists overrides between
 * `filter[start]` and `filter[end]` (both required), leaves `included` out unless `include=` asks for it, and
 * answers 429 with `Retry-After` and Datadog's `X-RateLimit-*` headers when told to
 * (docs.datadoghq.com/api/latest/rate-limits).
 */
import type { AccountExport } from '../../migrate/account';
import type { ApiAnswer, ApiRequest } from './handler';
import type { Doc, OverrideAttributes, Resource } from '../../migrate/datadog-oncall/jsonapi';

export interface AccountServerOptions {
  /** The keys the account accepts. */
  readonly keys: { readonly 'DD-API-KEY': string; readonly 'DD-APPLICATION-KEY': string };
  /** Requests (0-based, in arrival order) answered 429 instead. */
  readonly throttle?: readonly number[];
  /** Answer at most this many objects a page, whatever `page[size]` asks (a server with smaller pages). */
  readonly pageSizeCap?: number;
  /** `Retry-After` of a 429, in seconds (default 1). */
  readonly retryAfter?: number;
}

const LISTS = [
  /^users$/,
  /^team$/,
  /^team\/[^/]+\/memberships$/,
  /^on-call\/schedules$/,
  /^on-call\/escalation-policies$/,
  /^on-call\/schedules\/[^/]+\/overrides$/,
];
const DOCS = [/^on-call\/schedules\/[^/]+$/, /^on-call\/escalation-policies\/[^/]+$/, /^on-call\/teams\/[^/]+\/routing-rules$/];

const error = (status: number, message: string): ApiAnswer => ({ status, body: { errors: [message] } });

function header(h: ApiRequest['headers'], name: string): string | undefined {
  const v = h[name.toLowerCase()] ?? h[name];
  return Array.isArray(v) ? v[0] : v;
}

/** List answers in each endpoint's own envelope (users: meta.page; teams and memberships: links and meta.pagination). */
function listBody(key: string, page: unknown[], total: number, size: number, number: number): unknown {
  if (key === 'users') return { data: page, meta: { page: { total_count: total, total_filtered_count: total } } };
  if (key === 'team' || key.endsWith('/memberships'))
    return {
      data: page,
      links: { self: `/api/v2/${key}` },
      meta: { pagination: { offset: size * number, limit: size, total, type: 'offset_limit' } },
    };
  if (key.endsWith('/overrides')) return { data: page };
  return { data: page, meta: {} };
}

export function datadogAccountHandler(account: AccountExport, options: AccountServerOptions): (request: ApiRequest) => ApiAnswer {
  let count = 0;
  const throttle = new Set(options.throttle ?? []);
  return (request) => {
    const n = count++;
    if (
      header(request.headers, 'DD-API-KEY') !== options.keys['DD-API-KEY'] ||
      header(request.headers, 'DD-APPLICATION-KEY') !== options.keys['DD-APPLICATION-KEY']
    )
      return error(403, 'Forbidden');
    if (throttle.has(n)) {
      const wait = String(options.retryAfter ?? 1);
      return {
        ...error(429, 'Too many requests'),
        headers: {
          'Retry-After': wait,
          'X-RateLimit-Limit': '1000',
          'X-RateLimit-Period': '60',
          'X-RateLimit-Remaining': '0',
          'X-RateLimit-Reset': wait,
        },
      };
    }
    if (request.method !== 'GET') return error(405, 'Method not allowed');
    if (!request.path.startsWith('/api/v2/')) return error(404, 'Not found');
    const key = request.path.slice('/api/v2/'.length);
    if (LISTS.some((r) => r.test(key))) {
      let objects = account.endpoints.get(key);
      if (objects === undefined) return error(404, 'Not found');
      const size = Number(request.query.get('page[size]') ?? 10);
      const number = Number(request.query.get('page[number]') ?? 0);
      if (!Number.isInteger(size) || size < 1 || size > 100 || !Number.isInteger(number) || number < 0) return error(400, 'Bad Request');
      if (key.endsWith('/overrides')) {
        const start = Date.parse(request.query.get('filter[start]') ?? '');
        const end = Date.parse(request.query.get('filter[end]') ?? '');
        if (Number.isNaN(start) || Number.isNaN(end)) return error(400, 'Bad Request');
        objects = objects.filter((o) => {
          const a = (o as Resource<OverrideAttributes>).attributes ?? {};
          return Date.parse(a.start ?? '') < end && Date.parse(a.end ?? '') > start;
        });
      }
      const served = Math.min(size, options.pageSizeCap ?? size);
      return { status: 200, body: listBody(key, objects.slice(served * number, served * (number + 1)), objects.length, served, number) };
    }
    // A user's channels and rules: whole lists, the rules' channels included when asked.
    const contacts = /^on-call\/users\/([^/]+)\/notification-(channels|rules)$/.exec(key);
    if (contacts) {
      const data = account.endpoints.get(key);
      if (!data) return error(404, 'Not found');
      if (contacts[2] === 'channels' || request.query.get('include') !== 'channel') return { status: 200, body: { data } };
      return { status: 200, body: { data, included: account.endpoints.get(`on-call/users/${contacts[1]}/notification-channels`) ?? [] } };
    }
    if (DOCS.some((r) => r.test(key))) {
      const doc = account.endpoints.get(key)?.[0] as Doc | undefined;
      if (!doc) return error(404, 'Not found');
      return { status: 200, body: request.query.get('include') ? doc : { data: doc.data } };
    }
    return error(404, 'Not found');
  };
}
