/**
 * PagerDuty (provider 3.4.0). A rotation is a schedule whose layers are its roster orders; coverage is
 * layer restrictions (1 = Monday, whole minutes, daily when the same every day); a policy's `on-call`
 * targets the schedules its routing names; routing by business hours is the service's support hours and
 * urgency. Overrides and swaps go through the REST overrides endpoint (a dynamic provider).
 */
import type { Organisation, Team } from '../model/types';
import { isoInZone } from '../core/local-time';
import { dailyWindow, fixedTimePerDay, hhmmss, wrappedIntervals } from './coverage-shapes';
import { compact, invoke, ref, stateful, type DesiredResource, type Value } from './desired';
import { names } from './names';
import { overridePieces, rotationLayers } from './rotation-layers';
import { squadPolicy, stepDelays, stepTargets } from './squad-routing';

export const PD = {
  team: 'pagerduty:index/team:Team',
  membership: 'pagerduty:index/teamMembership:TeamMembership',
  schedule: 'pagerduty:index/schedule:Schedule',
  escalation: 'pagerduty:index/escalationPolicy:EscalationPolicy',
  service: 'pagerduty:index/service:Service',
  integration: 'pagerduty:index/serviceIntegration:ServiceIntegration',
  getUser: 'pagerduty:index/getUser:getUser',
  getVendor: 'pagerduty:index/getVendor:getVendor',
  override: 'pulumi-nodejs:dynamic/pagerduty:ScheduleOverride',
} as const;

export interface PagerDutyOptions {
  /** The account's subdomain, for e-mail integration addresses (`<squad>@<subdomain>.pagerduty.com`). */
  readonly subdomain: string;
  /**
   * The instant of the plan. Read drops a layer whose `end` has passed (flattenScheduleLayers in
   * PagerDuty/terraform-provider-pagerduty@v2.4.0:pagerduty/resource_pagerduty_schedule.go), so such a layer
   * is not sent: it would show as a change in every later plan.
   */
  readonly now: number;
}

/**
 * The filter PagerDuty gives an e-mail integration created without one (every mode `always`). Provider
 * v2.4.0 makes `email_filter` ForceNew and not Computed, so leaving it out reads this back and replaces the
 * integration at every `pulumi up` (fixed upstream in 2.10.1, which @pulumi/pagerduty 3.4.0 does not have).
 */
export const DEFAULT_EMAIL_FILTER = { subjectMode: 'always', bodyMode: 'always', fromEmailMode: 'always' } as const;

/**
 * The service `intake.email` lands on: a squad has one e-mail address, like its Opsgenie e-mail integration,
 * and PagerDuty attaches an e-mail integration to one service. Every service of a squad pages through the
 * same policy and urgency, so only the service the incident is filed under differs (a validate warning).
 */
export function emailIntakeService(team: Team): string | undefined {
  return [...team.services.values()].find((s) => !s.retired)?.id;
}

function user(org: Organisation, person: string): Value {
  return invoke(PD.getUser, { email: org.people.get(person)?.email ?? person });
}

function restrictions(team: Team, rotationId: string): Value[] | undefined {
  const rotation = team.rotations.get(rotationId);
  if (!rotation || rotation.coverage.kind === 'always') return undefined;
  const daily = dailyWindow(rotation.coverage);
  if (daily) return [{ type: 'daily_restriction', startTimeOfDay: hhmmss(daily.start), durationSeconds: daily.minutes * 60 }];
  return wrappedIntervals(rotation.coverage).map(([s, e]) => ({
    type: 'weekly_restriction',
    startDayOfWeek: (Math.floor(s / 1440) % 7) + 1,
    startTimeOfDay: hhmmss(s),
    durationSeconds: (e - s) * 60,
  }));
}

