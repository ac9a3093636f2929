/**
 * An Opsgenie account in the provider's input form (terraform-provider-opsgenie v0.6.40, through the binding of
 * provider 1.4.1), as each resource's Read stores it and with the property names and shapes the renderer
 * (modules/backends/opsgenie/render.ts) writes:
 * - team: name, description, members `{id, role}` (resource_opsgenie_team.go resourceOpsGenieTeamRead; the
 *   Computed `username` left out). `delete_default_resources` is never read: it is `true` when the team has no
 *   default schedule and escalation left (`<team>_schedule`, `<team>_escalation`), which is what it did;
 * - schedule: name, description, timezone, ownerTeamId, enabled (resource_opsgenie_schedule.go);
 * - rotation: scheduleId, name, type, length, startDate, endDate (Go layout `2006-01-02T15:04:05Z`),
 *   participants `{type, id}`, timeRestrictions (resource_opsgenie_schedule_rotation.go; util.go
 *   flattenOpsgenieTimeRestriction: `restrictionList` for a weekday list, else one `restriction`);
 * - override (our dynamic provider, modules/pulumi/overrides/opsgenie.ts): scheduleId, alias, username, dates;
 * - escalation: name, description, ownerTeamId, rules `{condition, notifyType, delay, recipients: [one]}` in the
 *   API's order, repeats (resource_opsgenie_escalation.go flattenOpsgenieEscalationRules, …Repeat);
 * - team routing rule: teamId, name, order, timezone, criterias (conditions `{field, operation, expectedValue}`,
 *   with `key` and `not` only when set), timeRestrictions, notifies `{type, id}` (resource_opsgenie_team_routing_rule.go);
 *   the team's default rule is the API's own, not a provider resource: it is left out when it notifies nobody;
 * - API and e-mail integrations: name, type / emailUsername, ownerTeamId, responders, enabled
 *   (resource_opsgenie_api_integration.go, resource_opsgenie_email_integration.go);
 * - user contacts (SMS, voice) and notification rules (resource_opsgenie_user_contact.go,
 *   resource_opsgenie_notification_rule.go).
 * References are `$ref`s to provisional names `<type>/<id>`; users are `getUser` look-ups by username (e-mail).
 */
import { lookUp } from '../../backends/descriptor';
import { OG, OPSGENIE_LOOKUPS } from '../../backends/opsgenie/resources';
import { CONTACTS_OWNER } from '../../backends/contacts';
import { ref, type Value } from '../../render/desired';
import type { AccountExport, ObservedResource, ObservedState, SourceObject } from '../account';
import { DateTime } from 'luxon';
import { OPSGENIE_USER } from './people';

export type Obj = Record<string, unknown>;
export const objOf = (v: unknown): Obj => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {});
export const listOf = (v: unknown): Obj[] => (Array.isArray(v) ? v.map(objOf) : []);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

export const provisional = {
  team: (id: string) => `team/${id}`,
  schedule: (id: string) => `schedule/${id}`,
  rotation: (id: string) => `rotation/${id}`,
  override: (schedule: string, alias: string) => `override/${schedule}/${alias}`,
  escalation: (id: string) => `escalation/${id}`,
  routingRule: (id: string) => `routing-rule/${id}`,
  integration: (id: string) => `integration/${id}`,
  contact: (id: string) => `contact/${id}`,
  notificationRule: (id: string) => `notification-rule/${id}`,
};

/** A date the provider stores with the layout `2006-01-02T15:04:05Z`. */
export function goZ(iso: unknown): string {
  const d = DateTime.fromISO(String(iso), { setZone: true });
  return d.isValid ? d.toUTC().toFormat("yyyy-MM-dd'T'HH:mm:ss'Z'") : String(iso);
}

/** Minutes of a Duration (`{timeAmount, timeUnit}`, opsgenie-oas definitions/common.yaml). */
export function minutesOf(duration: unknown): number {
  const d = objOf(duration);
  const amount = Number(d.timeAmount ?? 0);
  const per: Record<string, number> = { days: 1440, hours: 60, minutes: 1, seconds: 1 / 60 };
  return amount * (per[String(d.timeUnit ?? 'minutes')] ?? 1);
}

