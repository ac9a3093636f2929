/**
 * Reading a Datadog account's monitors and synthetic tests: from its API with an API key and an application key
 * (read-only keys do), following each list's pages, or from a directory of exports (`monitor.json`,
 * `synthetics/tests.json`, `synthetics/tests/api/<public_id>.json`).
 */
import type { AccountExport, AccountSource } from '../account';
import { readExportDir } from '../export-dir';
import { getJson, type GetOptions } from '../http';
import { apiTestKey, MONITORS_KEY, TESTS_KEY, type ApiMonitor, type ApiSyntheticsTest } from './api-types';

export const MONITORS_PAGE_SIZE = 1000;
export const TESTS_PAGE_SIZE = 100;

/** The API of a Datadog site (`datadoghq.eu`, `us3.datadoghq.com`…): `https://api.<site>`. */
export function datadogApiUrl(site: string | undefined): string {
  return `https://api.${site && site.trim() !== '' ? site.trim() : 'datadoghq.com'}`;
}

export function monitorsHeadersFromEnv(
  env: NodeJS.ProcessEnv | Readonly<Record<string, string | undefined>>,
): { headers: Record<string, string> } | { missing: string[] } {
  const api = env.DD_API_KEY;
  const app = env.DD_APP_KEY;
  const missing = [api ? undefined : 'DD_API_KEY', app ? undefined : 'DD_APP_KEY'].filter((x): x is string => x !== undefined);
  return api && app ? { headers: { 'DD-API-KEY': api, 'DD-APPLICATION-KEY': app } } : { missing };
}

class ShapeError extends Error {}

function arrayOf(value: unknown, where: string): unknown[] {
  if (!Array.isArray(value)) throw new ShapeError(`${where}: expected a list`);
  return value;
}

export async function readMonitorsAccount(source: AccountSource, options: Partial<GetOptions> = {}): Promise<AccountExport> {
  if (source.kind === 'dir') return readExportDir('datadog', source.dir);
  const base = source.baseUrl.replace(/\/+$/, '');
  const get = (path: string) => getJson(`${base}${path}`, { ...options, headers: source.headers });
  const monitors: ApiMonitor[] = [];
  for (let page = 0; ; page++) {
    const list = arrayOf(await get(`/api/v1/monitor?page=${page}&page_size=${MONITORS_PAGE_SIZE}`), 'GET /api/v1/monitor') as ApiMonitor[];
    monitors.push(...list);
    if (list.length < MONITORS_PAGE_SIZE) break;
  }
  const tests: ApiSyntheticsTest[] = [];
  for (let page = 0; ; page++) {
    const answer = (await get(`/api/v1/synthetics/tests?page_size=${TESTS_PAGE_SIZE}&page_number=${page}`)) as { tests?: unknown };
    const list = arrayOf(answer?.tests, 'GET /api/v1/synthetics/tests') as ApiSyntheticsTest[];
    tests.push(...list);
    if (list.length < TESTS_PAGE_SIZE) break;
  }
  const endpoints = new Map<string, unknown[]>([
    [MONITORS_KEY, monitors],
    [TESTS_KEY, tests],
  ]);
  // The list leaves out the steps of multistep tests: each is read on its own.
  for (const t of tests.filter((x) => x.type === 'api' && x.subtype === 'multi'))
    endpoints.set(apiTestKey(t.public_id), [await get(`/api/v1/synthetics/tests/api/${encodeURIComponent(t.public_id)}`)]);
  return { backend: 'datadog', endpoints };
}
