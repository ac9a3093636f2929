/**
 * Datadog On-Call (provider 5.11.0). A rotation is a schedule whose layers are its roster orders (interval in
 * days, or seconds for hour turns; restrictions as weekday spans, a same-weekday wrap split in two); delays are
 * per step in seconds; routing by business hours is team routing rules with time restrictions, the last one
 * the catch-all.
 */
import type { Organisation, Squad, WeeklyWindows } from '../../model/types';
import { isoInZone } from '../../core/local-time';
import { hhmmss, weekdaySpans } from '../../render/coverage-shapes';
import { compact, ref, type DesiredResource, type Invoke } from '../../render/desired';
import { names } from '../../render/names';
import { rotationLayers } from '../../render/rotation-layers';
import { keptFrom, scheduleRef, squadMembers, titles, userLookup } from '../../render/squad-parts';
import { scheduleOverridesWithHolidays } from '../../render/holiday-overrides';
import { stepDelays, stepTargets } from '../../render/squad-routing';
import { resourceOf } from '../descriptor';
import type {
  DdEscalationInputs,
  DdLayer,
  DdMembershipInputs,
  DdOverrideInputs,
  DdRestriction,
  DdRoutingInputs,
  DdScheduleInputs,
  DdTarget,
  DdTeamInputs,
} from './inputs';
import { promiseRules } from './promise-routing';
import { DATADOG_ONCALL, DATADOG_ONCALL_LOOKUPS } from './resources';

function userId(org: Organisation, person: string): Invoke {
  return userLookup(org, DATADOG_ONCALL_LOOKUPS.user, person);
}

function restrictions(coverage: WeeklyWindows): DdRestriction[] | undefined {
  if (coverage.kind === 'always') return undefined;
  return weekdaySpans(coverage).map((s) => ({
    startDay: s.startDay,
    startTime: hhmmss(s.startMinute),
    endDay: s.endDay,
    endTime: hhmmss(s.endMinute),
  }));
}

export function renderDatadogSquad(org: Organisation, team: Squad, now: number): DesiredResource[] {
  const out: DesiredResource[] = [];
  const squad = team.id;
  const teamName = names.team(team.id);
  const teamInputs: DdTeamInputs = { name: team.name, handle: team.id, description: team.description ?? team.name };
  out.push(resourceOf(DATADOG_ONCALL.team, { name: teamName, squad, inputs: teamInputs, ...keptFrom(team, 'squad', team.id, false) }));
  for (const m of squadMembers(team)) {
    const inputs = compact<DdMembershipInputs>({
      teamId: ref(teamName),
      userId: userId(org, m.person),
      role: m.manager ? 'admin' : undefined,
    });
    out.push(resourceOf(DATADOG_ONCALL.membership, { name: names.membership(team.id, m.person), squad, inputs }));
  }

  for (const rotation of team.rotations.values()) {
    const zone = rotation.timezone;
    const scheduleName = names.schedule(team.id, rotation.id);
    const interval: DdLayer['interval'] =
      rotation.every.unit === 'hours'
        ? { seconds: rotation.every.count * 3600 }
        : { days: rotation.every.count * (rotation.every.unit === 'weeks' ? 7 : 1) };
    const scheduleInputs: DdScheduleInputs = {
      name: titles.schedule(team, rotation),
      timeZone: zone,
      teams: [ref(teamName)],
      layers: rotationLayers(rotation).map((layer) =>
        compact<DdLayer>({
          name: titles.layer(rotation, layer),
          effectiveDate: isoInZone(layer.start, zone),
          rotationStart: isoInZone(layer.anchor, zone),
          endDate: layer.end === undefined ? undefined : isoInZone(layer.end, zone),
          interval,
          users: layer.anchorUsers.map((p) => userId(org, p)),
          restrictions: restrictions(rotation.coverage),
        }),
      ),
    };
    out.push(
      resourceOf(DATADOG_ONCALL.schedule, {
        name: scheduleName,
        squad,
        inputs: scheduleInputs,
        ...keptFrom(team, 'rotation', rotation.id, rotation.retired),
      }),
    );
    for (const o of scheduleOverridesWithHolidays(org, team, rotation, now)) {
      const inputs: DdOverrideInputs = {
        scheduleId: ref(scheduleName),
        start: isoInZone(o.start, zone),
        end: isoInZone(o.end, zone),
        userId: userId(org, o.person),
      };
      out.push(resourceOf(DATADOG_ONCALL.override, { name: o.name, squad, inputs }));
    }
  }

  for (const policy of team.escalations.values()) {
    const delays = stepDelays(policy);
    const escalationInputs: DdEscalationInputs = {
      name: titles.policy(team, policy),
      teams: [ref(teamName)],
      retries: policy.repeat,
      steps: policy.steps.map((step, i) => ({
        // 60–36000 s; only the last step can exceed it (its wait before a retry), so it is capped.
        escalateAfterSeconds: Math.min((delays[i] ?? 1) * 60, 36000),
        assignment: 'default',
        targets: stepTargets(org, team, policy, step.targets).map(
          // No `position`: `current` is the provider's default, and a schedule target sent without one is read back
          // without one (terraform-provider-datadog fwprovider/resource_datadog_on_call_escalation_policy.go#stateFromResponse).
          (t): DdTarget => (t.kind === 'rotation' ? { schedule: scheduleRef(t.rotation) } : { user: userId(org, t.person) }),
        ),
      })),
    };
    out.push(
      resourceOf(DATADOG_ONCALL.escalation, {
        name: names.escalation(team.id, policy.id),
        squad,
        inputs: escalationInputs,
        ...keptFrom(team, 'escalation', policy.id, policy.retired),
      }),
    );
  }

  if (team.routing.length > 0) {
    const routingInputs: DdRoutingInputs = {
      teamId: ref(teamName),
      // Services' promises first (./promise-routing.ts): they match on the service tag, the squad's rules on all.
      rules: [
        ...promiseRules(team, restrictions),
        ...team.routing.map((rule) =>
          compact<DdRoutingInputs['rules'][number]>({
            timeRestrictions:
              rule.during.kind === 'always' ? undefined : { timeZone: rule.timezone, restrictions: restrictions(rule.during) ?? [] },
            escalationPolicy: ref(names.escalation(team.id, rule.escalation)),
            urgency: rule.urgency,
          }),
        ),
      ],
    };
    out.push(resourceOf(DATADOG_ONCALL.routing, { name: names.routing(team.id), squad, inputs: routingInputs }));
  }
  return out;
}
