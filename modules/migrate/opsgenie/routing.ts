/**
 * A team's escalations and routing rules as the squad's policies, routing and services' promises.
 *
 * Routing (opsgenie-oas definitions/teamRoutingRule.yaml): rules in `order`, the first whose criteria and time
 * restriction match applies, and it notifies an escalation, a schedule or nobody. A rule matching every alert
 * (`match-all`) is a YAML routing rule; the rotation it names (what `on-call` means) is the schedule the
 * escalation notifies first whose hours best fit the rule's. A rule on one `service:<id>` tag (`tags contains`,
 * the tag the YAML's monitors carry) is a service's promise: with a rule before it that notifies nobody at some
 * hours, the promise covers the others. Escalations (definitions/escalation.yaml): rules by delay since the
 * alert, each one recipient, notified if not acknowledged; `repeat` runs the chain again.
 */
import { OG } from '../../backends/opsgenie/resources';
import { isRef, type Value } from '../../render/desired';
import { names } from '../../render/names';
import type { TeamFile } from '../../spec/spec-types.generated';
import type { ObservedResource } from '../account';
import { IdScope } from '../ids';
import type { ImportState, PolicySpec } from './import';
import { usernameOf, type Chain } from './rotations';
import { merge, restrictionIntervals, sameIntervals, windowsOf, type Interval } from './windows';

export interface MadeRotation {
  readonly squad: string;
  readonly id: string;
  readonly chain: Chain;
  readonly covered?: Interval[];
  /** The schedule's zone: the rotation's. */
  readonly zone: string;
}

export interface SquadContext {
  readonly squad: string;
  readonly file: TeamFile;
  readonly team: ObservedResource;
  /** By observed schedule name. */
  readonly rotationsOf: ReadonlyMap<string, readonly MadeRotation[]>;
  /** Observed team name → squad id. */
  readonly squadOf: ReadonlyMap<string, string>;
  readonly businessHours: readonly Interval[];
}

type Inputs = Record<string, Value>;
type Target = Exclude<PolicySpec['steps'][number]['notify'], unknown[]>;
type RoutingRule = NonNullable<TeamFile['routing']>[number];

const POLICY_DESCRIPTION = /^Response target (\d+) minutes\. Managed by oncall-as-code\.$/;
const WEEK: Interval[] = [[0, 10080]];
const refName = (v: Value | undefined): string | undefined => (isRef(v) ? v.$ref : undefined);
const first = <T>(v: Value | undefined): T | undefined => (Array.isArray(v) ? (v[v.length - 1] as T | undefined) : undefined);

