/**
 * Service promises: a service (a product, a client contract) may say when its alerts page (`coverage`, read in
 * `timezone`), which of the squad's policies pages for it, the response time it promises, and whether its alerts
 * page at low urgency or not at all outside its coverage. A service without any of these keys has no promise and
 * pages as the squad's routing says, 24/7.
 */
import { didYouMean, hinted } from '../core/suggest';
import type { PathSegment } from '../spec/yaml-document';
import type { ServiceSpec } from '../spec/types';
import { checkDuration, checkZone } from './checks-common';
import { sourceOf } from './reporter';
import type { EscalationContext } from './resolve-escalation';
import type { EscalationPolicy, RoutingRule, Service, ServicePromise } from './types';
import { resolveCoverage } from './windows';

const PROMISE_KEYS = ['coverage', 'timezone', 'responseTarget', 'escalation', 'outsideCoverage'] as const;

/** The squad's services, each with its promise when it states one. */
export function resolvePromises(
  ctx: EscalationContext,
  policies: ReadonlyMap<string, EscalationPolicy>,
  routing: readonly RoutingRule[],
  services: ReadonlyMap<string, Service>,
): Map<string, Service> {
  const out = new Map<string, Service>();
  for (const [id, service] of services) {
    const spec = ctx.spec.services?.[id];
    const promise = spec && PROMISE_KEYS.some((k) => spec[k] !== undefined) ? resolvePromise(ctx, policies, routing, id, spec) : undefined;
    out.set(id, promise ? { ...service, promise } : service);
  }
  return out;
}

function resolvePromise(
  ctx: EscalationContext,
  policies: ReadonlyMap<string, EscalationPolicy>,
  routing: readonly RoutingRule[],
  id: string,
  spec: ServiceSpec,
): ServicePromise | undefined {
  const { r, file, org } = ctx;
  const at = (...p: PathSegment[]): PathSegment[] => ['services', id, ...p];
  const policyIds = Object.keys(ctx.spec.escalations ?? {});
  let timezone = org.defaults.timezone;
  if (spec.timezone !== undefined && checkZone(r, file, at('timezone'), spec.timezone)) timezone = spec.timezone;

  // The policy: the one named, else the one the squad's routing starts with, else the squad's only one.
  const escalation = spec.escalation ?? routing[0]?.escalation ?? (policyIds.length === 1 ? policyIds[0] : undefined);
  if (spec.escalation !== undefined && !policyIds.includes(spec.escalation)) {
    r.error(
      file,
      at('escalation'),
      'ref/unknown-escalation',
      hinted(`unknown escalation policy \`${spec.escalation}\` in the promise of \`${id}\``, didYouMean(spec.escalation, policyIds)),
    );
    return undefined;
  }
  if (escalation === undefined) {
    r.error(
      file,
      at(),
      'service/no-escalation',
      policyIds.length === 0
        ? `\`${id}\` states a promise but the squad has no escalation policy to page for it: add \`escalations\``
        : `name the \`escalation\` policy that pages for \`${id}\`: the squad has several`,
      true,
    );
    return undefined;
  }
  const policy = policies.get(escalation);
  if (!policy) return undefined; // the policy itself has problems, reported where it is written

  let responseTargetMinutes = policy.responseTargetMinutes;
  if (spec.responseTarget !== undefined) {
    const seconds = checkDuration(r, file, at('responseTarget'), spec.responseTarget);
    if (seconds === undefined) return undefined;
    responseTargetMinutes = Math.ceil(seconds / 60);
    checkPolicyMeetsTarget(ctx, at('responseTarget'), id, spec.responseTarget, responseTargetMinutes, policy);
  }
  if (policy.retired) {
    r.error(file, at('escalation'), 'service/retired-escalation', `\`${id}\` is paged by \`${policy.id}\`, which is retired`);
  }
  return {
    coverage: resolveCoverage(spec.coverage, org.defaults.businessHours),
    timezone,
    responseTargetMinutes,
    escalation,
    outsideCoverage: spec.outsideCoverage ?? 'none',
    source: sourceOf(file, at()),
  };
}

/** A service promising a response within `minutes` needs a policy that aims at least as fast and has done all its steps by then. */
function checkPolicyMeetsTarget(
  ctx: EscalationContext,
  path: readonly PathSegment[],
  id: string,
  text: string,
  minutes: number,
  policy: EscalationPolicy,
): void {
  const last = policy.steps[policy.steps.length - 1];
  if (policy.responseTargetMinutes > minutes) {
    ctx.r.error(
      ctx.file,
      path,
      'service/response-target',
      `\`${id}\` promises a response within ${text}, but its policy \`${policy.id}\` aims at ${policy.responseTargetMinutes}m: page it with a policy whose \`responseTarget\` is ${text} or less`,
    );
  } else if (last && last.afterMinutes >= minutes) {
    ctx.r.error(
      ctx.file,
      path,
      'service/response-target',
      `\`${id}\` promises a response within ${text}, but the last step of \`${policy.id}\` starts only at ${last.afterMinutes}m`,
    );
  }
}
