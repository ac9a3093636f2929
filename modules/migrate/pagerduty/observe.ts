/**
 * A PagerDuty account in the provider's input form (@pulumi/pagerduty 3.4.0 over
 * PagerDuty/terraform-provider-pagerduty@v2.4.0): the inputs modules/backends/pagerduty/render.ts and contacts.ts
 * write, with the values the provider's Read stores (pagerduty/ at v2.4.0):
 * - schedules: resourcePagerDutyScheduleRead → flattenScheduleLayers, which skips layers whose `end` has passed
 *   and reverses the API's order (newest first) back to the configured order; users by id; restrictions with
 *   `start_day_of_week` only when set; `teams` by id (flattenShedTeams);
 * - escalation policies: resourcePagerDutyEscalationPolicyRead → `num_loops`, flattenEscalationRules (delay and
 *   targets `{id, type}`), `teams` (one team in provider 3.4.0, as the renderer writes it);
 * - services: flattenService → name, description, the policy's id, `alert_creation`, the two timeouts when not the
 *   schema's defaults (the only values a plan without them would change), flattenIncidentUrgencyRule
 *   (the `urgency` of a rule only when it has one), flattenSupportHours, flattenScheduledActions (`at` a one-item
 *   list: `ats`);
 * - integrations: resourcePagerDutyServiceIntegrationRead → name, service, vendor (or type), integration_email,
 *   flattenEmailFilters (modes; regexes only when set);
 * - team memberships, contact methods and notification rules (resource_pagerduty_team_membership.go,
 *   resource_pagerduty_user_contact_method.go, resource_pagerduty_user_notification_rule.go: flattenContactMethod);
 * - overrides: our dynamic provider's inputs (modules/pulumi/overrides/pagerduty.ts): schedule, start, end, user
 *   and the schedule's zone.
 * Users are `getUser` look-ups by e-mail, vendors `getVendor` by name, push and e-mail contact methods
 * `getUserContactMethod` by user, type and label, as the renderer writes them. Times are written in the schedule's
 * zone as the renderer writes them (`isoInZone`): the same instants, whatever offset the API answered with.
 * Names are provisional, `<API type>/<id>`.
 */
import { DateTime } from 'luxon';
import { PAGERDUTY_LOOKUPS, PAGERDUTY_USER_TYPE, PD } from '../../backends/pagerduty/resources';
import { lookUp } from '../../backends/descriptor';
import { isoInZone } from '../../core/local-time';
import { invoke, ref, type Value } from '../../render/desired';
import type { AccountExport, ObservedResource, ObservedState, SourceObject } from '../account';
import {
  PD_KEYS,
  type PdContactMethod,
  type PdEscalationPolicy,
  type PdIntegration,
  type PdLayer,
  type PdMember,
  type PdNotificationRule,
  type PdOverride,
  type PdSchedule,
  type PdService,
  type PdTeam,
  type PdUser,
  type PdVendor,
} from './api-types';

/** PagerDuty users are looked up by the renderer, never created: the provider's user resource, for their names. */
export const PD_USER = PAGERDUTY_USER_TYPE;

export const provisional = {
  user: (id: string) => `user/${id}`,
  team: (id: string) => `team/${id}`,
  membership: (team: string, user: string) => `team_membership/${team}:${user}`,
  schedule: (id: string) => `schedule/${id}`,
  override: (id: string) => `override/${id}`,
  escalation: (id: string) => `escalation_policy/${id}`,
  service: (id: string) => `service/${id}`,
  integration: (id: string) => `integration/${id}`,
  contactMethod: (id: string) => `contact_method/${id}`,
  notificationRule: (id: string) => `notification_rule/${id}`,
};

/** The squad field of observed resources: the provisional team, or the people's contacts. */
export const OBSERVED_CONTACTS = 'contacts';

function list<T>(account: AccountExport, key: string): T[] {
  return (account.endpoints.get(key) ?? []) as T[];
}

