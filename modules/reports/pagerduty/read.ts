/**
 * PagerDuty incidents and their log entries → IncidentRecord (PagerDuty/api-schema, commit 91a06fb,
 * reference/REST/openapiv3.json: `listIncidents`, `listIncidentLogEntries`, `listUsers`).
 *
 * Read with a read-only key: `GET /users` (e-mails by user id; log entries name users by reference only),
 * `GET /incidents?since&until` in windows of 90 days (PagerDuty refuses ranges over 6 months), and each incident's
 * `GET /incidents/{id}/log_entries?include[]=channels` (the trigger's channel carries the event's details, where
 * the Datadog integration puts the monitor's tags), all with offset paging. Times are read with the offset the
 * account's zone gives them.
 *
 * No `statuses[]` filter (every status is listed, PagerDuty's default) and no `time_zone` (times come in the
 * account's zone and are read with their offsets).
 *
 * Levels: PagerDuty's log entries carry no level number (`NotifyLogEntry` has only the user and the
 * notification; `EscalateLogEntry` and `AssignLogEntry` their assignees). The first assignment made by the policy
 * (its agent is not a user) is level 1; each `escalate_log_entry` is the next level, notifying its assignees; an
 * `assign_log_entry` made by a user is a reassignment, a notification at the level reached. Notifications are not
 * read: the assignees of a level are whom it notified. A repeat of the policy (`repeat_escalation_path_log_entry`)
 * is not counted: levels keep counting up.
 */
import { getJson } from '../../migrate/http';
import type { AccountExport, AccountSource } from '../../migrate/account';
import type { IncidentEscalation, IncidentRecord } from '../incident-record';
import { IncidentReadError, instant, isRecord, objectsOf, priorityOf, tagValue, windows } from '../read-common';

export const PAGERDUTY_API = 'https://api.pagerduty.com';

export function pagerDutyHeadersFromEnv(
  env: NodeJS.ProcessEnv,
): { readonly headers: Record<string, string> } | { readonly missing: readonly string[] } {
  const token = env.PAGERDUTY_TOKEN;
  if (!token) return { missing: ['PAGERDUTY_TOKEN'] };
  // The description requires Content-Type on every request, GET included (components/parameters/header_Content-Type).
  return {
    headers: {
      Authorization: `Token token=${token}`,
      Accept: 'application/vnd.pagerduty+json;version=2',
      'Content-Type': 'application/json',
    },
  };
}

type Source = Extract<AccountSource, { kind: 'api' }>;

async function pages(source: Source, path: string, params: Record<string, string>, key: string): Promise<unknown[]> {
  const out: unknown[] = [];
  for (let offset = 0; ; ) {
    const query = new URLSearchParams({ ...params, limit: '100', offset: String(offset) });
    const answer = await getJson(`${source.baseUrl.replace(/\/+$/, '')}${path}?${query}`, { headers: source.headers });
    const list = isRecord(answer) ? answer[key] : undefined;
    if (!Array.isArray(list)) throw new IncidentReadError(`GET ${path}: the answer has no \`${key}\` list`);
    out.push(...list);
    if (!(isRecord(answer) && answer.more === true) || list.length === 0) return out;
    offset += list.length;
  }
}

/** Reads the users, the incidents created in [since, until) and their log entries, as an export. */
export async function readPagerDutyIncidentsExport(source: Source, since: number, until: number): Promise<AccountExport> {
  const endpoints = new Map<string, unknown[]>();
  endpoints.set('users', await pages(source, '/users', {}, 'users'));
  const incidents: unknown[] = [];
  for (const [from, to] of windows(since, until, 90)) {
    const params = { since: new Date(from).toISOString(), until: new Date(to).toISOString() };
    incidents.push(...(await pages(source, '/incidents', params, 'incidents')));
  }
  // An incident on the edge of two windows is listed once.
  const unique = [...new Map(incidents.map((i) => [isRecord(i) ? i.id : i, i])).values()];
  endpoints.set('incidents', unique);
  for (const incident of unique) {
    if (!isRecord(incident) || typeof incident.id !== 'string') throw new IncidentReadError('GET /incidents: an incident without an id');
    const path = `/incidents/${encodeURIComponent(incident.id)}/log_entries`;
    endpoints.set(`incidents/${incident.id}/log_entries`, await pages(source, path, { 'include[]': 'channels' }, 'log_entries'));
  }
  return { backend: 'pagerduty', endpoints };
}

