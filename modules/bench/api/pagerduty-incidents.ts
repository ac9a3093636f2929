/**
 * A generated incident history as PagerDuty's REST API tells it (PagerDuty/api-schema, reference/REST/openapiv3.json:
 * `listIncidents`, `listIncidentLogEntries`, `listUsers`), and a pure handler answering those operations with
 * offset paging, `since`/`until` (at most 180 days apart, as PagerDuty requires), times in the `time_zone` asked
 * (or the account's), and 429 on demand.
 *
 * Log entries: the trigger (its channel carries the event's details, with the monitor's tags, when
 * `include[]=channels`); an assignment by the policy (agent: the service) for the first level; a notification per
 * person; an escalation per further level (`escalate_log_entry`, its assignees); a reassignment by a person
 * (`assign_log_entry` whose agent is that user); the acknowledgement and the resolution (agent: the user, or the
 * service when the monitor recovered).
 */
import type { GeneratedIncident, IncidentHistory, TimelineEvent } from '../incidents/history';
import type { ApiAnswer, ApiRequest } from './handler';
import { intParam, isoInZone, throttle, type HandlerOptions } from './incident-api';

const API = 'https://api.pagerduty.com';
const WEB = 'https://acme.pagerduty.com';
const MAX_RANGE_MS = 180 * 24 * 3600_000;

const id = (prefix: string, n: number): string => `${prefix}${String(n).padStart(5, '0')}`;

export interface PagerDutyIncidentsOptions extends HandlerOptions {
  /** The zone times are written in when the request gives no `time_zone` (the account's; default UTC). */
  readonly accountZone?: string;
}

interface Ids {
  readonly user: Map<string, string>;
  readonly name: Map<string, string>;
  readonly service: Map<string, string>;
  readonly team: Map<string, string>;
}

const idsCache = new WeakMap<IncidentHistory, Ids>();

/** Computed once per history: every answer names users, services and teams by these ids. */
function idsOf(history: IncidentHistory): Ids {
  const known = idsCache.get(history);
  if (known) return known;
  const ids = {
    user: new Map(history.people.map((p, i) => [p.email, id('PU', i + 1)])),
    name: new Map(history.people.map((p) => [p.email, p.name])),
    service: new Map(history.services.map((s, i) => [s.id, id('PS', i + 1)])),
    team: new Map(history.squads.map((s, i) => [s.id, id('PT', i + 1)])),
  };
  idsCache.set(history, ids);
  return ids;
}

const incidentId = (incident: GeneratedIncident): string => id('PI', incident.number);

/** The users of the account, as `GET /users` lists them. */
export function pagerDutyUsers(history: IncidentHistory): Record<string, unknown>[] {
  const ids = idsOf(history);
  return history.people.map((p) => {
    const userId = ids.user.get(p.email)!;
    return {
      id: userId,
      type: 'user',
      summary: p.name,
      name: p.name,
      email: p.email,
      time_zone: p.timezone,
      self: `${API}/users/${userId}`,
      html_url: `${WEB}/users/${userId}`,
    };
  });
}

function references(history: IncidentHistory, ids: Ids, incident: GeneratedIncident) {
  const service = history.services.find((s) => s.id === incident.service)!;
  const squad = history.squads.find((s) => s.id === incident.squad)!;
  const serviceId = ids.service.get(service.id)!;
  const teamId = ids.team.get(squad.id)!;
  const names = ids.name;
  const user = (email: string) => {
    const userId = ids.user.get(email)!;
    return {
      id: userId,
      type: 'user_reference',
      summary: names.get(email)!,
      self: `${API}/users/${userId}`,
      html_url: `${WEB}/users/${userId}`,
    };
  };
  return {
    service: {
      id: serviceId,
      type: 'service_reference',
      summary: service.name,
      self: `${API}/services/${serviceId}`,
      html_url: `${WEB}/service-directory/${serviceId}`,
    },
    team: { id: teamId, type: 'team_reference', summary: squad.name, self: `${API}/teams/${teamId}`, html_url: `${WEB}/teams/${teamId}` },
    user,
  };
}

function statusAt(incident: GeneratedIncident): 'triggered' | 'acknowledged' | 'resolved' {
  return incident.record.resolvedAt !== undefined
    ? 'resolved'
    : incident.record.acknowledgedAt !== undefined
      ? 'acknowledged'
      : 'triggered';
}

export function pagerDutyIncident(history: IncidentHistory, incident: GeneratedIncident, zone: string): Record<string, unknown> {
  const ids = idsOf(history);
  const refs = references(history, ids, incident);
  const r = incident.record;
  const pid = incidentId(incident);
  const last = incident.timeline[incident.timeline.length - 1]!.at;
  const priority = r.priority ? { id: `PP${r.priority}`, type: 'priority', summary: r.priority, name: r.priority } : undefined;
  return {
    id: pid,
    type: 'incident',
    summary: `[#${incident.number}] ${r.title}`,
    self: `${API}/incidents/${pid}`,
    html_url: `${WEB}/incidents/${pid}`,
    incident_number: incident.number,
    title: r.title,
    created_at: isoInZone(r.createdAt, zone),
    updated_at: isoInZone(last, zone),
    status: statusAt(incident),
    incident_key: incident.key,
    service: refs.service,
    assignments: [],
    assigned_via: incident.timeline.some((e) => e.kind === 'reassign') ? 'direct_assignment' : 'escalation_policy',
    last_status_change_at: isoInZone(last, zone),
    ...(r.resolvedAt !== undefined ? { resolved_at: isoInZone(r.resolvedAt, zone) } : {}),
    urgency: r.urgency ?? 'high',
    ...(priority ? { priority } : {}),
    teams: [refs.team],
  };
}

