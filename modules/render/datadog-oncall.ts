/**
 * Datadog On-Call (provider 5.11.0). A rotation is a schedule whose layers are its roster orders (interval in
 * days, or seconds for hour turns; restrictions as weekday spans, a same-weekday wrap split in two); delays are
 * per step in seconds; routing by business hours is team routing rules with time restrictions, the last one
 * the catch-all.
 */
import type { Organisation, Team, WeeklyWindows } from '../model/types';
import { isoInZone } from '../core/local-time';
import { hhmmss, weekdaySpans } from './coverage-shapes';
import { compact, invoke, ref, stateful, type DesiredResource, type Invoke } from './desired';
import type { DdEscalationInputs, DdLayer, DdMembershipInputs, DdOverrideInputs, DdRestriction, DdRoutingInputs, DdScheduleInputs, DdTarget, DdTeamInputs } from './datadog-inputs';
import { names } from './names';
import { overridePieces, rotationLayers } from './rotation-layers';
import { stepDelays, stepTargets } from './squad-routing';

export const DD = {
  team: 'datadog:index/team:Team',
  membership: 'datadog:index/teamMembership:TeamMembership',
  schedule: 'datadog:index/onCallSchedule:OnCallSchedule',
  escalation: 'datadog:index/onCallEscalationPolicy:OnCallEscalationPolicy',
  routing: 'datadog:index/onCallTeamRoutingRules:OnCallTeamRoutingRules',
  getUser: 'datadog:index/getUser:getUser',
  override: 'pulumi-nodejs:dynamic/datadog:ScheduleOverride',
} as const;

function userId(org: Organisation, person: string): Invoke {
  return invoke(DD.getUser, { filter: org.people.get(person)?.email ?? person });
}

function restrictions(coverage: WeeklyWindows): DdRestriction[] | undefined {
  if (coverage.kind === 'always') return undefined;
  return weekdaySpans(coverage).map((s) => ({ startDay: s.startDay, startTime: hhmmss(s.startMinute), endDay: s.endDay, endTime: hhmmss(s.endMinute) }));
}

export function renderDatadogSquad(org: Organisation, team: Team): DesiredResource[] {
  const out: DesiredResource[] = [];
  const squad = team.id;
  const teamName = names.team(team.id);
  const teamInputs: DdTeamInputs = { name: team.name, handle: team.id, description: team.description ?? team.name };
  out.push({ type: DD.team, name: teamName, squad, inputs: teamInputs, options: stateful(team.retired), origin: { kind: 'squad', squad, id: team.id } });
  for (const person of [...new Set([...team.members, ...(team.manager ? [team.manager] : [])])]) {
    out.push({
      type: DD.membership,
      name: names.membership(team.id, person),
      squad,
      inputs: compact<DdMembershipInputs>({ teamId: ref(teamName), userId: userId(org, person), role: person === team.manager ? 'admin' : undefined }),
    });
  }

  for (const rotation of team.rotations.values()) {
    const retired = rotation.retired || team.retired;
    const zone = rotation.timezone;
    const scheduleName = names.schedule(team.id, rotation.id);
    const interval: DdLayer['interval'] = rotation.every.unit === 'hours' ? { seconds: rotation.every.count * 3600 } : { days: rotation.every.count * (rotation.every.unit === 'weeks' ? 7 : 1) };
    const scheduleInputs: DdScheduleInputs = {
      name: `${team.name}: ${rotation.name}`,
      timeZone: zone,
      teams: [ref(teamName)],
      layers: rotationLayers(rotation).map((layer) =>
        compact<DdLayer>({
            name: `${rotation.id} ${layer.id}`,
            effectiveDate: isoInZone(layer.start, zone),
            rotationStart: isoInZone(layer.start, zone),
            endDate: layer.end === undefined ? undefined : isoInZone(layer.end, zone),
            interval,
          users: layer.users.map((p) => userId(org, p)),
          restrictions: restrictions(rotation.coverage),
        }),
      ),
    };
    out.push({ type: DD.schedule, name: scheduleName, squad, inputs: scheduleInputs, options: stateful(retired), origin: { kind: 'rotation', squad, id: rotation.id } });
    for (const piece of retired ? [] : overridePieces(rotation)) {
      out.push({
        type: DD.override,
        name: names.override(team.id, rotation.id, piece.start),
        squad,
        inputs: { scheduleId: ref(scheduleName), start: isoInZone(piece.start, zone), end: isoInZone(piece.end, zone), userId: userId(org, piece.person) } satisfies DdOverrideInputs,
      });
    }
  }

  for (const policy of team.escalations.values()) {
    const delays = stepDelays(policy);
    const escalationInputs: DdEscalationInputs = {
      name: `${team.name}: ${policy.name}`,
      teams: [ref(teamName)],
      retries: policy.repeat,
      steps: policy.steps.map((step, i) => ({
        // 60–36000 s; only the last step can exceed it (its wait before a retry), so it is capped.
        escalateAfterSeconds: Math.min((delays[i] ?? 1) * 60, 36000),
        assignment: 'default',
        targets: stepTargets(org, team, policy, step.targets).map(
          // No `position`: `current` is the provider's default, and a schedule target sent without one is read back
          // without one (terraform-provider-datadog fwprovider/resource_datadog_on_call_escalation_policy.go#stateFromResponse).
          (t): DdTarget => (t.kind === 'rotation' ? { schedule: ref(names.schedule(t.rotation.team, t.rotation.id)) } : { user: userId(org, t.person) }),
        ),
      })),
    };
    out.push({ type: DD.escalation, name: names.escalation(team.id, policy.id), squad, inputs: escalationInputs, options: stateful(policy.retired || team.retired), origin: { kind: 'escalation', squad, id: policy.id } });
  }

  if (team.routing.length > 0) {
    const routingInputs: DdRoutingInputs = {
      teamId: ref(teamName),
      rules: team.routing.map((rule) =>
        compact<DdRoutingInputs['rules'][number]>({
          timeRestrictions: rule.during.kind === 'always' ? undefined : { timeZone: rule.timezone, restrictions: restrictions(rule.during) ?? [] },
          escalationPolicy: ref(names.escalation(team.id, rule.escalation)),
          urgency: rule.urgency,
        }),
      ),
    };
    out.push({ type: DD.routing, name: names.routing(team.id), squad, inputs: routingInputs });
  }
  return out;
}
