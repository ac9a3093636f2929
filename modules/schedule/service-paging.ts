/**
 * Who an alert of a service pages at an instant. The squad's routing says which rotation `on-call` means then;
 * the service's promise says which policy pages and at what urgency: inside its coverage at high urgency,
 * outside it nobody (`outsideCoverage: none`) or the same policy at low urgency (`low`). A service without a
 * promise pages as the squad's routing says (rotation, policy and urgency of the first matching rule).
 */
import type { Organisation, Rotation, Service, Squad, Target } from '../model/types';
import { isCovered } from './coverage';
import { shiftAt } from './shifts';

export interface ServicePage {
  readonly service: string;
  readonly team: string;
  /** Whether the instant is inside the service's promise (always true without one). */
  readonly inPromise: boolean;
  /** Null when nobody is paged. */
  readonly urgency: 'high' | 'low' | null;
  /** Id of the squad's policy that pages, null when nobody is paged. */
  readonly escalation: string | null;
  /** `team/id` of the rotation `on-call` means at that instant. */
  readonly rotation: string | null;
  /** Whom the policy's first step notifies, in order, each once (empty when its rotations have nobody then). */
  readonly first: readonly string[];
}

function routedRule(team: Squad, instant: number) {
  return team.routing.find((r) => isCovered(r.timezone, r.during, instant));
}

/** Whether `instant` is inside the service's promise (a service without one promises 24/7). */
export function inPromise(service: Service, instant: number): boolean {
  return !service.promise || isCovered(service.promise.timezone, service.promise.coverage, instant);
}

export function servicePageAt(org: Organisation, service: Service, instant: number): ServicePage {
  const team = org.squads.get(service.squad);
  const rule = team ? routedRule(team, instant) : undefined;
  const inside = inPromise(service, instant);
  const base = { service: service.id, team: service.squad, inPromise: inside, rotation: rule?.rotation ?? null };
  const promise = service.promise;
  const nobody: ServicePage = { ...base, urgency: null, escalation: null, first: [] };
  if (!team || service.retired) return nobody;
  if (promise && !inside && promise.outsideCoverage === 'none') return nobody;
  const escalation = promise ? promise.escalation : rule?.escalation;
  const policy = escalation === undefined ? undefined : team.escalations.get(escalation);
  if (!policy || escalation === undefined) return nobody;
  const urgency = promise ? (inside ? 'high' : 'low') : (rule?.urgency ?? 'high');
  const onCall = rule ? org.rotations.get(rule.rotation) : undefined;
  return { ...base, urgency, escalation, first: stepPeople(org, policy.steps[0]?.targets ?? [], onCall, instant) };
}

function stepPeople(org: Organisation, targets: readonly Target[], onCall: Rotation | undefined, instant: number): string[] {
  const out: string[] = [];
  const add = (person: string | undefined): void => {
    if (person !== undefined && !out.includes(person)) out.push(person);
  };
  const onDuty = (rotation: Rotation | undefined): string | undefined =>
    rotation && !rotation.retired ? shiftAt(rotation, instant)?.person : undefined;
  for (const t of targets) {
    if (t.kind === 'on-call') add(onDuty(onCall));
    else if (t.kind === 'rotation') add(onDuty(org.rotations.get(t.rotation)));
    else add(t.person);
  }
  return out;
}