/** The incident's log entries, oldest first; the trigger's channel details only when asked (`include[]=channels`). */
export function pagerDutyLogEntries(
  history: IncidentHistory,
  incident: GeneratedIncident,
  zone: string,
  channels: boolean,
): Record<string, unknown>[] {
  const ids = idsOf(history);
  const refs = references(history, ids, incident);
  const pid = incidentId(incident);
  const r = incident.record;
  const out: Record<string, unknown>[] = [];
  const entry = (type: string, at: number, summary: string, extra: Record<string, unknown>): void => {
    const entryId = `Q${String(incident.number).padStart(5, '0')}${String(out.length + 1).padStart(3, '0')}`;
    out.push({
      id: entryId,
      type,
      summary,
      self: `${API}/log_entries/${entryId}`,
      html_url: `${WEB}/incidents/${pid}/log_entries/${entryId}`,
      created_at: isoInZone(at, zone),
      service: refs.service,
      incident: {
        id: pid,
        type: 'incident_reference',
        summary: `[#${incident.number}] ${r.title}`,
        self: `${API}/incidents/${pid}`,
        html_url: `${WEB}/incidents/${pid}`,
      },
      teams: [refs.team],
      ...extra,
    });
  };
  for (const event of incident.timeline as TimelineEvent[]) {
    switch (event.kind) {
      case 'trigger':
        entry('trigger_log_entry', event.at, 'Triggered through the API', {
          agent: refs.service,
          channel: channels
            ? { type: 'api', summary: r.title, incident_key: incident.key, details: { tags: r.tags.join(',') } }
            : { type: 'api', incident_key: incident.key },
        });
        break;
      case 'notify':
        if (event.level === 1)
          entry('assign_log_entry', event.at, `Assigned to ${event.to.join(', ')}.`, {
            agent: refs.service,
            assignees: event.to.map(refs.user),
          });
        else
          entry('escalate_log_entry', event.at, `Escalated to level ${event.level} by timeout.`, {
            agent: refs.service,
            assignees: event.to.map(refs.user),
          });
        for (const email of event.to) entry('notify_log_entry', event.at, `Notified ${email}.`, { user: refs.user(email) });
        break;
      case 'reassign':
        entry('assign_log_entry', event.at, `Reassigned to ${event.to}.`, { agent: refs.user(event.by), assignees: [refs.user(event.to)] });
        entry('notify_log_entry', event.at, `Notified ${event.to}.`, { user: refs.user(event.to) });
        break;
      case 'acknowledge':
        entry('acknowledge_log_entry', event.at, `Acknowledged by ${event.by}.`, {
          agent: refs.user(event.by),
          acknowledgement_timeout: 1800,
        });
        break;
      case 'resolve':
        entry('resolve_log_entry', event.at, event.by ? `Resolved by ${event.by}.` : 'Resolved through the API.', {
          agent: event.by ? refs.user(event.by) : refs.service,
        });
        break;
    }
  }
  return out;
}

function page(list: readonly unknown[], query: URLSearchParams, max: number, key: string): ApiAnswer {
  const limit = Math.min(intParam(query, 'limit', 25) || 25, max, 100);
  const offset = intParam(query, 'offset', 0);
  const items = list.slice(offset, offset + limit);
  const total = query.get('total') === 'true' ? list.length : null;
  return { status: 200, body: { [key]: items, limit, offset, more: offset + items.length < list.length, total } };
}

const error = (status: number, message: string, code: number): ApiAnswer => ({ status, body: { error: { message, code } } });

export function pagerDutyIncidentsHandler(history: IncidentHistory, options: PagerDutyIncidentsOptions = {}) {
  const throttled = throttle(options.throttleEvery);
  const max = options.pageSize ?? 100;
  const byId = new Map(history.incidents.map((i) => [incidentId(i), i]));
  const users = pagerDutyUsers(history);
  return (request: ApiRequest): ApiAnswer => {
    if (throttled()) return { ...error(429, 'Rate Limit Exceeded', 2020), headers: { 'Retry-After': '0' } };
    const zone = request.query.get('time_zone') ?? options.accountZone ?? 'UTC';
    if (request.method !== 'GET') return error(404, 'Not Found', 2100);
    if (request.path === '/users') return page(users, request.query, max, 'users');
    if (request.path === '/incidents') {
      const since = Date.parse(request.query.get('since') ?? '');
      const until = Date.parse(request.query.get('until') ?? '');
      if (Number.isNaN(since) || Number.isNaN(until) || until < since) return error(400, 'Invalid Input Provided', 2001);
      if (until - since > MAX_RANGE_MS) return error(400, 'Invalid Input Provided: the date range is over 6 months', 2001);
      // Only the incidents of the page asked are written out: a year is listed page by page.
      const listed = history.incidents.filter((i) => i.record.createdAt >= since && i.record.createdAt < until);
      const answer = page(listed, request.query, max, 'incidents');
      const body = answer.body as { incidents: typeof listed };
      return { ...answer, body: { ...body, incidents: body.incidents.map((i) => pagerDutyIncident(history, i, zone)) } };
    }
    const m = /^\/incidents\/([^/]+)\/log_entries$/.exec(request.path);
    const incident = m ? byId.get(decodeURIComponent(m[1]!)) : undefined;
    if (!incident) return error(404, 'Not Found', 2100);
    const channels = request.query.getAll('include[]').includes('channels');
    return page(pagerDutyLogEntries(history, incident, zone, channels), request.query, max, 'log_entries');
  };
}
