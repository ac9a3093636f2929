import { didYouMean, hinted } from '../core/suggest';
import type { PathSegment, YamlFile } from '../spec/yaml-document';
import type { EscalationSpec, RoutingRuleSpec, TargetSpec, TeamSpec } from '../spec/types';
import { checkDuration } from './checks-common';
import { sourceOf, type Reporter } from './reporter';
import type { ResolvedOrg } from './resolve-org';
import type { EscalationPolicy, EscalationStep, Rotation, RoutingRule, Target } from './types';
import { ALWAYS, resolveCoverage } from './windows';

export interface EscalationContext {
  readonly r: Reporter;
  readonly file: YamlFile;
  readonly squad: string;
  readonly spec: TeamSpec;
  readonly org: ResolvedOrg;
  readonly rotations: ReadonlyMap<string, Rotation>;
  /** Rotation ids declared in each squad's file (resolved or not), for cross-squad references. */
  readonly rotationIdsBySquad: ReadonlyMap<string, readonly string[]>;
  /** Every resolved rotation of the organisation by `squad/id`: a routing rule may name another squad's (a pool's). */
  readonly allRotations: ReadonlyMap<string, Rotation>;
}

export function resolveEscalations(ctx: EscalationContext): Map<string, EscalationPolicy> {
  const out = new Map<string, EscalationPolicy>();
  for (const [id, spec] of Object.entries(ctx.spec.escalations ?? {})) {
    const policy = resolvePolicy(ctx, id, spec);
    if (policy) out.set(id, policy);
  }
  return out;
}

function resolvePolicy(ctx: EscalationContext, id: string, spec: EscalationSpec): EscalationPolicy | undefined {
  const { r, file, org } = ctx;
  const at = (...p: PathSegment[]): PathSegment[] => ['escalations', id, ...p];
  let responseTargetMinutes = org.defaults.responseTargetMinutes;
  if (spec.responseTarget !== undefined) {
    const s = checkDuration(r, file, at('responseTarget'), spec.responseTarget);
    if (s !== undefined) responseTargetMinutes = Math.ceil(s / 60);
  }
  const steps: EscalationStep[] = [];
  let previous = -1;
  let ok = true;
  spec.steps.forEach((step, i) => {
    const afterText = step.after ?? '0m';
    let afterMinutes = 0;
    if (step.after !== undefined) {
      const s = checkDuration(r, file, at('steps', i, 'after'), step.after, { allowZero: true });
      if (s === undefined) {
        ok = false;
        return;
      }
      if (s % 60 !== 0) {
        r.error(file, at('steps', i, 'after'), 'escalation/whole-minutes', `\`${afterText}\`: escalation delays are whole minutes`);
        ok = false;
        return;
      }
      afterMinutes = s / 60;
    }
    if (i === 0 && afterMinutes !== 0) {
      r.warning(
        file,
        at('steps', i, 'after'),
        'escalation/first-step-delayed',
        `nobody is notified for the first ${afterText}; the first step usually has no \`after\``,
      );
    }
    if (afterMinutes <= previous) {
      r.error(
        file,
        at('steps', i, step.after === undefined ? 'notify' : 'after'),
        'escalation/step-order',
        `step ${i + 1} is at ${afterMinutes}m but step ${i} is already at ${previous}m; each step's \`after\` (time since the alert) must be later than the previous one`,
      );
      ok = false;
    }
    previous = Math.max(previous, afterMinutes);
    const list = Array.isArray(step.notify) ? step.notify : [step.notify];
    const targets: Target[] = [];
    list.forEach((t, j) => {
      const path = Array.isArray(step.notify) ? at('steps', i, 'notify', j) : at('steps', i, 'notify');
      const target = resolveTarget(ctx, path, t);
      if (target) targets.push(target);
      else ok = false;
    });
    steps.push({ afterMinutes, targets, source: sourceOf(file, at('steps', i)) });
  });
  const last = steps[steps.length - 1];
  if (last && last.afterMinutes > responseTargetMinutes) {
    r.warning(
      file,
      at('steps', steps.length - 1, 'after'),
      'escalation/after-response-target',
      `the last step starts after the response target (${responseTargetMinutes}m)`,
    );
  }
  if (!ok) return undefined;
  return {
    id,
    squad: ctx.squad,
    key: `${ctx.squad}/${id}`,
    name: spec.name ?? id,
    responseTargetMinutes,
    repeat: spec.repeat ?? 0,
    steps,
    retired: spec.retired ?? false,
    source: sourceOf(file, at()),
  };
}

function resolveTarget(ctx: EscalationContext, path: readonly PathSegment[], t: TargetSpec): Target | undefined {
  const { r, file, org, spec } = ctx;
  if (t === 'on-call') {
    const own = ctx.rotations.size > 0 || Object.keys(spec.rotations ?? {}).length > 0;
    // A squad without rotations of its own says in `routing` which one (a pool's) `on-call` means.
    if (!own && (spec.routing === undefined || spec.routing.length === 0)) {
      r.error(file, path, 'ref/no-rotation', {
        message: '`on-call` needs a rotation: this squad has none',
        suggestion: "add a rotation, or `routing` naming another squad's rotation (`- rotation: pool/oncall`)",
      });
      return undefined;
    }
    return { kind: 'on-call' };
  }
  if (t === 'manager') {
    if (spec.manager === undefined) {
      r.error(file, path, 'ref/no-manager', '`manager` is notified but the squad has no `manager`');
      return undefined;
    }
    return { kind: 'person', person: spec.manager, asManager: true };
  }
  if ('person' in t) {
    if (!org.people.has(t.person)) {
      r.error(
        file,
        [...path, 'person'],
        'ref/unknown-person',
        hinted(`unknown person \`${t.person}\` in an escalation step`, didYouMean(t.person, org.people.keys())),
      );
      return undefined;
    }
    return { kind: 'person', person: t.person, asManager: false };
  }
  const key = rotationKey(ctx, [...path, 'rotation'], t.rotation, 'an escalation step');
  return key === undefined ? undefined : { kind: 'rotation', rotation: key };
}

