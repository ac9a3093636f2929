/**
 * Each page read from a backend, placed in the organisation: its squad, its service (the contract), its alert
 * (the `alert-id:` tag; else the service stands for it), its severity and response target. A page that names no
 * squad or service we know is kept aside with the reason, never dropped silently.
 */
import type { Organisation, Squad } from '../model/types';
import type { Backend } from '../render/desired';
import { squadPolicy } from '../render/squad-routing';
import { isCovered } from '../schedule/coverage';
import { backendNames } from './backend-names';
import type { IncidentRecord } from './incident-record';

export interface MappedIncident {
  readonly record: IncidentRecord;
  readonly squad: string;
  readonly service: string;
  /** The alert's id, when the page carries a known `alert-id:` tag. */
  readonly alert?: string;
  /** `P1`…`P5`, or `none` when neither the page nor its alert says. */
  readonly severity: string;
  /** The service's promise, else the escalation policy's response target. */
  readonly targetMinutes?: number;
  /** The level that was notified last before the acknowledgement (1 when none was recorded); absent: never acknowledged. */
  readonly answeredLevel?: number;
}

export interface UnmappedIncident {
  readonly id: string;
  readonly title: string;
  readonly createdAt: number;
  readonly reason: string;
}

export interface MappedHistory {
  readonly incidents: readonly MappedIncident[];
  readonly unmapped: readonly UnmappedIncident[];
}

function tagValue(record: IncidentRecord, key: string): string | undefined {
  const prefix = `${key}:`;
  return record.tags.find((t) => t.startsWith(prefix))?.slice(prefix.length);
}

export function mapIncidents(org: Organisation, backend: Backend, records: readonly IncidentRecord[], now: number): MappedHistory {
  const names = backendNames(org, backend, now);
  const incidents: MappedIncident[] = [];
  const unmapped: UnmappedIncident[] = [];
  for (const record of records) {
    const alertId = tagValue(record, 'alert-id');
    const alert = alertId === undefined ? undefined : org.alerts.get(alertId);
    const serviceId =
      (record.service !== undefined
        ? (names.services.get(record.service) ?? (org.services.has(record.service) ? record.service : undefined))
        : undefined) ??
      [tagValue(record, 'service')].find((s) => s !== undefined && org.services.has(s)) ??
      alert?.service;
    const service = serviceId === undefined ? undefined : org.services.get(serviceId);
    const teamTag = tagValue(record, 'team');
    const squadId =
      (record.team !== undefined ? names.teams.get(record.team) : undefined) ??
      (teamTag !== undefined && org.squads.has(teamTag) ? teamTag : undefined) ??
      service?.squad ??
      alert?.squad;
    const squad = squadId === undefined ? undefined : org.squads.get(squadId);
    if (!squad || !service) {
      const what = !squad
        ? `team \`${record.team ?? '(none)'}\``
        : `service \`${record.service ?? tagValue(record, 'service') ?? '(none)'}\``;
      unmapped.push({
        id: record.id,
        title: record.title,
        createdAt: record.createdAt,
        reason: `no squad or service of the organisation for ${what}`,
      });
      continue;
    }
    const severity = severityOf(record, alert?.severity);
    const targetMinutes = service.promise?.responseTargetMinutes ?? policyTarget(squad, alert?.escalation);
    incidents.push({
      record,
      squad: squad.id,
      service: service.id,
      ...(alert && alert.service === service.id ? { alert: alert.id } : {}),
      severity,
      ...(targetMinutes !== undefined ? { targetMinutes } : {}),
      ...answered(record),
    });
  }
  return { incidents, unmapped };
}

function severityOf(record: IncidentRecord, alertSeverity: string | undefined): string {
  const written = record.priority ?? tagValue(record, 'severity');
  const normal = written?.toUpperCase();
  if (normal !== undefined && /^P[1-5]$/.test(normal)) return normal;
  return alertSeverity ?? 'none';
}

function policyTarget(squad: Squad, escalation: string | undefined): number | undefined {
  const policy = (escalation !== undefined ? squad.escalations.get(escalation) : undefined) ?? squadPolicy(squad);
  return policy?.responseTargetMinutes;
}

function answered(record: IncidentRecord): { answeredLevel?: number } {
  const at = record.acknowledgedAt;
  if (at === undefined) return {};
  let level = 1;
  for (const e of record.escalations) if (e.at <= at) level = e.level;
  return { answeredLevel: level };
}

/** The zone a squad's pages are read in at an instant: that of the rotation its routing sends them to then. */
export function squadZoneAt(org: Organisation, squad: Squad, instant: number): string {
  const rule = squad.routing.find((r) => isCovered(r.timezone, r.during, instant));
  return rule?.timezone ?? squad.routing[0]?.timezone ?? [...squad.rotations.values()][0]?.timezone ?? org.timezone;
}
