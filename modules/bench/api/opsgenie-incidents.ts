/**
 * A generated incident history as Opsgenie's Alert API tells it (opsgenie/opsgenie-oas swagger.json: `listAlerts`,
 * `listLogs`), and a pure handler answering those operations: alerts filtered by a `createdAt` search query,
 * offset paging and sorting; logs paged by the offset key of the last log read; 429 on demand.
 *
 * The alert's `report` carries the acknowledgement and the closure (times in ms since creation, and who). The logs'
 * texts are free text in Opsgenie's description; the history writes them as below, and the reader reads these
 * forms (modules/reports/opsgenie/read.ts):
 *   `Alert created via Datadog`; `Escalation [<policy>] rule <n> notified [<e-mail>, …]` per level reached;
 *   `Alert owner changed to [<e-mail>]` (owner: who reassigned); `Alert acknowledged via Web`;
 *   `Alert closed via Web` (owner: who closed) or `Alert closed via Datadog` (the monitor recovered).
 */
import type { GeneratedIncident, IncidentHistory } from '../incidents/history';
import type { ApiAnswer, ApiRequest } from './handler';
import { intParam, isoUtc, throttle, type HandlerOptions } from './incident-api';

const INTEGRATION = { id: '2f8e9d0c-0000-4000-8000-00000000dd01', name: 'Datadog', type: 'Datadog' };

export const opsgenieAlertId = (incident: GeneratedIncident): string =>
  `00000000-0000-4000-8000-${String(incident.number).padStart(12, '0')}`;

const meta = (n: number) => ({ took: 0.01, requestId: `req-${String(n).padStart(8, '0')}` });

export function opsgenieAlert(incident: GeneratedIncident): Record<string, unknown> {
  const r = incident.record;
  const last = incident.timeline[incident.timeline.length - 1]!.at;
  const report: Record<string, unknown> = {};
  if (r.acknowledgedAt !== undefined) {
    report.ackTime = r.acknowledgedAt - r.createdAt;
    report.acknowledgedBy = r.acknowledgedBy;
  }
  if (r.resolvedAt !== undefined) {
    report.closeTime = r.resolvedAt - r.createdAt;
    report.closedBy = r.resolvedBy ?? INTEGRATION.name;
  }
  return {
    id: opsgenieAlertId(incident),
    tinyId: String(incident.number),
    alias: incident.key,
    message: r.title,
    status: r.resolvedAt !== undefined ? 'closed' : 'open',
    acknowledged: r.acknowledgedAt !== undefined,
    isSeen: true,
    tags: [...r.tags],
    snoozed: false,
    count: 1,
    lastOccurredAt: isoUtc(r.createdAt),
    createdAt: isoUtc(r.createdAt),
    updatedAt: isoUtc(last),
    source: 'Datadog',
    owner: r.acknowledgedBy ?? '',
    ...(r.priority ? { priority: r.priority } : {}),
    integration: INTEGRATION,
    report,
  };
}

export function opsgenieLogs(incident: GeneratedIncident): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const log = (at: number, type: string, owner: string, text: string): void => {
    out.push({ log: text, type, owner, createdAt: isoUtc(at), offset: `${at}_${String(out.length + 1).padStart(4, '0')}` });
  };
  for (const e of incident.timeline) {
    if (e.kind === 'trigger') log(e.at, 'system', 'System', 'Alert created via Datadog');
    else if (e.kind === 'notify')
      log(e.at, 'system', 'System', `Escalation [${incident.escalation}] rule ${e.level} notified [${e.to.join(', ')}]`);
    else if (e.kind === 'reassign') log(e.at, 'action', e.by, `Alert owner changed to [${e.to}]`);
    else if (e.kind === 'acknowledge') log(e.at, 'action', e.by, 'Alert acknowledged via Web');
    else log(e.at, 'action', e.by ?? 'System', e.by ? 'Alert closed via Web' : 'Alert closed via Datadog');
  }
  return out;
}

/** `createdAt>=<ms> AND createdAt<<ms>` (either part optional): the window of the search, or undefined for all. */
function window(query: string | null): { from: number; to: number } | undefined {
  if (query === null || query.trim() === '') return undefined;
  const from = /createdAt\s*>=\s*(\d+)/.exec(query);
  const to = /createdAt\s*<\s*(\d+)/.exec(query);
  return { from: from ? Number(from[1]) : -Infinity, to: to ? Number(to[1]) : Infinity };
}

export function opsgenieIncidentsHandler(history: IncidentHistory, options: HandlerOptions = {}) {
  const throttled = throttle(options.throttleEvery);
  const max = Math.min(options.pageSize ?? 100, 100);
  const base = options.baseUrl ?? 'https://api.opsgenie.com';
  const byId = new Map(history.incidents.map((i) => [opsgenieAlertId(i), i]));
  let served = 0;
  return (request: ApiRequest): ApiAnswer => {
    served++;
    if (throttled())
      return {
        status: 429,
        body: { ...meta(served), message: 'You are making too many requests!', code: 42900 },
        headers: { 'Retry-After': '0' },
      };
    const q = request.query;
    if (request.path === '/v2/alerts') {
      const w = window(q.get('query'));
      const listed = history.incidents.filter((i) => !w || (i.record.createdAt >= w.from && i.record.createdAt < w.to));
      if (q.get('order') !== 'asc') listed.reverse();
      const limit = Math.min(intParam(q, 'limit', 20) || 20, max);
      const offset = intParam(q, 'offset', 0);
      const items = listed.slice(offset, offset + limit).map(opsgenieAlert);
      const link = (o: number): string => {
        const next = new URLSearchParams(q);
        next.set('offset', String(o));
        next.set('limit', String(limit));
        return `${base}/v2/alerts?${next}`;
      };
      const paging: Record<string, string> = { first: link(0), last: link(Math.max(0, Math.floor((listed.length - 1) / limit) * limit)) };
      if (offset + items.length < listed.length) paging.next = link(offset + limit);
      if (offset > 0) paging.prev = link(Math.max(0, offset - limit));
      return { status: 200, body: { ...meta(served), data: items, paging } };
    }
    const m = /^\/v2\/alerts\/([^/]+)\/logs$/.exec(request.path);
    const incident = m ? byId.get(decodeURIComponent(m[1]!)) : undefined;
    if (!incident || (q.get('identifierType') ?? 'id') !== 'id')
      return { status: 404, body: { ...meta(served), message: 'Alert does not exist' } };
    const logs = opsgenieLogs(incident);
    if (q.get('order') !== 'asc') logs.reverse();
    const after = q.get('offset');
    const start = after === null ? 0 : logs.findIndex((l) => l.offset === after) + 1;
    const limit = Math.min(intParam(q, 'limit', 20) || 20, max);
    const items = logs.slice(start, start + limit);
    const paging: Record<string, string> = { first: `${base}/v2/alerts/${m![1]}/logs?identifierType=id&order=${q.get('order') ?? 'desc'}` };
    if (start + items.length < logs.length)
      paging.next = `${paging.first}&offset=${String(items[items.length - 1]?.offset)}&direction=next`;
    return { status: 200, body: { ...meta(served), data: items, paging } };
  };
}