export function renderPagerDutySquad(org: Organisation, team: Team, options: PagerDutyOptions): DesiredResource[] {
  const out: DesiredResource[] = [];
  const squad = team.id;
  const teamName = names.team(team.id);
  out.push({ type: PD.team, name: teamName, squad, inputs: compact({ name: team.name, description: team.description }), options: stateful(team.retired), origin: { kind: 'squad', squad, id: team.id } });

  const people = [...new Set([...team.members, ...(team.manager ? [team.manager] : [])])];
  for (const person of people) {
    out.push({
      type: PD.membership,
      name: names.membership(team.id, person),
      squad,
      inputs: { teamId: ref(teamName), userId: user(org, person), role: person === team.manager && !team.members.includes(person) ? 'manager' : 'responder' },
    });
  }

  for (const rotation of team.rotations.values()) {
    const retired = rotation.retired || team.retired;
    const scheduleName = names.schedule(team.id, rotation.id);
    const zone = rotation.timezone;
    out.push({
      type: PD.schedule,
      name: scheduleName,
      squad,
      inputs: {
        name: `${team.name}: ${rotation.name}`,
        description: `Managed by oncall-as-code: squad ${team.id}, rotation ${rotation.id}.`,
        timeZone: zone,
        teams: [ref(teamName)],
        // Not the layers already over: the current and later ones say who is on call from now on. A layer
        // start in the past is moved by the API to the time of the update, which makes no diff
        // (suppressScheduleLayerStartDiff, util.go) and changes nobody's turn: `rotationVirtualStart`
        // anchors them.
        layers: rotationLayers(rotation).filter((layer) => layer.end === undefined || layer.end > options.now).map((layer) =>
          compact({
            name: `${rotation.id} ${layer.id}`,
            start: isoInZone(layer.start, zone),
            end: layer.end === undefined ? undefined : isoInZone(layer.end, zone),
            rotationVirtualStart: isoInZone(layer.start, zone),
            rotationTurnLengthSeconds: layer.turnSeconds,
            users: layer.users.map((p) => user(org, p)),
            restrictions: restrictions(team, rotation.id),
          }),
        ),
      },
      options: stateful(retired),
      origin: { kind: 'rotation', squad, id: rotation.id },
    });
    for (const piece of retired ? [] : overridePieces(rotation)) {
      out.push({
        type: PD.override,
        name: names.override(team.id, rotation.id, piece.start),
        squad,
        inputs: {
          scheduleId: ref(scheduleName),
          start: isoInZone(piece.start, zone),
          end: isoInZone(piece.end, zone),
          userId: user(org, piece.person),
          timeZone: zone,
        },
      });
    }
  }

  for (const policy of team.escalations.values()) {
    const delays = stepDelays(policy);
    out.push({
      type: PD.escalation,
      name: names.escalation(team.id, policy.id),
      squad,
      inputs: {
        name: `${team.name}: ${policy.name}`,
        description: `Response target ${policy.responseTargetMinutes} minutes. Managed by oncall-as-code.`,
        numLoops: policy.repeat,
        // In provider 3.4.0 a policy has one team (a string), unlike schedules.
        teams: ref(teamName),
        rules: policy.steps.map((step, i) => ({
          escalationDelayInMinutes: delays[i] ?? 1,
          targets: stepTargets(org, team, policy, step.targets).map((t): Value =>
            t.kind === 'rotation'
              ? { type: 'schedule_reference', id: ref(names.schedule(t.rotation.team, t.rotation.id)) }
              : { type: 'user_reference', id: user(org, t.person) },
          ),
        })),
      },
      options: stateful(policy.retired || team.retired),
      origin: { kind: 'escalation', squad, id: policy.id },
    });
  }

  const policy = squadPolicy(team);
  const emailService = team.emailIntake ? emailIntakeService(team) : undefined;
  for (const service of team.services.values()) {
    if (!policy) continue;
    const serviceName = names.service(service.id);
    out.push({
      type: PD.service,
      name: serviceName,
      squad,
      inputs: serviceInputs(team, service.name, service.description, names.escalation(team.id, policy.id)),
      options: stateful(service.retired || team.retired),
      origin: { kind: 'service', squad, id: service.id },
    });
    out.push({
      type: PD.integration,
      name: names.integration(service.id, 'datadog'),
      squad,
      inputs: { name: 'Datadog', service: ref(serviceName), vendor: invoke(PD.getVendor, { name: 'Datadog' }) },
    });
    if (service.id === emailService) {
      out.push({
        type: PD.integration,
        name: names.integration(service.id, 'email'),
        squad,
        inputs: {
          name: 'E-mail',
          service: ref(serviceName),
          type: 'generic_email_inbound_integration',
          integrationEmail: `${team.id}@${options.subdomain}.pagerduty.com`,
          emailFilters: [{ ...DEFAULT_EMAIL_FILTER }],
        },
      });
    }
  }
  return out;
}

/** Urgency by routing: constant, or support hours (the first rule's window) with an urgency each side. */
function serviceInputs(team: Team, name: string, description: string | undefined, policyName: string): Record<string, Value> {
  const base = {
    name,
    description: description ?? `${name}, owned by ${team.name}.`,
    escalationPolicy: ref(policyName),
    // Provider v2.4.0 defaults to `create_incidents`, which PagerDuty retired: the API returns this value.
    alertCreation: 'create_alerts_and_incidents',
  };
  const [during, otherwise] = team.routing;
  if (!during || !otherwise || during.during.kind === 'always') {
    return { ...base, incidentUrgencyRule: { type: 'constant', urgency: during?.urgency ?? 'high' } };
  }
  const hours = fixedTimePerDay(during.during);
  if (!hours) return { ...base, incidentUrgencyRule: { type: 'constant', urgency: during.urgency } };
  const inputs: Record<string, Value> = {
    ...base,
    supportHours: {
      type: 'fixed_time_per_day',
      timeZone: during.timezone,
      daysOfWeeks: hours.days,
      startTime: hhmmss(hours.start),
      endTime: hhmmss(hours.end),
    },
    incidentUrgencyRule: {
      type: 'use_support_hours',
      duringSupportHours: { type: 'constant', urgency: during.urgency },
      outsideSupportHours: { type: 'constant', urgency: otherwise.urgency },
    },
  };
  if (during.urgency === 'high' && otherwise.urgency === 'low') {
    inputs.scheduledActions = [{ type: 'urgency_change', toUrgency: 'high', ats: [{ type: 'named_time', name: 'support_hours_start' }] }];
  }
  return inputs;
}
