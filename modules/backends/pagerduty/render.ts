/**
 * PagerDuty (provider 3.4.0). A rotation is a schedule whose layers are its roster orders; coverage is
 * layer restrictions (1 = Monday, whole minutes, daily when the same every day); a policy's `on-call`
 * targets the schedules its routing names; routing by business hours is the service's support hours and
 * urgency. Overrides and swaps go through the REST overrides endpoint (a dynamic provider).
 */
import type { Organisation, Squad } from '../../model/types';
import { isoInZone } from '../../core/local-time';
import { dailyWindow, fixedTimePerDay, hhmmss, wrappedIntervals } from '../../render/coverage-shapes';
import { compact, ref, type DesiredResource, type Value } from '../../render/desired';
import { names } from '../../render/names';
import { rotationLayers } from '../../render/rotation-layers';
import { keptFrom, scheduleRef, squadMembers, titles, userLookup } from '../../render/squad-parts';
import { scheduleOverridesWithHolidays } from '../../render/holiday-overrides';
import { squadPolicy, stepDelays, stepTargets } from '../../render/squad-routing';
import { lookUp, resourceOf } from '../descriptor';
import { promiseUrgencyInputs } from './promise';
import { PAGERDUTY, PAGERDUTY_LOOKUPS } from './resources';

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
 * The service that keeps the squad's own address `<squad>@<subdomain>.pagerduty.com` (its first in service),
 * like its Opsgenie e-mail integration. PagerDuty attaches an e-mail integration to one service, so every
 * other service in service gets one of its own, `<squad>.<service>@…`: e-mailed alerts reach each service.
 */
export function emailIntakeService(team: Squad): string | undefined {
  return [...team.services.values()].find((s) => !s.retired)?.id;
}

/** The address of a service's e-mail integration (ids have no dots, so no two services share one). */
export function intakeAddress(team: Squad, serviceId: string, subdomain: string): string {
  const local = serviceId === emailIntakeService(team) ? team.id : `${team.id}.${serviceId}`;
  return `${local}@${subdomain}.pagerduty.com`;
}

function user(org: Organisation, person: string): Value {
  return userLookup(org, PAGERDUTY_LOOKUPS.user, person);
}