export function duration(minutes: number): string {
  if (minutes === 0) return '0m';
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${h > 0 ? `${h}h` : ''}${m > 0 ? `${m}m` : ''}`;
}

function complement(intervals: readonly Interval[]): Interval[] {
  const out: Interval[] = [];
  let at = 0;
  for (const [s, e] of merge(intervals)) {
    if (s > at) out.push([at, s]);
    at = Math.max(at, e);
  }
  if (at < 10080) out.push([at, 10080]);
  return out;
}

/** The intervals in both lists. */
function overlap(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const out: Interval[] = [];
  for (const [s1, e1] of a)
    for (const [s2, e2] of b) if (Math.min(e1, e2) > Math.max(s1, s2)) out.push([Math.max(s1, s2), Math.min(e1, e2)]);
  return merge(out);
}

function intersect(a: readonly Interval[], b: readonly Interval[]): number {
  let total = 0;
  for (const [s1, e1] of a) for (const [s2, e2] of b) total += Math.max(0, Math.min(e1, e2) - Math.max(s1, s2));
  return total;
}

const rotationKey = (ctx: SquadContext, r: MadeRotation) => (r.squad === ctx.squad ? r.id : `${r.squad}/${r.id}`);

export function importRouting(state: ImportState, ctx: SquadContext): void {
  const { squad, file, team } = ctx;
  const policies = state.observed.resources
    .filter((r) => r.type === OG.escalation && refName(r.inputs.ownerTeamId) === team.name)
    .sort((a, b) => String(a.inputs.name).localeCompare(String(b.inputs.name)) || a.id.localeCompare(b.id));
  const policyIds = new IdScope('policy');
  const policyOf = new Map<string, string>();
  const prefix = `${file.name}: `;
  for (const p of policies) {
    const name = String(p.inputs.name).startsWith(prefix) ? String(p.inputs.name).slice(prefix.length) : String(p.inputs.name);
    policyOf.set(p.name, policyIds.take(name));
  }
  const recipientsAt = (p: ObservedResource) => {
    const rules = (Array.isArray(p.inputs.rules) ? p.inputs.rules : []) as Inputs[];
    const min = Math.min(...rules.map((r) => Number(r.delay)));
    return rules.filter((r) => Number(r.delay) === min).flatMap((r) => (Array.isArray(r.recipients) ? (r.recipients as Inputs[]) : []));
  };

  // Routing rules in order.
  const rules = state.observed.resources
    .filter((r) => r.type === OG.routingRule && refName(r.inputs.teamId) === team.name)
    .sort(
      (a, b) =>
        Number(a.inputs.isDefault === true) - Number(b.inputs.isDefault === true) || Number(a.inputs.order) - Number(b.inputs.order),
    );
  const routing: Array<{ rule: RoutingRule; from: ObservedResource; kind: string }> = [];
  const services: NonNullable<TeamFile['services']> = {};
  let earlier: Interval[] = [];
  let closed = false;
  for (let n = 0; n < rules.length; n++) {
    const r = rules[n] as ObservedResource;
    const criteria = first<Inputs>(r.inputs.criterias) ?? { type: 'match-all' };
    const notify = first<Inputs>(r.inputs.notifies) ?? { type: 'none' };
    const windows = restrictionIntervals(r.inputs.timeRestrictions);
    const service = serviceTag(criteria);
    if (closed) {
      state.find('unreachable routing rule', 'a rule before it matches every alert at all hours', r.from);
      continue;
    }
    if (service !== undefined) {
      if (earlier.length > 0)
        state.find(
          'service rule after time-restricted rules',
          "a service's promise comes before the squad's routing in a stack: at the hours of the rules above it, its alerts page as the promise says, not as those rules do",
          r.from,
          'approximated',
        );
      const next = rules[n + 1];
      const nextService = next ? serviceTag(first<Inputs>(next.inputs.criterias) ?? {}) : undefined;
      if (
        notify.type === 'none' &&
        windows &&
        next &&
        nextService === service &&
        next.inputs.timeRestrictions === undefined &&
        (first<Inputs>(next.inputs.notifies) ?? {}).type === 'escalation'
      ) {
        const policy = policyOf.get(refName((first<Inputs>(next.inputs.notifies) as Inputs).id) ?? '');
        if (policy !== undefined) {
          services[service] = {
            coverage: windowsOf(complement(windows)) as never,
            timezone: String(next.inputs.timezone),
            escalation: policy,
            outsideCoverage: 'none',
          };
          state.link(r, names.routingRule(squad, `${service}-outside`));
          state.link(next, names.routingRule(squad, service));
          state.comments.set(
            `${squad}/team.yaml#/services/${service}`,
            `Opsgenie team routing rules "${String(r.inputs.name)}" and "${String(next.inputs.name)}" on the tag service:${service}`,
          );
          n++;
          continue;
        }
      }
      if (notify.type === 'escalation' && !windows && policyOf.has(refName(notify.id) ?? '')) {
        services[service] = {
          coverage: 'always',
          timezone: String(r.inputs.timezone),
          escalation: policyOf.get(refName(notify.id) ?? '') as string,
        };
        state.link(r, names.routingRule(squad, service));
        state.comments.set(
          `${squad}/team.yaml#/services/${service}`,
          `Opsgenie team routing rule "${String(r.inputs.name)}" on the tag service:${service}`,
        );
        continue;
      }
      state.find(
        'routing rule on a service tag',
        'only a policy for the service, silent outside some hours, has a YAML form (a service promise)',
        r.from,
      );
      continue;
    }
    if (criteria.type !== 'match-all') {
      state.find(
        'routing rule conditions',
        `conditions on alert fields (${describe(criteria)}) have no YAML form: routing chooses by time and by service`,
        r.from,
      );
      continue;
    }
    if (notify.type === 'none') {
      state.find(
        'routing rule notifying nobody',
        'a squad routing rule always pages a rotation; alerts at these hours page nobody in Opsgenie',
        r.from,
        'approximated',
      );
      continue;
    }
    if (notify.type !== 'escalation' || !policyOf.has(refName(notify.id) ?? '')) {
      state.find(
        `routing rule notifying ${notify.type === 'escalation' ? 'another team' : `a ${String(notify.type)}`}`,
        "a squad's routing rule names one of its own escalation policies",
        r.from,
      );
      continue;
    }
    const policy = policies.find((p) => p.name === refName(notify.id)) as ObservedResource;
    const effective = windows ? complement(merge([...complement(windows), ...earlier])) : complement(merge(earlier));
    const candidates = recipientsAt(policy).flatMap((x) => (x.type === 'schedule' ? (ctx.rotationsOf.get(refName(x.id) ?? '') ?? []) : []));
    const everyScheduled = (policy.inputs.rules as Inputs[])
      .flatMap((x) => (x.recipients as Inputs[]) ?? [])
      .flatMap((x) => (x.type === 'schedule' ? (ctx.rotationsOf.get(refName(x.id) ?? '') ?? []) : []));
    const pool =
      candidates.length > 0
        ? candidates
        : everyScheduled.length > 0
          ? everyScheduled
          : [...ctx.rotationsOf.values()].flat().filter((m) => m.squad === squad);
    const best = [...pool].sort((a, b) => intersect(effective, b.covered ?? WEEK) - intersect(effective, a.covered ?? WEEK))[0];
    if (!best) {
      state.find('routing rule', 'no rotation for `on-call` to mean: the squad and its policy have none', r.from);
      continue;
    }
    if (windows && r.inputs.timezone !== best.zone)
      state.find(
        'routing rule zone',
        `its hours are read in ${best.zone}, the zone of the rotation it routes to, not ${String(r.inputs.timezone)}`,
        r.from,
        'approximated',
      );
    // Rotations of one schedule at different hours (nights, weekends): one YAML rule per rotation, at its hours.
    const siblings = [...new Set(candidates)]
      .filter((m) => m.covered !== undefined && intersect(effective, m.covered) > 0)
      .sort((a, b) => intersect(effective, b.covered ?? WEEK) - intersect(effective, a.covered ?? WEEK));
    const parts: Array<{ rotation: MadeRotation; windows?: Interval[] }> =
      siblings.length > 1
        ? siblings.map((m, k) =>
            k < siblings.length - 1
              ? { rotation: m, windows: overlap(windows ?? WEEK, m.covered ?? WEEK) }
              : { rotation: m, ...(windows ? { windows } : {}) },
          )
        : [{ rotation: best, ...(windows ? { windows } : {}) }];
    for (const part of parts) {
      let during = part.windows;
      // A rule sending alerts where its rotation has nobody: Opsgenie's first step finds nobody then; the YAML
      // keeps the rule to the rotation's hours and the next rule takes the rest.
      if (during && part.rotation.covered) {
        const kept = overlap(during, part.rotation.covered);
        if (!sameIntervals(kept, during))
          state.find(
            'routing to a rotation off duty',
            `at some of its hours the rotation it sends alerts to (\`${part.rotation.id}\`) has nobody on call, and Opsgenie's first step notifies nobody; the YAML keeps the rule to the rotation's hours and the next rule takes the rest`,
            r.from,
            'approximated',
          );
        during = kept;
        if (during.length === 0) continue;
      }
      const kind = !during
        ? 'always'
        : parts.length === 1 && r.inputs.name === 'Business hours' && sameIntervals(during, ctx.businessHours as Interval[])
          ? 'business-hours'
          : parts.length === 1 && r.inputs.name === 'Off hours' && sameIntervals(during, complement(ctx.businessHours))
            ? 'off-hours'
            : 'custom';
      const rule: RoutingRule = {
        ...(kind === 'always'
          ? {}
          : { during: kind === 'custom' ? (windowsOf(during as Interval[]) as never) : (kind as 'business-hours') }),
        rotation: rotationKey(ctx, part.rotation),
        escalation: policyOf.get(policy.name) as string,
      };
      routing.push({ rule, from: r, kind });
    }
    earlier = merge([...earlier, ...(windows ?? WEEK)]);
    if (!windows) closed = true;
  }
  const lastRule = routing[routing.length - 1];
  if (lastRule && lastRule.rule.during !== undefined) {
    state.find(
      'last routing rule hours',
      'the last YAML routing rule applies at all hours; outside its hours Opsgenie pages nobody',
      lastRule.from.from,
      'approximated',
    );
    delete lastRule.rule.during;
    lastRule.kind = 'always';
  }
  routing.forEach(({ from, kind }, index) => {
    if (routing[index + 1]?.from === from) return;
    state.link(from, names.routingRule(squad, kind === 'always' ? 'otherwise' : kind === 'custom' ? `rule-${index + 1}` : kind));
  });

  // What `on-call` stands for in each policy, as the renderer reads the routing (modules/render/squad-routing.ts).
  const routed = routing.map((x) => x.rule);
  const onCall = (policy: string): string[] => {
    const promised = Object.values(services).some((s) => s.escalation === policy);
    const own = promised ? [] : routed.filter((x) => x.escalation === policy);
    return [...new Set((own.length > 0 ? own : routed).map((x) => x.rotation))];
  };

  if (policies.length > 0) file.escalations = {};
  for (const p of policies) {
    const id = policyOf.get(p.name) as string;
    const spec = importPolicy(state, ctx, p, id, onCall(id));
    if (!spec) continue;
    file.escalations![id] = spec;
    state.link(p, names.escalation(squad, id));
    state.comments.set(`${squad}/team.yaml#/escalations/${id}`, `Opsgenie escalation "${String(p.inputs.name)}" (${p.id})`);
  }
  if (routing.length > 0) file.routing = routed as [RoutingRule, ...RoutingRule[]];
  else if (Object.keys(file.escalations ?? {}).length > 0) {
    // Without routing, a squad's alerts go to its first rotation and its only policy; with several policies the
    // YAML must say which.
    const first = Object.keys(file.escalations ?? {})[0] as string;
    const rotation = Object.keys(file.rotations ?? {})[0];
    if (Object.keys(file.escalations ?? {}).length > 1 && rotation !== undefined) file.routing = [{ rotation, escalation: first }];
    state.find(
      'no routing rule',
      `no rule of the team notifies one of its escalations, so Opsgenie pages nobody for the team's own alerts; the YAML routes them to ${rotation === undefined ? 'its policy' : `\`${rotation}\` and \`${first}\``}`,
      team.from,
      'approximated',
    );
  }
  if (Object.keys(services).length > 0) file.services = services;
}

function serviceTag(criteria: Inputs): string | undefined {
  const conditions = (Array.isArray(criteria.conditions) ? criteria.conditions : []) as Inputs[];
  const c = conditions[0];
  if (conditions.length !== 1 || !c || (criteria.type !== 'match-all-conditions' && criteria.type !== 'match-any-condition'))
    return undefined;
  if (c.field !== 'tags' || c.operation !== 'contains' || c.not === true) return undefined;
  const m = /^service:([a-z][a-z0-9]*(-[a-z0-9]+)*)$/.exec(String(c.expectedValue));
  return m?.[1];
}

function describe(criteria: Inputs): string {
  const conditions = (Array.isArray(criteria.conditions) ? criteria.conditions : []) as Inputs[];
  return `${String(criteria.type)}: ${conditions.map((c) => `${c.not === true ? 'not ' : ''}${String(c.field)}${c.key ? `[${String(c.key)}]` : ''} ${String(c.operation)} "${String(c.expectedValue)}"`).join(', ')}`;
}

function importPolicy(
  state: ImportState,
  ctx: SquadContext,
  p: ObservedResource,
  id: string,
  onCall: readonly string[],
): PolicySpec | undefined {
  const rules = (Array.isArray(p.inputs.rules) ? p.inputs.rules : []) as Inputs[];
  const byDelay = new Map<number, Inputs[]>();
  for (const r of rules) {
    if (r.condition !== 'if-not-acked' || r.notifyType !== 'default')
      state.find(
        'escalation rule condition',
        `"${String(r.condition)}" / "${String(r.notifyType)}": a YAML step notifies its targets if nobody acknowledged`,
        p.from,
        'approximated',
      );
    const d = Number(r.delay);
    byDelay.set(d, [...(byDelay.get(d) ?? []), r]);
  }
  const steps: PolicySpec['steps'][number][] = [];
  for (const [delay, at] of [...byDelay].sort((a, b) => a[0] - b[0])) {
    const targets: Target[] = [];
    const keys: string[] = [];
    for (const r of at) {
      for (const x of (r.recipients as Inputs[]) ?? []) {
        if (x.type === 'schedule') {
          const made = ctx.rotationsOf.get(refName(x.id) ?? '') ?? [];
          if (made.length === 0) state.find('escalation recipient', `schedule ${refName(x.id) ?? ''} was not imported`, p.from);
          for (const m of made) keys.push(rotationKey(ctx, m));
        } else if (x.type === 'user') {
          const person = state.people.get(usernameOf(x.id) ?? '');
          if (person === undefined) state.find('escalation recipient', `${usernameOf(x.id) ?? ''} is not a user of the account`, p.from);
          else keys.push(person === ctx.file.manager ? 'manager' : `person:${person}`);
        } else state.find(`escalation recipient of type ${String(x.type)}`, 'a step notifies rotations and people', p.from);
      }
    }
    const unique = [...new Set(keys)];
    const wholeOnCall = onCall.length > 0 && onCall.every((k) => unique.includes(k));
    let placed = false;
    for (const k of unique) {
      if (wholeOnCall && onCall.includes(k)) {
        if (!placed) targets.push('on-call');
        placed = true;
      } else if (k === 'manager') targets.push('manager');
      else if (k.startsWith('person:')) targets.push({ person: k.slice('person:'.length) });
      else targets.push({ rotation: k });
    }
    if (targets.length === 0) continue;
    steps.push({
      ...(delay > 0 ? { after: duration(delay) } : {}),
      notify: (targets.length === 1 ? targets[0] : targets) as PolicySpec['steps'][number]['notify'],
    });
  }
  if (steps.length === 0) {
    state.find('escalation without recipients', 'nothing in it can be notified from the YAML', p.from);
    return undefined;
  }
  const last = Math.max(...byDelay.keys());
  const repeat = (Array.isArray(p.inputs.repeats) ? p.inputs.repeats[p.inputs.repeats.length - 1] : undefined) as Inputs | undefined;
  const described = POLICY_DESCRIPTION.exec(String(p.inputs.description ?? ''));
  let target = described
    ? Number(described[1])
    : repeat && Number(repeat.count) > 0
      ? last + Math.max(1, Number(repeat.waitInterval))
      : Math.max(60, last + 30);
  if (target < last) target = last;
  if (repeat && Number(repeat.count) > 0) {
    if (repeat.resetRecipientStates !== true || repeat.closeAlertAfterAll === true)
      state.find(
        'escalation repeat',
        'a YAML repeat runs the chain again for everyone, and never closes the alert',
        p.from,
        'approximated',
      );
    if (Math.max(1, target - last) !== Number(repeat.waitInterval))
      state.find(
        'escalation repeat wait',
        `the chain runs again ${target - last} minutes after its last step here, ${String(repeat.waitInterval)} in Opsgenie`,
        p.from,
        'approximated',
      );
  }
  const name = String(p.inputs.name).startsWith(`${ctx.file.name}: `)
    ? String(p.inputs.name).slice(ctx.file.name.length + 2)
    : String(p.inputs.name);
  return {
    ...(name !== id ? { name } : {}),
    responseTarget: duration(target),
    ...(repeat && Number(repeat.count) > 0 ? { repeat: Number(repeat.count) } : {}),
    steps: steps as PolicySpec['steps'],
  };
}