function timeRestrictions(tr: unknown): Value[] | undefined {
  const o = objOf(tr);
  if (typeof o.type !== 'string' || o.type === '') return undefined;
  const times = (x: Obj) => ({
    startHour: Number(x.startHour ?? 0),
    startMin: Number(x.startMin ?? 0),
    endHour: Number(x.endHour ?? 0),
    endMin: Number(x.endMin ?? 0),
  });
  const list = listOf(o.restrictions ?? o.restrictionList);
  if (list.length > 0) {
    return [
      {
        type: o.type,
        restrictionList: list.map((x) => ({
          startDay: String(x.startDay),
          startHour: Number(x.startHour ?? 0),
          startMin: Number(x.startMin ?? 0),
          endDay: String(x.endDay),
          endHour: Number(x.endHour ?? 0),
          endMin: Number(x.endMin ?? 0),
        })),
      },
    ];
  }
  return [{ type: o.type, restriction: [times(objOf(o.restriction))] }];
}

export interface AccountIndex {
  readonly users: Map<string, Obj>;
  readonly teams: Obj[];
  readonly schedules: Obj[];
  readonly escalations: Obj[];
}

export function indexAccount(account: AccountExport): AccountIndex {
  const get = (key: string) => listOf(account.endpoints.get(key));
  return {
    users: new Map(get('users').map((u) => [String(u.id), u])),
    teams: get('teams'),
    schedules: get('schedules'),
    escalations: get('escalations'),
  };
}