/** `squad/id` of a rotation written `id` (this squad's) or `squad/id`; undefined (reported) when unknown. */
function rotationKey(ctx: EscalationContext, path: readonly PathSegment[], ref: string, where: string): string | undefined {
  const { r, file } = ctx;
  const [teamId, rotationId] = ref.includes('/') ? (ref.split('/') as [string, string]) : [ctx.squad, ref];
  const known = ctx.rotationIdsBySquad.get(teamId);
  if (!known) {
    r.error(
      file,
      path,
      'ref/unknown-team',
      hinted(`unknown squad \`${teamId}\` in \`${ref}\``, didYouMean(teamId, ctx.rotationIdsBySquad.keys())),
    );
    return undefined;
  }
  if (!known.includes(rotationId)) {
    const of = teamId === ctx.squad ? '' : ` of squad \`${teamId}\``;
    r.error(
      file,
      path,
      'ref/unknown-rotation',
      hinted(`unknown rotation \`${rotationId}\`${of} in ${where}`, didYouMean(rotationId, known)),
    );
    return undefined;
  }
  return `${teamId}/${rotationId}`;
}

/** The first rotation a policy's steps name: what a squad without rotations of its own routes to by default. */
function firstNamedRotation(ctx: EscalationContext, policy: EscalationPolicy): Rotation | undefined {
  for (const step of policy.steps)
    for (const t of step.targets) if (t.kind === 'rotation' && ctx.allRotations.has(t.rotation)) return ctx.allRotations.get(t.rotation);
  return undefined;
}

/**
 * Routing rules, in order; the first that matches an instant applies. A rule may name another squad's
 * rotation (a pool serving several squads). Without `routing`, a squad with one escalation policy routes
 * everything to its first rotation and that policy; with no rotation of its own, to the first rotation the
 * policy names; with none at all, that is an error rather than alerts paging nobody.
 */
export function resolveRouting(ctx: EscalationContext, policies: ReadonlyMap<string, EscalationPolicy>): RoutingRule[] {
  const { r, file, spec, org } = ctx;
  const policyIds = Object.keys(spec.escalations ?? {});
  const rotationIds = Object.keys(spec.rotations ?? {});
  if (spec.routing === undefined) {
    if (policyIds.length === 0) return [];
    if (policyIds.length > 1) {
      r.error(
        file,
        ['escalations'],
        'routing/ambiguous',
        `the squad has ${policyIds.length} escalation policies; add \`routing\` to say which applies when`,
        true,
      );
      return [];
    }
    const policy = policyIds[0] as string;
    const resolved = policies.get(policy);
    // A policy or rotation with errors of its own: those are reported already.
    if (!resolved) return [];
    const rotation = rotationIds.length > 0 ? ctx.rotations.get(rotationIds[0] as string) : firstNamedRotation(ctx, resolved);
    if (!rotation) {
      if (rotationIds.length === 0)
        r.error(
          file,
          ['escalations', policy],
          'routing/no-rotation',
          {
            message: `squad \`${ctx.squad}\` has no rotation and policy \`${policy}\` names none: its alerts would page nobody`,
            suggestion: "add a rotation, or `routing` naming another squad's rotation (`- rotation: pool/oncall`)",
          },
          true,
        );
      return [];
    }
    return [
      {
        during: ALWAYS,
        timezone: rotation.timezone,
        rotation: rotation.key,
        escalation: policy,
        urgency: 'high',
        source: sourceOf(file, ['escalations', policy]),
      },
    ];
  }
  const rules: RoutingRule[] = [];
  spec.routing.forEach((rule: RoutingRuleSpec, i) => {
    const at = (...p: PathSegment[]): PathSegment[] => ['routing', i, ...p];
    const isLast = i === (spec.routing?.length ?? 0) - 1;
    if (isLast && rule.during !== undefined) {
      r.error(file, at('during'), 'routing/no-catch-all', 'the last routing rule must have no `during`, so that every alert is routed');
    }
    if (!isLast && rule.during === undefined) {
      r.error(file, at(), 'routing/unreachable', `routing rule ${i + 1} has no \`during\`, so the rules after it never apply`, true);
    }
    const key = rotationKey(ctx, at('rotation'), rule.rotation, 'routing');
    let ok = key !== undefined;
    let escalation = rule.escalation;
    if (escalation === undefined) {
      if (policyIds.length === 1) escalation = policyIds[0];
      else {
        r.error(
          file,
          at(),
          'routing/missing-escalation',
          policyIds.length === 0
            ? 'routing needs an escalation policy: add `escalations`'
            : 'name the `escalation` policy of this rule: the squad has several',
          true,
        );
        ok = false;
      }
    } else if (!policyIds.includes(escalation)) {
      r.error(
        file,
        at('escalation'),
        'ref/unknown-escalation',
        hinted(`unknown escalation policy \`${escalation}\``, didYouMean(escalation, policyIds)),
      );
      ok = false;
    }
    const rotation = key === undefined ? undefined : ctx.allRotations.get(key);
    if (!ok || !rotation || escalation === undefined) return;
    rules.push({
      during: resolveCoverage(rule.during, org.defaults.businessHours),
      timezone: rotation.timezone,
      rotation: rotation.key,
      escalation,
      urgency: rule.urgency ?? 'high',
      source: sourceOf(file, at()),
    });
  });
  return rules;
}