const instant = (iso: string) => DateTime.fromISO(iso, { setZone: true }).toMillis();
/** The same instant as the renderer writes it in `zone`. */
const inZone = (iso: string, zone: string) => isoInZone(instant(iso), zone);
const nonEmpty = (s: string | null | undefined): s is string => typeof s === 'string' && s !== '';

export interface ObserveOptions {
  /** The instant of the reading: layers ended by then are not read back (flattenScheduleLayers). */
  readonly now: number;
}

export function observePagerDuty(account: AccountExport, options: ObserveOptions): ObservedState {
  const out: ObservedResource[] = [];
  const src = (type: string, id: string, name?: string): SourceObject => ({ backend: 'pagerduty', type, id, ...(name ? { name } : {}) });
  const users = new Map(list<PdUser>(account, PD_KEYS.users).map((u) => [u.id, u]));
  const user = (id: string): Value => lookUp(PAGERDUTY_LOOKUPS.user, users.get(id)?.email ?? id);
  const teamRef = (id: string): Value => ref(provisional.team(id));

  for (const team of list<PdTeam>(account, PD_KEYS.teams)) {
    out.push({
      type: PD.team,
      name: provisional.team(team.id),
      squad: provisional.team(team.id),
      id: team.id,
      from: src('team', team.id, team.name),
      inputs: { name: team.name, ...(nonEmpty(team.description) ? { description: team.description } : {}) },
    });
    for (const m of list<PdMember>(account, PD_KEYS.members(team.id))) {
      out.push({
        type: PD.membership,
        name: provisional.membership(team.id, m.user.id),
        squad: provisional.team(team.id),
        id: `${m.user.id}:${team.id}`,
        from: src('team membership', `${team.id}:${m.user.id}`, users.get(m.user.id)?.name),
        inputs: { teamId: teamRef(team.id), userId: user(m.user.id), role: m.role },
      });
    }
  }

  for (const s of list<PdSchedule>(account, PD_KEYS.schedules)) {
    const zone = s.time_zone;
    const squad = s.teams?.[0] ? provisional.team(s.teams[0].id) : provisional.schedule(s.id);
    const layers = [...(s.schedule_layers ?? [])]
      .filter((l) => !nonEmpty(l.end) || instant(l.end) > options.now)
      .reverse()
      .map((l) => layerInputs(l, zone, user));
    out.push({
      type: PD.schedule,
      name: provisional.schedule(s.id),
      squad,
      id: s.id,
      from: src('schedule', s.id, s.name),
      inputs: {
        name: s.name,
        ...(nonEmpty(s.description) ? { description: s.description } : {}),
        timeZone: zone,
        teams: (s.teams ?? []).map((t) => teamRef(t.id)),
        layers,
      },
    });
    for (const o of list<PdOverride>(account, PD_KEYS.overrides(s.id))) {
      out.push({
        type: PD.override,
        name: provisional.override(o.id),
        squad,
        id: o.id,
        from: src('override', o.id),
        inputs: {
          scheduleId: ref(provisional.schedule(s.id)),
          start: inZone(o.start, zone),
          end: inZone(o.end, zone),
          userId: user(o.user.id),
          timeZone: zone,
        },
      });
    }
  }

  for (const p of list<PdEscalationPolicy>(account, PD_KEYS.escalationPolicies)) {
    const team = p.teams?.[0];
    out.push({
      type: PD.escalation,
      name: provisional.escalation(p.id),
      squad: team ? provisional.team(team.id) : provisional.escalation(p.id),
      id: p.id,
      from: src('escalation_policy', p.id, p.name),
      inputs: {
        name: p.name,
        ...(nonEmpty(p.description) ? { description: p.description } : {}),
        numLoops: p.num_loops ?? 0,
        ...(team ? { teams: teamRef(team.id) } : {}),
        rules: p.escalation_rules.map((r) => ({
          escalationDelayInMinutes: r.escalation_delay_in_minutes,
          targets: r.targets.map((t) => {
            const type = t.type === 'user' ? 'user_reference' : t.type === 'schedule' ? 'schedule_reference' : String(t.type);
            return { type, id: type === 'user_reference' ? user(t.id) : ref(provisional.schedule(t.id)) };
          }),
        })),
      },
    });
  }

  const vendors = new Map(list<PdVendor>(account, PD_KEYS.vendors).map((v) => [v.id, v.name]));
  const policies = new Map(list<PdEscalationPolicy>(account, PD_KEYS.escalationPolicies).map((p) => [p.id, p]));
  for (const s of list<PdService>(account, PD_KEYS.services)) {
    const team = policies.get(s.escalation_policy.id)?.teams?.[0];
    const squad = team ? provisional.team(team.id) : provisional.service(s.id);
    out.push({
      type: PD.service,
      name: provisional.service(s.id),
      squad,
      id: s.id,
      from: src('service', s.id, s.name),
      inputs: serviceInputs(s),
    });
    for (const i of list<PdIntegration>(account, PD_KEYS.integrations(s.id))) {
      const vendor = i.vendor ? (vendors.get(i.vendor.id) ?? i.vendor.summary ?? i.vendor.id) : undefined;
      const inputs: Record<string, Value> = { name: i.name ?? '', service: ref(provisional.service(s.id)) };
      if (vendor !== undefined && vendor !== null) inputs.vendor = lookUp(PAGERDUTY_LOOKUPS.vendor, vendor);
      else inputs.type = i.type;
      if (nonEmpty(i.integration_email)) inputs.integrationEmail = i.integration_email;
      if (i.email_filters && i.email_filters.length > 0)
        inputs.emailFilters = i.email_filters.map((f) => {
          const filter: Record<string, Value> = {};
          for (const [from, to] of [
            ['subject_mode', 'subjectMode'],
            ['subject_regex', 'subjectRegex'],
            ['body_mode', 'bodyMode'],
            ['body_regex', 'bodyRegex'],
            ['from_email_mode', 'fromEmailMode'],
            ['from_email_regex', 'fromEmailRegex'],
          ] as const)
            if (nonEmpty(f[from])) filter[to] = f[from];
          return filter;
        });
      out.push({
        type: PD.integration,
        name: provisional.integration(i.id),
        squad,
        id: `${s.id}.${i.id}`,
        from: src('integration', i.id, i.name),
        inputs,
      });
    }
  }

  // How people are reached: their numbers, and one resource per notification rule.
  for (const u of users.values()) {
    // The user itself (resource_pagerduty_user.go): the renderer looks users up, the import reads their names.
    out.push({
      type: PD_USER,
      name: provisional.user(u.id),
      squad: OBSERVED_CONTACTS,
      id: u.id,
      from: src('user', u.id, u.name),
      inputs: { name: u.name, email: u.email, ...(nonEmpty(u.time_zone) ? { timeZone: u.time_zone } : {}), role: u.role ?? 'user' },
    });
    const methods = list<PdContactMethod>(account, PD_KEYS.contactMethods(u.id));
    const byId = new Map(methods.map((m) => [m.id, m]));
    for (const m of methods.filter((m) => m.type === 'phone_contact_method' || m.type === 'sms_contact_method')) {
      out.push({
        type: PD.contactMethod,
        name: provisional.contactMethod(m.id),
        squad: OBSERVED_CONTACTS,
        id: `${u.id}:${m.id}`,
        from: src('contact_method', m.id, m.label),
        inputs: { userId: user(u.id), type: m.type, label: m.label, countryCode: m.country_code ?? 1, address: m.address },
      });
    }
    for (const r of list<PdNotificationRule>(account, PD_KEYS.notificationRules(u.id))) {
      const m = byId.get(r.contact_method.id);
      const type = m?.type ?? String(r.contact_method.type).replace(/_reference$/, '');
      const id: Value =
        type === 'phone_contact_method' || type === 'sms_contact_method'
          ? ref(provisional.contactMethod(r.contact_method.id))
          : invoke(PAGERDUTY_LOOKUPS.contactMethod.token, { userId: lookUp(PAGERDUTY_LOOKUPS.user, u.email), type, label: m?.label ?? '' });
      out.push({
        type: PD.notificationRule,
        name: provisional.notificationRule(r.id),
        squad: OBSERVED_CONTACTS,
        id: `${u.id}:${r.id}`,
        from: src('notification_rule', r.id),
        inputs: { userId: user(u.id), startDelayInMinutes: r.start_delay_in_minutes, urgency: r.urgency, contactMethod: { id, type } },
      });
    }
  }
  return { stack: 'pagerduty-account', backend: 'pagerduty', resources: out };
}