export function observeOpsgenie(account: AccountExport): ObservedState {
  const get = (key: string) => listOf(account.endpoints.get(key));
  const { users, teams, schedules, escalations } = indexAccount(account);
  const out: ObservedResource[] = [];
  const source = (type: string, id: string, name?: unknown): SourceObject => ({
    backend: 'opsgenie',
    type,
    id,
    ...(typeof name === 'string' ? { name } : {}),
  });
  const userRef = (id: unknown, username?: unknown): Value => {
    const name = str(username) ?? str(users.get(String(id))?.username) ?? String(id);
    return lookUp(OPSGENIE_LOOKUPS.user, name);
  };
  const squadOf = (ownerTeam: unknown) => {
    const id = str(objOf(ownerTeam).id);
    return id === undefined ? 'account' : provisional.team(id);
  };
  const recipient = (r: Obj): Value => {
    if (r.type === 'user') return { type: 'user', id: userRef(r.id, r.username) };
    const to = r.type === 'schedule' ? provisional.schedule : r.type === 'team' ? provisional.team : provisional.escalation;
    return { type: String(r.type), id: ref(to(String(r.id))) };
  };

  // Users are looked up by the renderer, never planned: they are observed for the people they become
  // (resource_opsgenie_user.go's input names: username, full_name, role, timezone).
  for (const user of users.values()) {
    const id = String(user.id);
    out.push({
      type: OPSGENIE_USER,
      name: `user/${id}`,
      id,
      squad: CONTACTS_OWNER,
      from: source('user', id, user.username),
      inputs: {
        username: String(user.username),
        fullName: String(user.fullName ?? user.username),
        role: String(objOf(user.role).name ?? 'User'),
        ...(str(user.timeZone) ? { timezone: String(user.timeZone) } : {}),
      },
    });
  }

  for (const team of teams) {
    const id = String(team.id);
    const defaults =
      schedules.some((s) => s.name === `${String(team.name)}_schedule` && objOf(s.ownerTeam).id === id) ||
      escalations.some((e) => e.name === `${String(team.name)}_escalation` && objOf(e.ownerTeam).id === id);
    out.push({
      type: OG.team,
      name: provisional.team(id),
      id,
      squad: provisional.team(id),
      from: source('team', id, team.name),
      inputs: {
        name: String(team.name),
        ...(str(team.description) ? { description: String(team.description) } : {}),
        deleteDefaultResources: !defaults,
        members: listOf(team.members).map((m) => ({
          id: userRef(objOf(m.user).id, objOf(m.user).username),
          role: String(m.role ?? 'user'),
        })),
      },
    });
  }

  for (const schedule of schedules) {
    const id = String(schedule.id);
    const squad = squadOf(schedule.ownerTeam);
    out.push({
      type: OG.schedule,
      name: provisional.schedule(id),
      id,
      squad,
      from: source('schedule', id, schedule.name),
      inputs: {
        name: String(schedule.name),
        description: String(schedule.description ?? ''),
        timezone: String(schedule.timezone ?? 'America/New_York'),
        ...(objOf(schedule.ownerTeam).id !== undefined ? { ownerTeamId: ref(provisional.team(String(objOf(schedule.ownerTeam).id))) } : {}),
        enabled: schedule.enabled !== false,
      },
    });
    for (const rotation of get(`schedules/${id}/rotations`)) {
      const rid = String(rotation.id);
      const restrictions = timeRestrictions(rotation.timeRestriction);
      out.push({
        type: OG.rotation,
        name: provisional.rotation(rid),
        id: `${id}/${rid}`,
        squad,
        from: source('schedule rotation', rid, rotation.name),
        inputs: {
          scheduleId: ref(provisional.schedule(id)),
          name: String(rotation.name ?? ''),
          type: String(rotation.type),
          length: Number(rotation.length ?? 1),
          startDate: goZ(rotation.startDate),
          ...(rotation.endDate !== undefined ? { endDate: goZ(rotation.endDate) } : {}),
          participants: listOf(rotation.participants).map((p) =>
            p.type === 'user'
              ? { type: 'user', id: userRef(p.id, p.username) }
              : { type: String(p.type), ...(p.id !== undefined ? { id: String(p.id) } : {}) },
          ),
          ...(restrictions ? { timeRestrictions: restrictions } : {}),
        },
      });
    }
    for (const o of get(`schedules/${id}/overrides`)) {
      const alias = String(o.alias);
      const user = objOf(o.user);
      out.push({
        type: OG.override,
        name: provisional.override(id, alias),
        id: `${id}/${alias}`,
        squad,
        from: source('schedule override', alias),
        inputs: {
          scheduleId: ref(provisional.schedule(id)),
          alias,
          username: str(user.username) ?? str(users.get(String(user.id))?.username) ?? String(user.id),
          startDate: goZ(o.startDate),
          endDate: goZ(o.endDate),
        },
      });
    }
  }

  for (const e of escalations) {
    const id = String(e.id);
    const repeat = objOf(e.repeat);
    const repeats = Number(repeat.count ?? 0) > 0 || Number(repeat.waitInterval ?? 0) > 0;
    out.push({
      type: OG.escalation,
      name: provisional.escalation(id),
      id,
      squad: squadOf(e.ownerTeam),
      from: source('escalation', id, e.name),
      inputs: {
        name: String(e.name),
        ...(str(e.description) ? { description: String(e.description) } : {}),
        ...(objOf(e.ownerTeam).id !== undefined ? { ownerTeamId: ref(provisional.team(String(objOf(e.ownerTeam).id))) } : {}),
        rules: listOf(e.rules).map((r) => ({
          condition: String(r.condition ?? 'if-not-acked'),
          notifyType: String(r.notifyType ?? 'default'),
          delay: minutesOf(r.delay),
          recipients: [recipient(objOf(r.recipient))],
        })),
        ...(repeats
          ? {
              repeats: [
                {
                  waitInterval: Number(repeat.waitInterval ?? 0),
                  count: Number(repeat.count ?? 0),
                  resetRecipientStates: repeat.resetRecipientStates === true,
                  closeAlertAfterAll: repeat.closeAlertAfterAll === true,
                },
              ],
            }
          : {}),
      },
    });
  }

  for (const team of teams) {
    const teamId = String(team.id);
    for (const rule of get(`teams/${teamId}/routing-rules`)) {
      const notify = objOf(rule.notify);
      if (rule.isDefault === true && notify.type === 'none') continue;
      const criteria = objOf(rule.criteria);
      const conditions = listOf(criteria.conditions).map((c) => ({
        field: String(c.field),
        ...(str(c.key) ? { key: String(c.key) } : {}),
        operation: String(c.operation),
        expectedValue: String(c.expectedValue ?? ''),
        ...(c.not === true ? { not: true } : {}),
      }));
      const restrictions = timeRestrictions(rule.timeRestriction);
      const id = String(rule.id);
      out.push({
        type: OG.routingRule,
        name: provisional.routingRule(id),
        id: `${teamId}/${id}`,
        squad: provisional.team(teamId),
        from: source('team routing rule', id, rule.name),
        inputs: {
          teamId: ref(provisional.team(teamId)),
          name: String(rule.name ?? ''),
          order: Number(rule.order ?? 0),
          timezone: String(rule.timezone ?? ''),
          criterias: [conditions.length > 0 ? { type: String(criteria.type), conditions } : { type: String(criteria.type ?? 'match-all') }],
          ...(restrictions ? { timeRestrictions: restrictions } : {}),
          notifies: [notify.type === 'none' ? { type: 'none' } : recipient(notify)],
          ...(rule.isDefault === true ? { isDefault: true } : {}),
        },
      });
    }
  }

  for (const meta of get('integrations')) {
    const id = String(meta.id);
    // Integrations of other types are read from their summary (their settings have no YAML form).
    const full = listOf(account.endpoints.get(`integrations/${id}`))[0] ?? {
      ...meta,
      ...(meta.teamId !== undefined ? { ownerTeam: { id: meta.teamId } } : {}),
    };
    const owner = objOf(full.ownerTeam).id;
    const common = {
      name: String(full.name),
      ...(full.type === 'Email' ? { emailUsername: String(full.emailUsername) } : { type: String(full.type) }),
      ...(owner !== undefined ? { ownerTeamId: ref(provisional.team(String(owner))) } : {}),
      responders: listOf(full.responders).map(recipient),
      enabled: full.enabled !== false,
    };
    out.push({
      type: full.type === 'Email' ? OG.emailIntegration : OG.apiIntegration,
      name: provisional.integration(id),
      id,
      squad: owner === undefined ? 'account' : provisional.team(String(owner)),
      from: source('integration', id, full.name),
      inputs: common,
    });
  }

  for (const user of users.values()) {
    const id = String(user.id);
    const username = String(user.username);
    for (const c of get(`users/${id}/contacts`)) {
      // The e-mail contact every user has is Opsgenie's own; the stack provisions numbers only.
      if (c.method === 'email' && c.to === username) continue;
      out.push({
        type: OG.userContact,
        name: provisional.contact(String(c.id)),
        id: `${username}/${String(c.id)}`,
        squad: CONTACTS_OWNER,
        from: source('user contact', String(c.id), `${username} ${String(c.method)}`),
        inputs: { username, method: String(c.method), to: String(c.to), enabled: objOf(c.status).enabled !== false },
      });
    }
    for (const meta of get(`users/${id}/notification-rules`)) {
      const rule = listOf(account.endpoints.get(`users/${id}/notification-rules/${String(meta.id)}`))[0] ?? meta;
      out.push({
        type: OG.notificationRule,
        name: provisional.notificationRule(String(rule.id)),
        id: `${username}/${String(rule.id)}`,
        squad: CONTACTS_OWNER,
        from: source('notification rule', String(rule.id), `${username}: ${String(rule.name)}`),
        inputs: {
          username,
          name: String(rule.name),
          actionType: String(rule.actionType),
          criterias: [{ type: String(objOf(rule.criteria).type ?? 'match-all') }],
          steps: listOf(rule.steps).map((s) => ({
            contacts: [{ method: String(objOf(s.contact).method), to: String(objOf(s.contact).to) }],
            sendAfter: minutesOf(s.sendAfter),
            enabled: s.enabled !== false,
          })),
          enabled: rule.enabled !== false,
        },
      });
    }
  }
  return { stack: 'opsgenie-account', backend: 'opsgenie', resources: out };
}
