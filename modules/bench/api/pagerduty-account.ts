/**
 * A PagerDuty account served from an export, as the REST API answers the reads of an import (PagerDuty/api-schema,
 * commit 91a06fb, reference/REST/openapiv3.json): `Authorization: Token token=<key>` checked, classic pagination
 * (`offset`, `limit` up to 100, `more`, `total` only when asked), `include[]=schedule_layers` on the schedule list,
 * overrides within `since`/`until`, and `429` with `Retry-After` when the test or bench asks for it. Pure: a request
 * in, an answer out.
 */
import type { AccountExport } from '../../migrate/account';
import type { ApiAnswer, ApiRequest } from './handler';
import { PD_KEYS } from '../../migrate/pagerduty/api-types';

export interface PagerDutyAccountOptions {
  readonly token: string;
  /** Answer `429` (with `Retry-After: <seconds>`) to the n-th request (from 0) of `path` when this says so. */
  readonly throttle?: (n: number, path: string) => number | undefined;
}

const LISTS: Record<string, string> = {
  '/users': 'users',
  '/teams': 'teams',
  '/schedules': 'schedules',
  '/escalation_policies': 'escalation_policies',
  '/services': 'services',
  '/vendors': 'vendors',
};

const error = (status: number, code: number, message: string): ApiAnswer => ({ status, body: { error: { code, message } } });

function page(all: readonly unknown[], field: string, query: URLSearchParams): ApiAnswer {
  const offset = Math.max(0, Number(query.get('offset') ?? 0) || 0);
  const limit = Math.min(100, Math.max(1, Number(query.get('limit') ?? 25) || 25));
  const items = all.slice(offset, offset + limit);
  const total = query.get('total') === 'true' ? all.length : null;
  return { status: 200, body: { [field]: items, offset, limit, more: offset + items.length < all.length, total } };
}

function withoutLayers(schedule: unknown): unknown {
  const { schedule_layers: _layers, ...rest } = schedule as Record<string, unknown>;
  return rest;
}

export function pagerdutyAccountHandler(account: AccountExport, options: PagerDutyAccountOptions) {
  let n = 0;
  const get = (key: string) => account.endpoints.get(key) ?? [];
  return (req: ApiRequest): ApiAnswer => {
    const wait = options.throttle?.(n++, req.path);
    if (wait !== undefined) return { ...error(429, 2020, 'Rate Limit Exceeded'), headers: { 'Retry-After': String(wait) } };
    if (req.headers.authorization !== `Token token=${options.token}`) return error(401, 2006, 'Authentication failed');
    if (req.method !== 'GET') return error(405, 2100, 'Method not allowed');
    const list = LISTS[req.path];
    if (list !== undefined) {
      const all = get(list);
      const layers = list === 'schedules' && req.query.getAll('include[]').includes('schedule_layers');
      return page(list === 'schedules' && !layers ? all.map(withoutLayers) : all, list, req.query);
    }
    let m = /^\/users\/([^/]+)\/(contact_methods|notification_rules)$/.exec(req.path);
    if (m) {
      const user = decodeURIComponent(m[1]!);
      if (!get(PD_KEYS.users).some((u) => (u as { id: string }).id === user)) return error(404, 2100, 'Not Found');
      const key = m[2] === 'contact_methods' ? PD_KEYS.contactMethods(user) : PD_KEYS.notificationRules(user);
      return { status: 200, body: { [m[2]!]: get(key) } };
    }
    m = /^\/teams\/([^/]+)\/members$/.exec(req.path);
    if (m) return page(get(PD_KEYS.members(decodeURIComponent(m[1]!))), 'members', req.query);
    m = /^\/schedules\/([^/]+)\/overrides$/.exec(req.path);
    if (m) {
      const since = Date.parse(req.query.get('since') ?? '');
      const until = Date.parse(req.query.get('until') ?? '');
      if (Number.isNaN(since) || Number.isNaN(until)) return error(400, 2001, 'Invalid Input Provided: since and until are required');
      const overrides = get(PD_KEYS.overrides(decodeURIComponent(m[1]!))).filter((o) => {
        const { start, end } = o as { start: string; end: string };
        return Date.parse(start) < until && Date.parse(end) > since;
      });
      // The description lists `201` as this operation's answer.
      return { status: 201, body: { overrides } };
    }
    m = /^\/services\/([^/]+)\/integrations\/([^/]+)$/.exec(req.path);
    if (m) {
      const id = decodeURIComponent(m[2]!);
      const integration = get(PD_KEYS.integrations(decodeURIComponent(m[1]!))).find((i) => (i as { id: string }).id === id);
      return integration === undefined ? error(404, 2100, 'Not Found') : { status: 200, body: { integration } };
    }
    return error(404, 2100, 'Not Found');
  };
}
