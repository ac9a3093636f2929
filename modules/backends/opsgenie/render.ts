/**
 * Opsgenie (provider 1.4.1, bound by hand in modules/pulumi/opsgenie). A rotation is a schedule in its
 * zone whose rotations are its roster orders (each ending where the next begins, since Opsgenie puts every
 * rotation's participant on call at once); escalation delays count from the alert; routing by business
 * hours is ordered team routing rules with weekday-and-time-of-day restrictions.
 */
import type { Organisation, Squad } from '../../model/types';
import { DateTime } from 'luxon';
import { dailyWindow, weekdaySpans } from '../../render/coverage-shapes';
import { compact, ref, type DesiredResource, type Value } from '../../render/desired';
import { names } from '../../render/names';
import { layersAnchoredAtStart } from '../../render/rotation-layers';
import { emailOf, keptFrom, scheduleRef, squadMembers, titles, userLookup } from '../../render/squad-parts';
import { scheduleOverridesWithHolidays } from '../../render/holiday-overrides';
import { squadPolicy, stepDelays, stepTargets } from '../../render/squad-routing';
import { resourceOf } from '../descriptor';
import { promiseRules } from './promise-routing';
import { OPSGENIE, OPSGENIE_LOOKUPS } from './resources';

/**
 * An instant in UTC with a literal `Z` (`2026-01-05T08:00:00Z`). The provider parses rotation dates with the
 * Go layout `2006-01-02T15:04:05Z` (terraform-provider-opsgenie v0.6.40, util.go validateDateWithMinutes), so
 * an offset fails at preview although its docs show one; the override endpoint takes any RFC 3339 date-time
 * (opsgenie-oas scheduleOverride.yaml), so overrides use the same form.
 */
export function opsgenieDate(instant: number): string {
  return DateTime.fromMillis(instant, { zone: 'UTC' }).toFormat("yyyy-MM-dd'T'HH:mm:ss'Z'");
}

/**
 * Opsgenie refuses team names other than letters, digits, spaces, `.`, `_`, `-` and schedule names other than
 * letters, digits, spaces, `_`, `-`, both under 100 characters (validateOpsGenieTeamName,
 * validateOpsgenieScheduleName): accents are folded, other characters become spaces.
 */
export function opsgenieName(text: string, allowed: RegExp): string {
  const folded = text.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  const kept = [...folded].map((c) => (allowed.test(c) ? c : ' ')).join('');
  return kept.replace(/\s+/g, ' ').trim().slice(0, 99).trim();
}
const TEAM_NAME_CHARS = /[a-zA-Z0-9 _.-]/;
const SCHEDULE_NAME_CHARS = /[a-zA-Z0-9 _-]/;

function userId(org: Organisation, person: string): Value {
  return userLookup(org, OPSGENIE_LOOKUPS.user, person);
}

const TURN_TYPES = { hours: 'hourly', days: 'daily', weeks: 'weekly' } as const;

function timeRestrictions(team: Squad, rotationId: string): Value[] | undefined {
  const coverage = team.rotations.get(rotationId)?.coverage;
  if (!coverage || coverage.kind === 'always') return undefined;
  const daily = dailyWindow(coverage);
  if (daily) {
    const end = (daily.start + daily.minutes) % 1440;
    // Pulumi keeps the Terraform name `restriction` for the time-of-day block (pulumi-opsgenie v1.4.1 resources.go).
    return [
      {
        type: 'time-of-day',
        restriction: [
          { startHour: Math.floor(daily.start / 60), startMin: daily.start % 60, endHour: Math.floor(end / 60), endMin: end % 60 },
        ],
      },
    ];
  }
  return [{ type: 'weekday-and-time-of-day', restrictionList: spansOf(coverage) }];
}

function spansOf(coverage: Parameters<typeof weekdaySpans>[0]): Value[] {
  return weekdaySpans(coverage).map((s) => ({
    startDay: s.startDay,
    startHour: Math.floor(s.startMinute / 60),
    startMin: s.startMinute % 60,
    endDay: s.endDay,
    endHour: Math.floor(s.endMinute / 60),
    endMin: s.endMinute % 60,
  }));
}

