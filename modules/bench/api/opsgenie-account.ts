/**
 * An Opsgenie account served from an export, as its REST API answers the reads of an import (opsgenie/opsgenie-oas
 * swagger.json, commit 71c5534): the key in `Authorization: GenieKey <key>` (the `GenieKey` security scheme;
 * 401 otherwise), `GET /v2/users` paged by `offset` and `limit` with `paging.next` (ListUsersResponse), lists with
 * `expandable` where the description requires it (teams, schedules), gets as `{data}`, and on demand
 * `429 Too Many Requests` with `Retry-After` and `X-RateLimit-Period-In-Sec` (docs.opsgenie.com/docs/api-rate-limiting).
 * A pure function from a request to an answer: the tests wrap it in the server that checks answers against the
 * description, `npm run bench` in a plain node:http server.
 */
import type { AccountExport } from '../../migrate/account';
import type { ApiAnswer, ApiRequest } from './handler';

export interface OpsgenieAccountOptions {
  /** The API key the account accepts. */
  readonly key: string;
  /** Largest page of users (Opsgenie's own limit is 100). */
  readonly maxPage?: number;
  /** Seconds to wait, when the n-th request (from 1) is to be refused with a 429. */
  readonly throttle?: (n: number) => number | undefined;
}

const base = (n: number) => ({ requestId: `request-${n}`, took: 0.01 });
/** Lists whose answers carry `expandable` (BaseResponseWithExpandable). */
const EXPANDABLE: Record<string, string[]> = { teams: [], schedules: ['rotation'] };
/** Gets answered with one object, by the pattern of their path under /v2/. */
const GETS = [/^teams\/[^/]+$/, /^integrations\/[^/]+$/, /^users\/[^/]+\/notification-rules\/[^/]+$/];

export function opsgenieAccountHandler(account: AccountExport, options: OpsgenieAccountOptions): (request: ApiRequest) => ApiAnswer {
  let count = 0;
  const maxPage = options.maxPage ?? 100;
  return (request) => {
    count++;
    const wait = options.throttle?.(count);
    if (wait !== undefined)
      return {
        status: 429,
        headers: { 'Retry-After': String(wait), 'X-RateLimit-Period-In-Sec': String(wait), 'X-RateLimit-State': 'THROTTLED' },
        body: {
          ...base(count),
          message: 'You are making too many requests! To avoid errors, we recommend you limit requests.',
          code: 42900,
        },
      };
    if (request.headers.authorization !== `GenieKey ${options.key}`)
      return { status: 401, body: { ...base(count), message: 'Could not authenticate', code: 40100 } };
    if (request.method !== 'GET') return { status: 400, body: { ...base(count), message: 'Only reads are served', code: 40000 } };
    const key = decodeURIComponent(request.path.replace(/^\/v2\//, ''));
    // A team is got from the list (the export keeps teams with their members under `teams`).
    const team = /^teams\/([^/]+)$/.exec(key);
    const objects = team
      ? (account.endpoints.get('teams') ?? []).filter((t) => (t as { id?: unknown }).id === team[1])
      : account.endpoints.get(key);
    if (objects === undefined) return { status: 404, body: { ...base(count), message: `No ${key}`, code: 40400 } };
    if (GETS.some((p) => p.test(key))) {
      const [one] = objects;
      return one === undefined
        ? { status: 404, body: { ...base(count), message: `No ${key}`, code: 40400 } }
        : { status: 200, body: { ...base(count), data: one } };
    }
    if (key === 'users') {
      const offset = Math.max(0, Number(request.query.get('offset') ?? 0) || 0);
      const limit = Math.min(maxPage, Math.max(1, Number(request.query.get('limit') ?? maxPage) || maxPage));
      const page = objects.slice(offset, offset + limit);
      const host = String(request.headers.host ?? '127.0.0.1');
      const at = (o: number) => `http://${host}/v2/users?offset=${o}&limit=${limit}`;
      const last = Math.max(0, Math.floor((objects.length - 1) / limit) * limit);
      const paging = {
        first: at(0),
        last: at(last),
        ...(offset + limit < objects.length ? { next: at(offset + limit) } : {}),
        ...(offset > 0 ? { prev: at(Math.max(0, offset - limit)) } : {}),
      };
      return { status: 200, body: { ...base(count), data: page, totalCount: objects.length, paging } };
    }
    const expandable = EXPANDABLE[key];
    return { status: 200, body: { ...base(count), data: objects, ...(expandable ? { expandable } : {}) } };
  };
}
