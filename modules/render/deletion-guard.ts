/**
 * Nothing that keeps history is lost by accident: deleting or replacing a schedule, an escalation policy, a
 * phone line, a status-page component or a monitor blocks the plan, unless its YAML object (or its squad) was
 * already retired at the base, or the deletion is explicitly allowed. Retiring is a change of its own: an
 * object retired in the change being planned still protects what it renders, so retiring and deleting in one
 * change is caught. The base is what the stack deployed (its stack file and organisation at the base), so
 * resources that leave through the stack file (`oncall:teams`, `oncall:backend`) are deletions like others.
 */
import { descriptorOf } from '../backends';
import type { Organisation } from '../model/types';
import type { DesiredResource, Origin } from './desired';
import type { StateDiff } from './diff';

export interface Blocked {
  readonly resource: DesiredResource;
  readonly kind: string;
  readonly action: 'delete' | 'replace';
  readonly why: string;
}

/** Whether the YAML object behind a resource (or its squad) is marked `retired` in this organisation. */
export function isRetired(org: Organisation | undefined, origin: Origin | undefined): boolean {
  if (!org || !origin) return false;
  const team = org.squads.get(origin.squad);
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

/** Whether the organisation still holds the YAML object a resource comes from (else it was removed). */
function holds(org: Organisation, origin: Origin | undefined): boolean {
  if (!origin) return false;
  const team = org.squads.get(origin.squad);
  switch (origin.kind) {
    case 'squad':
      return team !== undefined;
    case 'rotation':
      return team?.rotations.has(origin.id) ?? false;
    case 'escalation':
      return team?.escalations.has(origin.id) ?? false;
    case 'service':
      return org.services.has(origin.id);
    case 'alert':
      return org.alerts.has(origin.id);
    case 'phone':
      return team?.phone !== undefined;
    case 'status-page':
      return true;
  }
}

/**
 * @param stackChange why resources may have left the stack although their YAML is still there (its backend or
 * its squads changed between the base and the head), if they did.
 */
export function blockedChanges(diff: StateDiff, base: Organisation | undefined, head: Organisation, stackChange?: string): Blocked[] {
  const out: Blocked[] = [];
  const consider = (resource: DesiredResource, action: 'delete' | 'replace', why: string): void => {
    const type = descriptorOf(resource.type);
    if (!type?.guarded) return;
    if (isRetired(base, resource.origin)) return;
    out.push({ resource, kind: type.kind, action, why });
  };
  const deletedWhy = (r: DesiredResource): string => {
    if (isRetired(head, r.origin)) return 'retired in this change: retire in one change, delete in a later one';
    if (!holds(head, r.origin)) return 'removed from the YAML';
    return stackChange ? `left the stack: ${stackChange}` : 'no longer rendered from the YAML';
  };
  for (const r of diff.delete) consider(r, 'delete', deletedWhy(r));
  for (const r of diff.replace) consider(r.before, 'replace', r.reason);
  return out;
}