function tagsOf(details: unknown): string[] {
  const tags = isRecord(details) ? details.tags : undefined;
  if (Array.isArray(tags)) return tags.filter((t): t is string => typeof t === 'string');
  if (typeof tags === 'string')
    return tags
      .split(',')
      .map((t) => t.trim())
      .filter((t) => t !== '');
  return [];
}

function incidentRecord(
  incident: Record<string, unknown>,
  entries: Record<string, unknown>[],
  emails: ReadonlyMap<string, string>,
): IncidentRecord {
  const id = String(incident.id);
  const where = `incident ${id}`;
  const email = (ref: unknown): string | undefined =>
    isRecord(ref) && ref.type === 'user_reference' ? emails.get(String(ref.id)) : undefined;
  const assignees = (entry: Record<string, unknown>): string[] =>
    (Array.isArray(entry.assignees) ? entry.assignees : []).map(email).filter((e): e is string => e !== undefined);
  const timed = entries
    .map((entry, index) => ({ entry, index, at: instant(entry.created_at, `${where}, log entry ${String(entry.id)}`) }))
    .sort((a, b) => a.at - b.at || a.index - b.index);
  let level = 0;
  let tags: string[] = [];
  let acknowledgedAt: number | undefined;
  let acknowledgedBy: string | undefined;
  let resolvedAt: number | undefined;
  let resolvedBy: string | undefined;
  const escalations: IncidentEscalation[] = [];
  for (const { entry, at } of timed) {
    switch (entry.type) {
      case 'trigger_log_entry':
        if (tags.length === 0) tags = tagsOf(isRecord(entry.channel) ? entry.channel.details : undefined);
        break;
      case 'assign_log_entry':
        if (email(entry.agent) !== undefined) escalations.push({ level: Math.max(level, 1), at, to: assignees(entry) });
        else {
          level = Math.max(level, 1);
          escalations.push({ level, at, to: assignees(entry) });
        }
        break;
      case 'escalate_log_entry':
        level += 1;
        escalations.push({ level, at, to: assignees(entry) });
        break;
      case 'acknowledge_log_entry':
        if (acknowledgedAt === undefined) {
          acknowledgedAt = at;
          acknowledgedBy = email(entry.agent);
        }
        break;
      case 'resolve_log_entry':
        resolvedAt = at;
        resolvedBy = email(entry.agent);
        break;
    }
  }
  if (resolvedAt === undefined && typeof incident.resolved_at === 'string')
    resolvedAt = instant(incident.resolved_at, `${where}, resolved_at`);
  const service = isRecord(incident.service) ? incident.service.summary : undefined;
  const team = Array.isArray(incident.teams) && isRecord(incident.teams[0]) ? incident.teams[0].summary : undefined;
  const priority = priorityOf(isRecord(incident.priority) ? (incident.priority.summary ?? incident.priority.name) : undefined);
  const urgency = incident.urgency === 'high' || incident.urgency === 'low' ? incident.urgency : undefined;
  const serviceName = tagValue(tags, 'service') ?? (typeof service === 'string' ? service : undefined);
  const teamName = tagValue(tags, 'team') ?? (typeof team === 'string' ? team : undefined);
  return {
    backend: 'pagerduty',
    id,
    title: typeof incident.title === 'string' ? incident.title : '',
    ...(serviceName !== undefined ? { service: serviceName } : {}),
    ...(teamName !== undefined ? { team: teamName } : {}),
    tags,
    ...(priority ? { priority } : {}),
    ...(urgency ? { urgency } : {}),
    createdAt: instant(incident.created_at, `${where}, created_at`),
    ...(acknowledgedAt !== undefined ? { acknowledgedAt } : {}),
    ...(acknowledgedBy !== undefined ? { acknowledgedBy } : {}),
    ...(resolvedAt !== undefined ? { resolvedAt } : {}),
    ...(resolvedBy !== undefined ? { resolvedBy } : {}),
    escalations,
  };
}

/** Pure: the records of the incidents of an export created in [since, until), oldest first. */
export function pagerDutyIncidents(account: AccountExport, since: number, until: number): IncidentRecord[] {
  const emails = new Map(objectsOf(account, 'users').map((u) => [String(u.id), String(u.email)]));
  return objectsOf(account, 'incidents')
    .map((incident) => incidentRecord(incident, objectsOf(account, `incidents/${String(incident.id)}/log_entries`), emails))
    .filter((r) => r.createdAt >= since && r.createdAt < until)
    .sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
