/** How a squad's routing translates for backends: which rotations `on-call` means for each policy. */
import type { EscalationPolicy, Organisation, Rotation, Target, Squad } from '../model/types';

/**
 * Rotations `on-call` stands for in a policy: those its routing rules name (all routed ones if none, or if a
 * service's promise pages through it: routing then only says which rotation is on call when).
 */
export function onCallRotations(org: Organisation, team: Squad, policy: EscalationPolicy): Rotation[] {
  const promised = [...team.services.values()].some((s) => s.promise?.escalation === policy.id);
  const rules = promised ? [] : team.routing.filter((r) => r.escalation === policy.id);
  const keys = [...new Set((rules.length ? rules : team.routing).map((r) => r.rotation))];
  return keys.flatMap((k) => (org.rotations.has(k) ? [org.rotations.get(k) as Rotation] : []));
}

export type ResolvedTarget = { kind: 'rotation'; rotation: Rotation } | { kind: 'person'; person: string };

/** A step's targets with `on-call` expanded to rotations. */
export function stepTargets(org: Organisation, team: Squad, policy: EscalationPolicy, targets: readonly Target[]): ResolvedTarget[] {
  const out: ResolvedTarget[] = [];
  for (const t of targets) {
    if (t.kind === 'on-call') out.push(...onCallRotations(org, team, policy).map((rotation) => ({ kind: 'rotation' as const, rotation })));
    else if (t.kind === 'rotation') {
      const rotation = org.rotations.get(t.rotation);
      if (rotation) out.push({ kind: 'rotation', rotation });
    } else out.push({ kind: 'person', person: t.person });
  }
  return out;
}

/** Minutes each step waits before the next; the last waits until the response target (at least 1). */
export function stepDelays(policy: EscalationPolicy): number[] {
  return policy.steps.map((s, i) => {
    const next = policy.steps[i + 1];
    return Math.max(1, (next ? next.afterMinutes : policy.responseTargetMinutes) - s.afterMinutes);
  });
}

/** The policy a squad's alerts go to (its first routing rule's). */
export function squadPolicy(team: Squad): EscalationPolicy | undefined {
  const id = team.routing[0]?.escalation;
  return id === undefined ? undefined : team.escalations.get(id);
}
