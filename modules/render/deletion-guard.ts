/**
 * Nothing that keeps history is lost by accident: deleting or replacing a schedule, an escalation policy, a
 * phone line, a status-page component or a monitor blocks the plan, unless the YAML marks its object as
 * retired (in the base or in the change) or the deletion is explicitly allowed.
 */
import type { Organisation } from '../model/types';
import type { DesiredResource, Origin } from './desired';
import type { StateDiff } from './diff';

const GUARDED: Readonly<Record<string, string>> = {
  'pagerduty:index/schedule:Schedule': 'schedule',
  'opsgenie:index/schedule:Schedule': 'schedule',
  'datadog:index/onCallSchedule:OnCallSchedule': 'schedule',
  'pagerduty:index/escalationPolicy:EscalationPolicy': 'escalation policy',
  'opsgenie:index/escalation:Escalation': 'escalation policy',
  'datadog:index/onCallEscalationPolicy:OnCallEscalationPolicy': 'escalation policy',
  'pulumi-nodejs:dynamic/twilio:PhoneLine': 'phone line',
  'datadog:index/statusPage:StatusPage': 'status page',
  'datadog:index/statusPageComponent:StatusPageComponent': 'status-page component',
  'datadog:index/monitor:Monitor': 'monitor',
  'datadog:index/syntheticsTest:SyntheticsTest': 'synthetic check',
  'datadog:index/serviceLevelObjective:ServiceLevelObjective': 'SLO',
};

export interface Blocked {
  readonly resource: DesiredResource;
  readonly kind: string;
  readonly action: 'delete' | 'replace';
  readonly why: string;
}

/** Whether the YAML object behind a resource (or its squad) is marked `retired` in this organisation. */
export function isRetired(org: Organisation | undefined, origin: Origin | undefined): boolean {
  if (!org || !origin) return false;
  const team = org.teams.get(origin.squad);
  if (team?.retired) return true;
  switch (origin.kind) {
    case 'squad':
      return team?.retired ?? false;
    case 'rotation':
      return team?.rotations.get(origin.id)?.retired ?? false;
    case 'escalation':
      return team?.escalations.get(origin.id)?.retired ?? false;
    case 'service':
      return org.services.get(origin.id)?.retired ?? false;
    case 'alert':
      return org.alerts.get(origin.id)?.retired ?? false;
    case 'phone':
      return team?.phone?.retired ?? false;
    case 'status-page':
      return false;
  }
}

export function blockedChanges(diff: StateDiff, base: Organisation | undefined, head: Organisation): Blocked[] {
  const out: Blocked[] = [];
  const consider = (resource: DesiredResource, action: 'delete' | 'replace', why: string): void => {
    const kind = GUARDED[resource.type];
    if (!kind) return;
    if (isRetired(base, resource.origin) || isRetired(head, resource.origin)) return;
    out.push({ resource, kind, action, why });
  };
  for (const r of diff.delete) consider(r, 'delete', 'removed from the YAML');
  for (const r of diff.replace) consider(r.before, 'replace', r.reason);
  return out;
}
