/**
 * Opsgenie alerts and their logs → IncidentRecord (opsgenie/opsgenie-oas, commit 71c5534, swagger.json:
 * `listAlerts`, `listLogs`).
 *
 * Read with a read-only key: `GET /v2/alerts` searched by creation time (`createdAt>=<ms> AND createdAt<<ms>`,
 * in windows of 30 days so that offset paging stays under Opsgenie's 20,000), sorted by `createdAt` ascending;
 * then each alert's `GET /v2/alerts/{id}/logs`, paged by the offset key of the last log read.
 *
 * The acknowledgement and the closure come from the alert's `report` (`ackTime`, `closeTime`: ms since creation;
 * `acknowledgedBy`, `closedBy`: a user name, the e-mail; a closure by an integration names the integration, read
 * as nobody). Opsgenie has no urgency. The escalation levels come from the logs, which the description leaves as
 * free text; these forms are read: `Escalation [<policy>] rule <n> notified [<e-mail>, …]` (level n) and
 * `Alert owner changed to [<e-mail>]` (a reassignment, at the level reached).
 */
import { getJson } from '../../migrate/http';
import type { AccountExport, AccountSource } from '../../migrate/account';
import type { IncidentEscalation, IncidentRecord } from '../incident-record';
import { IncidentReadError, instant, isRecord, objectsOf, priorityOf, tagValue, windows } from '../read-common';

export const OPSGENIE_API = 'https://api.opsgenie.com';

export function opsgenieHeadersFromEnv(
  env: NodeJS.ProcessEnv,
): { readonly headers: Record<string, string> } | { readonly missing: readonly string[] } {
  const key = env.OPSGENIE_API_KEY;
  return key ? { headers: { Authorization: `GenieKey ${key}` } } : { missing: ['OPSGENIE_API_KEY'] };
}

type Source = Extract<AccountSource, { kind: 'api' }>;

async function list(source: Source, path: string, params: URLSearchParams): Promise<{ data: unknown[]; next: boolean }> {
  const answer = await getJson(`${source.baseUrl.replace(/\/+$/, '')}${path}?${params}`, { headers: source.headers });
  const data = isRecord(answer) ? answer.data : undefined;
  if (!Array.isArray(data)) throw new IncidentReadError(`GET ${path}: the answer has no \`data\` list`);
  const paging = isRecord(answer) && isRecord(answer.paging) ? answer.paging : {};
  return { data, next: typeof paging.next === 'string' && data.length > 0 };
}

/** Reads the alerts created in [since, until) and their logs, as an export. */
export async function readOpsgenieIncidentsExport(source: Source, since: number, until: number): Promise<AccountExport> {
  const endpoints = new Map<string, unknown[]>();
  const alerts = new Map<string, unknown>();
  for (const [from, to] of windows(since, until, 30)) {
    for (let offset = 0; ; ) {
      const params = new URLSearchParams({
        query: `createdAt>=${from} AND createdAt<${to}`,
        sort: 'createdAt',
        order: 'asc',
        limit: '100',
        offset: String(offset),
      });
      const page = await list(source, '/v2/alerts', params);
      for (const alert of page.data) if (isRecord(alert)) alerts.set(String(alert.id), alert);
      if (!page.next) break;
      offset += page.data.length;
    }
  }
  endpoints.set('alerts', [...alerts.values()]);
  for (const id of alerts.keys()) {
    const logs: unknown[] = [];
    const path = `/v2/alerts/${encodeURIComponent(id)}/logs`;
    for (let after: string | undefined; ; ) {
      const params = new URLSearchParams({
        identifierType: 'id',
        order: 'asc',
        limit: '100',
        ...(after ? { offset: after, direction: 'next' } : {}),
      });
      const page = await list(source, path, params);
      logs.push(...page.data);
      const last = page.data[page.data.length - 1];
      if (!page.next || !isRecord(last) || typeof last.offset !== 'string') break;
      after = last.offset;
    }
    endpoints.set(`alerts/${id}/logs`, logs);
  }
  return { backend: 'opsgenie', endpoints };
}

const NOTIFIED = /^Escalation \[(.*)\] rule (\d+) notified \[(.*)\]$/;
const REASSIGNED = /^Alert owner changed to \[(.+)\]$/;

function alertRecord(alert: Record<string, unknown>, logs: Record<string, unknown>[]): IncidentRecord {
  const id = String(alert.id);
  const where = `alert ${id}`;
  const createdAt = instant(alert.createdAt, `${where}, createdAt`);
  const tags = Array.isArray(alert.tags) ? alert.tags.filter((t): t is string => typeof t === 'string') : [];
  const report = isRecord(alert.report) ? alert.report : {};
  const ms = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
  const ackTime = ms(report.ackTime);
  const closeTime = ms(report.closeTime);
  const person = (v: unknown): string | undefined => (typeof v === 'string' && v.includes('@') ? v : undefined);
  const timed = logs
    .map((log, index) => ({ log, index, at: instant(log.createdAt, `${where}, log ${String(log.offset)}`) }))
    .sort((a, b) => a.at - b.at || a.index - b.index);
  let level = 0;
  const escalations: IncidentEscalation[] = [];
  for (const { log, at } of timed) {
    const text = typeof log.log === 'string' ? log.log : '';
    const notified = NOTIFIED.exec(text);
    const reassigned = REASSIGNED.exec(text);
    if (notified) {
      level = Number(notified[2]);
      escalations.push({
        level,
        at,
        to: notified[3]!
          .split(',')
          .map((e) => e.trim())
          .filter((e) => e !== ''),
      });
    } else if (reassigned) escalations.push({ level: Math.max(level, 1), at, to: [reassigned[1]!.trim()] });
  }
  const priority = priorityOf(alert.priority);
  const service = tagValue(tags, 'service');
  const team = tagValue(tags, 'team');
  const acknowledgedBy = person(report.acknowledgedBy);
  const resolvedBy = person(report.closedBy);
  return {
    backend: 'opsgenie',
    id,
    title: typeof alert.message === 'string' ? alert.message : '',
    ...(service !== undefined ? { service } : {}),
    ...(team !== undefined ? { team } : {}),
    tags,
    ...(priority ? { priority } : {}),
    createdAt,
    ...(ackTime !== undefined ? { acknowledgedAt: createdAt + ackTime } : {}),
    ...(ackTime !== undefined && acknowledgedBy ? { acknowledgedBy } : {}),
    ...(closeTime !== undefined ? { resolvedAt: createdAt + closeTime } : {}),
    ...(closeTime !== undefined && resolvedBy ? { resolvedBy } : {}),
    escalations,
  };
}

/** Pure: the records of the alerts of an export created in [since, until), oldest first. */
export function opsgenieIncidents(account: AccountExport, since: number, until: number): IncidentRecord[] {
  return objectsOf(account, 'alerts')
    .map((alert) => alertRecord(alert, objectsOf(account, `alerts/${String(alert.id)}/logs`)))
    .filter((r) => r.createdAt >= since && r.createdAt < until)
    .sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