function layerInputs(l: PdLayer, zone: string, user: (id: string) => Value): Record<string, Value> {
  const inputs: Record<string, Value> = {};
  if (nonEmpty(l.name)) inputs.name = l.name;
  inputs.start = inZone(l.start, zone);
  if (nonEmpty(l.end)) inputs.end = inZone(l.end, zone);
  inputs.rotationVirtualStart = inZone(l.rotation_virtual_start, zone);
  inputs.rotationTurnLengthSeconds = l.rotation_turn_length_seconds;
  inputs.users = l.users.map((u) => user(u.user.id));
  if (l.restrictions && l.restrictions.length > 0)
    inputs.restrictions = l.restrictions.map((r) => ({
      type: r.type,
      ...(r.start_day_of_week ? { startDayOfWeek: r.start_day_of_week } : {}),
      startTimeOfDay: r.start_time_of_day,
      durationSeconds: r.duration_seconds,
    }));
  return inputs;
}

function serviceInputs(s: PdService): Record<string, Value> {
  const inputs: Record<string, Value> = { name: s.name };
  if (nonEmpty(s.description)) inputs.description = s.description;
  inputs.escalationPolicy = ref(provisional.escalation(s.escalation_policy.id));
  inputs.alertCreation = s.alert_creation ?? 'create_alerts_and_incidents';
  // Strings in the provider (`"null"` when unset); the renderer leaves the schema's defaults, 14400 and 1800.
  if (s.auto_resolve_timeout !== 14400)
    inputs.autoResolveTimeout = s.auto_resolve_timeout == null ? 'null' : String(s.auto_resolve_timeout);
  if (s.acknowledgement_timeout !== 1800)
    inputs.acknowledgementTimeout = s.acknowledgement_timeout == null ? 'null' : String(s.acknowledgement_timeout);
  const rule = s.incident_urgency_rule;
  const urgencyType = (u: { type: string; urgency?: string | null }): Value => ({
    type: u.type,
    ...(nonEmpty(u.urgency) ? { urgency: u.urgency } : {}),
  });
  if (s.support_hours && nonEmpty(s.support_hours.type)) {
    const h = s.support_hours;
    inputs.supportHours = {
      type: h.type!,
      ...(nonEmpty(h.time_zone) ? { timeZone: h.time_zone } : {}),
      ...(h.days_of_week && h.days_of_week.length > 0 ? { daysOfWeeks: [...h.days_of_week] } : {}),
      ...(nonEmpty(h.start_time) ? { startTime: h.start_time } : {}),
      ...(nonEmpty(h.end_time) ? { endTime: h.end_time } : {}),
    };
  }
  if (rule) {
    inputs.incidentUrgencyRule = {
      ...(urgencyType(rule) as Record<string, Value>),
      ...(rule.during_support_hours ? { duringSupportHours: urgencyType(rule.during_support_hours) } : {}),
      ...(rule.outside_support_hours ? { outsideSupportHours: urgencyType(rule.outside_support_hours) } : {}),
    };
  }
  if (s.scheduled_actions && s.scheduled_actions.length > 0)
    inputs.scheduledActions = s.scheduled_actions.map((a) => ({
      type: a.type,
      toUrgency: a.to_urgency,
      ats: [{ type: a.at.type, name: a.at.name }],
    }));
  return inputs;
}
