/**
 * A generated incident history as Datadog On-Call's list of pages tells it (`GET /api/v2/on-call/pages`, see
 * test/fixtures/openapi/README.md for where its shape comes from), and a pure handler answering it with
 * `page[number]`/`page[size]` paging (oldest first; `page[number] × page[size]` under 50,000, as Datadog documents)
 * and 429 on demand. A page carries its creation, first acknowledgement and closure times, status, urgency, tags
 * and services, the team paged and the user who closed it (`included` users); Datadog gives no timeline of the
 * escalation steps nor who acknowledged.
 */
import type { GeneratedIncident, IncidentHistory } from '../incidents/history';
import type { ApiAnswer, ApiRequest } from './handler';
import { intParam, isoUtc, throttle, type HandlerOptions } from './incident-api';

const uuid = (block: string, n: number): string => `00000000-0000-4000-${block}-${String(n).padStart(12, '0')}`;
export const datadogPageId = (incident: GeneratedIncident): string => uuid('8000', incident.number);

export function datadogPage(history: IncidentHistory, incident: GeneratedIncident): Record<string, unknown> {
  const r = incident.record;
  const userIds = new Map(history.people.map((p, i) => [p.email, uuid('a000', i + 1)]));
  const teamIds = new Map(history.squads.map((s, i) => [s.id, uuid('b000', i + 1)]));
  const last = incident.timeline[incident.timeline.length - 1]!.at;
  const status = r.resolvedAt !== undefined ? 'resolved' : r.acknowledgedAt !== undefined ? 'acknowledged' : 'triggered';
  return {
    id: datadogPageId(incident),
    type: 'pages',
    attributes: {
      created_at: isoUtc(r.createdAt),
      ...(r.acknowledgedAt !== undefined ? { acknowledged_at: isoUtc(r.acknowledgedAt) } : {}),
      ...(r.resolvedAt !== undefined ? { closed_at: isoUtc(r.resolvedAt) } : {}),
      modified_at: isoUtc(last),
      description: `${r.title} (${incident.key})`,
      key: String(incident.number),
      status,
      tags: [...r.tags],
      title: r.title,
      urgency: r.urgency ?? 'high',
      services: [incident.service],
    },
    relationships: {
      target: { data: { id: teamIds.get(incident.squad)!, type: 'team' } },
      ...(r.resolvedBy ? { closed_by: { data: { id: userIds.get(r.resolvedBy)!, type: 'users' } } } : {}),
    },
  };
}

function included(history: IncidentHistory, pages: readonly Record<string, unknown>[]): Record<string, unknown>[] {
  const userIds = new Map(history.people.map((p, i) => [uuid('a000', i + 1), p]));
  const teamIds = new Map(history.squads.map((s, i) => [uuid('b000', i + 1), s]));
  const out = new Map<string, Record<string, unknown>>();
  for (const page of pages) {
    const rel = page.relationships as Record<string, { data: { id: string; type: string } } | undefined>;
    for (const ref of [rel.target?.data, rel.closed_by?.data]) {
      if (!ref || out.has(ref.id)) continue;
      const user = userIds.get(ref.id);
      const team = teamIds.get(ref.id);
      if (user) out.set(ref.id, { id: ref.id, type: 'users', attributes: { email: user.email, handle: user.email, name: user.name } });
      else if (team) out.set(ref.id, { id: ref.id, type: 'team', attributes: { handle: team.id, name: team.name } });
    }
  }
  return [...out.values()];
}

export function datadogIncidentsHandler(history: IncidentHistory, options: HandlerOptions = {}) {
  const throttled = throttle(options.throttleEvery);
  const max = Math.min(options.pageSize ?? 1000, 1000);
  return (request: ApiRequest): ApiAnswer => {
    if (throttled()) return { status: 429, body: { errors: ['Too many requests'] }, headers: { 'Retry-After': '0' } };
    if (request.path !== '/api/v2/on-call/pages') return { status: 404, body: { errors: ['Not found'] } };
    const size = Math.min(intParam(request.query, 'page[size]', 10) || 10, max);
    const number = intParam(request.query, 'page[number]', 0);
    if (number * size >= 50_000)
      return { status: 400, body: { errors: ['page[number] multiplied by page[size] must be less than 50000'] } };
    const data = history.incidents.slice(number * size, (number + 1) * size).map((i) => datadogPage(history, i));
    return {
      status: 200,
      body: {
        data,
        included: included(history, data),
        meta: { page: { total_count: history.incidents.length, total_filtered_count: history.incidents.length } },
      },
    };
  };
}
