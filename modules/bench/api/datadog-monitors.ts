/**
 * A Datadog account's monitors and synthetic tests served from a data set: GET /api/v1/monitor (`page` from 0 and
 * `page_size` up to 1000, everything when `page` is absent), GET /api/v1/synthetics/tests (`page_number` from 0,
 * `page_size` default 100; the list leaves out multistep tests' steps), GET /api/v1/synthetics/tests/api/{id}
 * (DataDog/datadog-api-client-typescript@a6d174205 .generator/schemas/v1/openapi.yaml, `ListMonitors`, `ListTests`,
 * `GetAPITest`). Both keys are checked (`DD-API-KEY`, `DD-APPLICATION-KEY`); `429` with `Retry-After` when
 * the data set's `throttle` says so. Pure: the tests wrap it in the validating server, the benchmark in node:http.
 */
import type { ApiMonitor, ApiSyntheticsTest } from '../../migrate/datadog-monitors/api-types';
import type { ApiAnswer, ApiRequest } from './handler';

export interface MonitorsAccount {
  readonly monitors: readonly ApiMonitor[];
  /** Full tests (with `config.steps` for multistep tests). */
  readonly tests: readonly ApiSyntheticsTest[];
  readonly apiKey: string;
  readonly appKey: string;
  /** Called with the number of each request (from 1): seconds to send in `Retry-After` with a 429, or undefined. */
  readonly throttle?: (request: number) => number | undefined;
}

const error = (status: number, message: string): ApiAnswer => ({ status, body: { errors: [message] } });

function intParam(query: URLSearchParams, name: string): number | undefined | null {
  const raw = query.get(name);
  if (raw === null) return undefined;
  return /^[0-9]+$/.test(raw) ? Number(raw) : null;
}

function withoutSteps(t: ApiSyntheticsTest): ApiSyntheticsTest {
  if (!t.config?.steps) return t;
  const { steps: _steps, ...config } = t.config;
  return { ...t, config };
}

export function datadogMonitorsHandler(account: MonitorsAccount): (call: ApiRequest) => ApiAnswer {
  let requests = 0;
  return (call) => {
    requests++;
    const wait = account.throttle?.(requests);
    if (wait !== undefined) return { ...error(429, 'Too many requests'), headers: { 'Retry-After': String(wait) } };
    if (call.headers['dd-api-key'] !== account.apiKey || call.headers['dd-application-key'] !== account.appKey)
      return error(403, 'Forbidden');
    if (call.method !== 'GET') return error(404, 'Not found');
    if (call.path === '/api/v1/monitor') {
      const page = intParam(call.query, 'page');
      const size = intParam(call.query, 'page_size');
      if (page === null || size === null || (size !== undefined && (size < 1 || size > 1000)))
        return error(400, 'page and page_size must be numbers; page_size at most 1000');
      if (page === undefined) return { status: 200, body: account.monitors };
      const n = size ?? 100;
      return { status: 200, body: account.monitors.slice(page * n, (page + 1) * n) };
    }
    if (call.path === '/api/v1/synthetics/tests') {
      const page = intParam(call.query, 'page_number');
      const size = intParam(call.query, 'page_size');
      if (page === null || size === null || size === 0) return error(400, 'page_number and page_size must be numbers');
      const n = size ?? 100;
      const p = page ?? 0;
      return { status: 200, body: { tests: account.tests.slice(p * n, (p + 1) * n).map(withoutSteps) } };
    }
    const one = /^\/api\/v1\/synthetics\/tests\/api\/([^/]+)$/.exec(call.path);
    if (one) {
      const t = account.tests.find((x) => x.public_id === decodeURIComponent(one[1] ?? ''));
      return t && t.type === 'api' ? { status: 200, body: t } : error(404, 'Synthetic test not found');
    }
    return error(404, 'Not found');
  };
}