export function renderOpsgenieSquad(org: Organisation, team: Squad, now: number): DesiredResource[] {
  const out: DesiredResource[] = [];
  const squad = team.id;
  const teamName = names.team(team.id);
  out.push(
    resourceOf(OPSGENIE.team, {
      name: teamName,
      squad,
      inputs: compact({
        name: opsgenieName(team.name, TEAM_NAME_CHARS) || team.id,
        description: team.description,
        deleteDefaultResources: true,
        members: squadMembers(team).map((m) => ({ id: userId(org, m.person), role: m.manager ? 'admin' : 'user' })),
      }),
      ...keptFrom(team, 'squad', team.id, false),
    }),
  );

  for (const rotation of team.rotations.values()) {
    const scheduleName = names.schedule(team.id, rotation.id);
    out.push(
      resourceOf(OPSGENIE.schedule, {
        name: scheduleName,
        squad,
        inputs: {
          name: opsgenieName(`${team.name} - ${rotation.name}`, SCHEDULE_NAME_CHARS) || `${team.id}_${rotation.id}`,
          description: titles.scheduleDescription(team, rotation),
          timezone: rotation.timezone,
          ownerTeamId: ref(teamName),
          enabled: true,
        },
        ...keptFrom(team, 'rotation', rotation.id, rotation.retired),
      }),
    );
    for (const layer of layersAnchoredAtStart(rotation)) {
      out.push(
        resourceOf(OPSGENIE.rotation, {
          name: names.rotation(team.id, rotation.id, layer.id),
          squad,
          inputs: compact({
            scheduleId: ref(scheduleName),
            name: titles.layer(rotation, layer),
            type: TURN_TYPES[rotation.every.unit],
            length: rotation.every.count,
            startDate: opsgenieDate(layer.start),
            endDate: layer.end === undefined ? undefined : opsgenieDate(layer.end),
            participants: layer.users.map((p) => ({ type: 'user', id: userId(org, p) })),
            timeRestrictions: timeRestrictions(team, rotation.id),
          }),
        }),
      );
    }
    for (const o of scheduleOverridesWithHolidays(org, team, rotation, now)) {
      out.push(
        resourceOf(OPSGENIE.override, {
          name: o.name,
          squad,
          inputs: {
            scheduleId: ref(scheduleName),
            alias: o.name,
            username: emailOf(org, o.person),
            startDate: opsgenieDate(o.start),
            endDate: opsgenieDate(o.end),
          },
        }),
      );
    }
  }

  for (const policy of team.escalations.values()) {
    // Rules go in delay order: the API returns them by delay whatever order they were sent in, and the
    // provider reads them back as a list (terraform-provider-opsgenie#397), so any other order never settles.
    // Steps' delays strictly increase; rules share a delay only within a step (notified at the same minute).
    const rules: Value[] = [];
    for (const step of policy.steps) {
      // One recipient per rule (the provider sends only a rule's last recipient): a step notifying several gets
      // several rules at the same delay, each recipient once.
      const seen = new Set<string>();
      for (const t of stepTargets(org, team, policy, step.targets)) {
        const recipient =
          t.kind === 'rotation' ? { type: 'schedule', id: scheduleRef(t.rotation) } : { type: 'user', id: userId(org, t.person) };
        const key = JSON.stringify(recipient);
        if (seen.has(key)) continue;
        seen.add(key);
        rules.push({ condition: 'if-not-acked', notifyType: 'default', delay: step.afterMinutes, recipients: [recipient] });
      }
    }
    const delays = stepDelays(policy);
    out.push(
      resourceOf(OPSGENIE.escalation, {
        name: names.escalation(team.id, policy.id),
        squad,
        inputs: compact({
          name: titles.policy(team, policy),
          description: titles.policyDescription(policy),
          ownerTeamId: ref(teamName),
          rules,
          repeats:
            policy.repeat > 0
              ? [
                  {
                    waitInterval: delays[delays.length - 1] ?? 1,
                    count: policy.repeat,
                    resetRecipientStates: true,
                    closeAlertAfterAll: false,
                  },
                ]
              : undefined,
        }),
        ...keptFrom(team, 'escalation', policy.id, policy.retired),
      }),
    );
  }

  // Each rule is created after the one before it: the API inserts a rule at its `order` among the rules that
  // exist when it is created, and the provider reads that index back at once, so rules created in parallel
  // could land (and be recorded) out of order.
  let previous: string | undefined;
  // Services' promises first (./promise-routing.ts): they match on the service tag, the squad's rules on all.
  const promised = promiseRules(team, spansOf);
  promised.forEach((rule, order) => {
    out.push(
      resourceOf(OPSGENIE.routingRule, {
        name: rule.name,
        squad,
        inputs: { teamId: ref(teamName), order, ...rule.inputs },
        options: previous === undefined ? undefined : { dependsOn: [previous] },
      }),
    );
    previous = rule.name;
  });
  team.routing.forEach((rule, index) => {
    const order = promised.length + index;
    const isDefault = rule.during.kind === 'always';
    const name = names.routingRule(
      team.id,
      isDefault ? 'otherwise' : rule.during.kind === 'custom' ? `rule-${index + 1}` : rule.during.kind,
    );
    out.push(
      resourceOf(OPSGENIE.routingRule, {
        name,
        squad,
        inputs: compact({
          teamId: ref(teamName),
          name: isDefault
            ? 'Otherwise'
            : rule.during.kind === 'custom'
              ? `Rule ${index + 1}`
              : rule.during.kind === 'business-hours'
                ? 'Business hours'
                : 'Off hours',
          order,
          timezone: rule.timezone,
          criterias: [{ type: 'match-all' }],
          timeRestrictions: isDefault ? undefined : [{ type: 'weekday-and-time-of-day', restrictionList: spansOf(rule.during) }],
          notifies: [{ type: 'escalation', id: ref(names.escalation(team.id, rule.escalation)) }],
        }),
        options: previous === undefined ? undefined : { dependsOn: [previous] },
      }),
    );
    previous = name;
  });

  if (squadPolicy(team)) {
    const responders = [{ type: 'team', id: ref(teamName) }];
    out.push(
      resourceOf(OPSGENIE.apiIntegration, {
        name: names.integration(team.id, 'datadog'),
        squad,
        inputs: { name: `${team.id}-datadog`, type: 'Datadog', ownerTeamId: ref(teamName), responders, enabled: true },
      }),
    );
    if (team.emailIntake) {
      out.push(
        resourceOf(OPSGENIE.emailIntegration, {
          name: names.integration(team.id, 'email'),
          squad,
          inputs: { name: `${team.id}-email`, emailUsername: team.id, ownerTeamId: ref(teamName), responders, enabled: true },
        }),
      );
    }
  }
  return out;
}