function restrictions(team: Squad, rotationId: string): Value[] | undefined {
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

export function renderPagerDutySquad(org: Organisation, team: Squad, options: PagerDutyOptions): DesiredResource[] {
  const out: DesiredResource[] = [];
  const squad = team.id;
  const teamName = names.team(team.id);
  out.push(
    resourceOf(PAGERDUTY.team, {
      name: teamName,
      squad,
      inputs: compact({ name: team.name, description: team.description }),
      ...keptFrom(team, 'squad', team.id, false),
    }),
  );

  for (const m of squadMembers(team)) {
    out.push(
      resourceOf(PAGERDUTY.membership, {
        name: names.membership(team.id, m.person),
        squad,
        inputs: { teamId: ref(teamName), userId: user(org, m.person), role: m.manager && !m.member ? 'manager' : 'responder' },
      }),
    );
  }

  for (const rotation of team.rotations.values()) {
    const scheduleName = names.schedule(team.id, rotation.id);
    const zone = rotation.timezone;
    out.push(
      resourceOf(PAGERDUTY.schedule, {
        name: scheduleName,
        squad,
        inputs: {
          name: titles.schedule(team, rotation),
          description: titles.scheduleDescription(team, rotation),
          timeZone: zone,
          teams: [ref(teamName)],
          // Not the layers already over: the current and later ones say who is on call from now on. A layer
          // start in the past is moved by the API to the time of the update, which makes no diff
          // (suppressScheduleLayerStartDiff, util.go) and changes nobody's turn: `rotationVirtualStart`
          // anchors them.
          layers: rotationLayers(rotation)
            .filter((layer) => layer.end === undefined || layer.end > options.now)
            .map((layer) =>
              compact({
                name: titles.layer(rotation, layer),
                start: isoInZone(layer.start, zone),
                end: layer.end === undefined ? undefined : isoInZone(layer.end, zone),
                rotationVirtualStart: isoInZone(layer.anchor, zone),
                rotationTurnLengthSeconds: layer.turnSeconds,
                users: layer.anchorUsers.map((p) => user(org, p)),
                restrictions: restrictions(team, rotation.id),
              }),
            ),
        },
        ...keptFrom(team, 'rotation', rotation.id, rotation.retired),
      }),
    );
    for (const o of scheduleOverridesWithHolidays(org, team, rotation, options.now)) {
      out.push(
        resourceOf(PAGERDUTY.override, {
          name: o.name,
          squad,
          inputs: {
            scheduleId: ref(scheduleName),
            start: isoInZone(o.start, zone),
            end: isoInZone(o.end, zone),
            userId: user(org, o.person),
            timeZone: zone,
          },
        }),
      );
    }
  }

  for (const policy of team.escalations.values()) {
    const delays = stepDelays(policy);
    out.push(
      resourceOf(PAGERDUTY.escalation, {
        name: names.escalation(team.id, policy.id),
        squad,
        inputs: {
          name: titles.policy(team, policy),
          description: titles.policyDescription(policy),
          numLoops: policy.repeat,
          // In provider 3.4.0 a policy has one team (a string), unlike schedules.
          teams: ref(teamName),
          rules: policy.steps.map((step, i) => ({
            escalationDelayInMinutes: delays[i] ?? 1,
            targets: stepTargets(org, team, policy, step.targets).map(
              (t): Value =>
                t.kind === 'rotation'
                  ? { type: 'schedule_reference', id: scheduleRef(t.rotation) }
                  : { type: 'user_reference', id: user(org, t.person) },
            ),
          })),
        },
        ...keptFrom(team, 'escalation', policy.id, policy.retired),
      }),
    );
  }

  const policy = squadPolicy(team);
  for (const service of team.services.values()) {
    if (!policy && !service.promise) continue;
    const serviceName = names.service(service.id);
    const policyName = names.escalation(team.id, service.promise?.escalation ?? policy!.id);
    const base = serviceInputs(team, service.name, service.description, policyName);
    out.push(
      resourceOf(PAGERDUTY.service, {
        name: serviceName,
        squad,
        // A service with a promise: its own policy, support hours and urgency (./promise.ts).
        inputs: service.promise ? { ...baseOf(base), ...promiseUrgencyInputs(service.promise) } : base,
        ...keptFrom(team, 'service', service.id, service.retired),
      }),
    );
    out.push(
      resourceOf(PAGERDUTY.integration, {
        name: names.integration(service.id, 'datadog'),
        squad,
        inputs: { name: 'Datadog', service: ref(serviceName), vendor: lookUp(PAGERDUTY_LOOKUPS.vendor, 'Datadog') },
      }),
    );
    if (team.emailIntake && !service.retired) {
      out.push(
        resourceOf(PAGERDUTY.integration, {
          name: names.integration(service.id, 'email'),
          squad,
          inputs: {
            name: 'E-mail',
            service: ref(serviceName),
            type: 'generic_email_inbound_integration',
            integrationEmail: intakeAddress(team, service.id, options.subdomain),
            emailFilters: [{ ...DEFAULT_EMAIL_FILTER }],
          },
        }),
      );
    }
  }
  return out;
}

/** The inputs of a service that do not depend on routing. */
function baseOf(inputs: Record<string, Value>): Record<string, Value> {
  const { name, description, escalationPolicy, alertCreation } = inputs;
  return { name: name!, description: description!, escalationPolicy: escalationPolicy!, alertCreation: alertCreation! };
}

/** Urgency by routing: constant, or support hours (the first rule's window) with an urgency each side. */
function serviceInputs(team: Squad, name: string, description: string | undefined, policyName: string): Record<string, Value> {
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
