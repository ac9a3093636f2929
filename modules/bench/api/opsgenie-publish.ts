/**
 * What an Opsgenie account holds once the provider has created a desired state's resources: the objects of the
 * read endpoints (opsgenie/opsgenie-oas swagger.json, commit 71c5534), with deterministic ids. It follows what the
 * provider sends at terraform-provider-opsgenie v0.6.40 and what the API then keeps:
 * - a team gets its default schedule, escalation and routing rule from the API; `delete_default_resources`
 *   deletes the schedule and escalation and sets every routing rule of the team to notify nobody
 *   (resource_opsgenie_team.go findAndDeleteDefaultSchedule, findAndDeleteDefaultEscalation,
 *   findAndUpdateDefaultRoutingRule); members as `{user: {id, username}, role}`;
 * - a rotation's time restriction is the `restrictionList` when it has members, else the last `restriction`
 *   (util.go expandOpsGenieTimeRestriction); the API answers weekday lists as `restrictions`;
 * - an escalation keeps one recipient per rule, the last (resource_opsgenie_escalation.go
 *   expandOpsgenieEscalationRuleParticipant), delays in minutes, rules returned by delay (#397), the last repeat;
 * - a team routing rule is inserted at its `order` among the rules of the team at its creation, the default rule
 *   staying last (resource_opsgenie_team_routing_rule.go; teamRoutingRule.yaml `order`); the last notify and
 *   criteria are sent;
 * - overrides as our dynamic provider puts them (modules/pulumi/overrides/opsgenie.ts): alias, user by username.
 * Users are the organisation's people (looked up by e-mail, never created by a stack), each with the e-mail
 * contact Opsgenie gives every user.
 */
import type { Organisation } from '../../model/types';
import { OG } from '../../backends/opsgenie/resources';
import { isInvoke, isRef, type DesiredResource, type DesiredState, type Value } from '../../render/desired';
import type { AccountExport } from '../../migrate/account';

type Obj = Record<string, unknown>;
const obj = (v: Value | undefined): Record<string, Value> =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, Value>) : {};
const arr = (v: Value | undefined): Value[] => (Array.isArray(v) ? v : []);

/** The account's zone: routing rules created without one take it (teamRoutingRule.yaml). */
const ACCOUNT_ZONE = 'Europe/Paris';

function restrictionOut(list: Value[] | undefined): Obj | undefined {
  const last = arr(list as Value).at(-1);
  if (last === undefined) return undefined;
  const tr = obj(last);
  const many = arr(tr.restrictionList);
  if (many.length > 0) return { type: tr.type, restrictions: many.map((r) => ({ ...obj(r) })) };
  const single = obj(arr(tr.restriction).at(-1));
  return { type: tr.type, restriction: { startHour: 0, startMin: 0, endHour: 0, endMin: 0, ...single } };
}

function refsIn(v: Value | undefined, acc: string[]): string[] {
  if (isRef(v)) acc.push(v.$ref);
  else if (Array.isArray(v)) v.forEach((x) => refsIn(x, acc));
  else if (v !== null && typeof v === 'object' && !isInvoke(v)) Object.values(v).forEach((x) => refsIn(x, acc));
  return acc;
}

/** The order Pulumi creates them in: a resource after those it references or depends on, otherwise as planned. */
function creationOrder(state: DesiredState): DesiredResource[] {
  const pending = [...state.resources];
  const done = new Set<string>();
  const out: DesiredResource[] = [];
  while (pending.length > 0) {
    const index = pending.findIndex((r) =>
      [...refsIn(r.inputs as Value, []), ...(r.options?.dependsOn ?? [])].every(
        (d) => done.has(d) || !state.resources.some((x) => x.name === d),
      ),
    );
    const [next] = pending.splice(index < 0 ? 0 : index, 1) as [DesiredResource];
    done.add(next.name);
    out.push(next);
  }
  return out;
}

export function publishOpsgenie(org: Organisation, state: DesiredState): AccountExport {
  const endpoints = new Map<string, Obj[]>();
  const put = (key: string, o: Obj) => {
    const list = endpoints.get(key) ?? [];
    list.push(o);
    endpoints.set(key, list);
  };
  const counters = new Map<string, number>();
  const newId = (kind: string) => {
    const n = (counters.get(kind) ?? 0) + 1;
    counters.set(kind, n);
    return `${kind}-${String(n).padStart(4, '0')}`;
  };

  const users = new Map<string, Obj>();
  for (const person of org.people.values()) {
    const id = newId('user');
    const user = { id, username: person.email, fullName: person.name, role: { id: 'user', name: 'User' }, timeZone: person.timezone };
    users.set(person.email, user);
    put('users', user);
    put(`users/${id}/contacts`, { id: newId('contact'), method: 'email', to: person.email, status: { enabled: true }, applyOrder: 0 });
    endpoints.set(`users/${id}/notification-rules`, []);
  }
  const userOf = (v: Value | undefined): Obj => {
    const username = isInvoke(v) ? String(Object.values(v.args)[0]) : String(v);
    const user = users.get(username);
    if (!user) throw new Error(`no user ${username} in the organisation`);
    return user;
  };

  const ids = new Map<string, string>();
  const teams = new Map<string, Obj>();
  const idOf = (v: Value | undefined): string => {
    if (isRef(v)) {
      const id = ids.get(v.$ref);
      if (id === undefined) throw new Error(`${v.$ref} is referenced before it is created`);
      return id;
    }
    if (isInvoke(v)) return String(userOf(v).id);
    return String(v);
  };
  const teamMeta = (v: Value | undefined) => {
    const team = teams.get(idOf(v));
    return { id: team?.id, name: team?.name };
  };
  const recipient = (r: Record<string, Value>): Obj => {
    if (r.type === 'user') {
      const user = userOf(r.id);
      return { type: 'user', id: user.id, username: user.username };
    }
    const id = idOf(r.id);
    const named = [...endpoints.values()].flat().find((o) => o.id === id);
    return { type: r.type, id, name: named?.name };
  };

  for (const r of creationOrder(state)) {
    const i = r.inputs;
    switch (r.type) {
      case OG.team: {
        const id = newId('team');
        ids.set(r.name, id);
        const members = arr(i.members).map((m) => {
          const user = userOf(obj(m).id);
          return { user: { id: user.id, username: user.username }, role: obj(m).role ?? 'user' };
        });
        const team = { id, name: i.name, ...(typeof i.description === 'string' ? { description: i.description } : {}), members };
        teams.set(id, team);
        put('teams', team);
        const deleted = i.deleteDefaultResources === true;
        const escalationId = newId('escalation');
        if (!deleted) {
          const scheduleId = newId('schedule');
          put('schedules', {
            id: scheduleId,
            name: `${String(i.name)}_schedule`,
            description: '',
            timezone: ACCOUNT_ZONE,
            enabled: true,
            ownerTeam: { id, name: i.name },
          });
          endpoints.set(`schedules/${scheduleId}/rotations`, []);
          endpoints.set(`schedules/${scheduleId}/overrides`, []);
          put('escalations', {
            id: escalationId,
            name: `${String(i.name)}_escalation`,
            description: '',
            ownerTeam: { id, name: i.name },
            rules: [
              {
                condition: 'if-not-acked',
                notifyType: 'default',
                delay: { timeAmount: 0, timeUnit: 'minutes' },
                recipient: { type: 'schedule', id: scheduleId, name: `${String(i.name)}_schedule` },
              },
            ],
          });
        }
        put(`teams/${id}/routing-rules`, {
          id: newId('rule'),
          name: 'Default Rule',
          isDefault: true,
          order: 0,
          criteria: { type: 'match-all' },
          timezone: ACCOUNT_ZONE,
          notify: deleted ? { type: 'none' } : { type: 'escalation', id: escalationId, name: `${String(i.name)}_escalation` },
        });
        break;
      }
      case OG.schedule: {
        const id = newId('schedule');
        ids.set(r.name, id);
        put('schedules', {
          id,
          name: i.name,
          description: i.description ?? '',
          timezone: i.timezone ?? 'America/New_York',
          enabled: i.enabled ?? true,
          ...(i.ownerTeamId !== undefined ? { ownerTeam: teamMeta(i.ownerTeamId) } : {}),
        });
        endpoints.set(`schedules/${id}/rotations`, []);
        endpoints.set(`schedules/${id}/overrides`, []);
        break;
      }
      case OG.rotation: {
        const id = newId('rotation');
        ids.set(r.name, id);
        const restriction = restrictionOut(i.timeRestrictions as Value[] | undefined);
        put(`schedules/${idOf(i.scheduleId)}/rotations`, {
          id,
          name: i.name ?? '',
          startDate: i.startDate,
          ...(i.endDate !== undefined ? { endDate: i.endDate } : {}),
          type: i.type,
          length: typeof i.length === 'number' && i.length > 0 ? i.length : 1,
          participants: arr(i.participants).map((p) => recipient(obj(p))),
          ...(restriction ? { timeRestriction: restriction } : {}),
        });
        break;
      }
      case OG.override: {
        const user = userOf(i.username);
        put(`schedules/${idOf(i.scheduleId)}/overrides`, {
          alias: i.alias,
          user: { type: 'user', id: user.id, username: user.username },
          startDate: i.startDate,
          endDate: i.endDate,
          rotations: [],
        });
        break;
      }
      case OG.escalation: {
        const id = newId('escalation');
        ids.set(r.name, id);
        const rules = arr(i.rules)
          .map((rule, index) => ({ rule: obj(rule), index }))
          .sort((a, b) => Number(a.rule.delay) - Number(b.rule.delay) || a.index - b.index)
          .map(({ rule }) => ({
            condition: rule.condition,
            notifyType: rule.notifyType,
            delay: { timeAmount: rule.delay, timeUnit: 'minutes' },
            recipient: recipient(obj(arr(rule.recipients).at(-1))),
          }));
        const repeat = obj(arr(i.repeats).at(-1));
        put('escalations', {
          id,
          name: i.name,
          description: i.description ?? '',
          ...(i.ownerTeamId !== undefined ? { ownerTeam: teamMeta(i.ownerTeamId) } : {}),
          rules,
          ...(arr(i.repeats).length > 0
            ? {
                repeat: {
                  waitInterval: repeat.waitInterval ?? 0,
                  count: repeat.count ?? 0,
                  resetRecipientStates: repeat.resetRecipientStates ?? false,
                  closeAlertAfterAll: repeat.closeAlertAfterAll ?? false,
                },
              }
            : {}),
        });
        break;
      }
      case OG.routingRule: {
        const id = newId('rule');
        ids.set(r.name, id);
        const teamId = idOf(i.teamId);
        const key = `teams/${teamId}/routing-rules`;
        const list = endpoints.get(key) ?? [];
        const criteria = obj(arr(i.criterias).at(-1));
        const notify = obj(arr(i.notifies).at(-1));
        const restriction = restrictionOut(i.timeRestrictions as Value[] | undefined);
        const rule: Obj = {
          id,
          name: i.name ?? '',
          isDefault: false,
          order: 0,
          criteria:
            arr(criteria.conditions).length > 0
              ? { type: criteria.type, conditions: arr(criteria.conditions) }
              : { type: criteria.type ?? 'match-all' },
          timezone: i.timezone ?? ACCOUNT_ZONE,
          ...(restriction ? { timeRestriction: restriction } : {}),
          notify: notify.type === 'none' ? { type: 'none' } : recipient(notify),
        };
        // Inserted at its order among the team's rules, before the default rule.
        const at = Math.min(typeof i.order === 'number' ? i.order : list.length - 1, list.length - 1);
        list.splice(Math.max(0, at), 0, rule);
        list.forEach((x, n) => (x.order = n));
        endpoints.set(key, list);
        break;
      }
      case OG.apiIntegration:
      case OG.emailIntegration: {
        const id = newId('integration');
        ids.set(r.name, id);
        const type = r.type === OG.emailIntegration ? 'Email' : String(i.type ?? 'API');
        const owner = i.ownerTeamId !== undefined ? teamMeta(i.ownerTeamId) : undefined;
        put('integrations', { id, name: i.name, enabled: i.enabled ?? true, type, ...(owner ? { teamId: owner.id } : {}) });
        put(`integrations/${id}`, {
          type,
          id,
          name: i.name,
          enabled: i.enabled ?? true,
          ...(owner ? { ownerTeam: owner } : {}),
          suppressNotifications: false,
          responders: arr(i.responders).map((x) => recipient(obj(x))),
          ...(type === 'Email'
            ? { emailUsername: i.emailUsername, emailAddress: `${String(i.emailUsername)}@example.opsgenie.net` }
            : { allowWriteAccess: true, allowConfigurationAccess: false }),
        });
        break;
      }
      case OG.userContact: {
        const id = newId('contact');
        ids.set(r.name, id);
        put(`users/${String(userOf(i.username).id)}/contacts`, {
          id,
          method: i.method,
          to: i.to,
          status: { enabled: i.enabled ?? true },
          applyOrder: 0,
        });
        break;
      }
      case OG.notificationRule: {
        const id = newId('notification-rule');
        ids.set(r.name, id);
        const userId = String(userOf(i.username).id);
        const key = `users/${userId}/notification-rules`;
        const order = (endpoints.get(key) ?? []).length;
        put(key, { id, name: i.name, actionType: i.actionType, order, enabled: i.enabled ?? true });
        put(`${key}/${id}`, {
          id,
          name: i.name,
          actionType: i.actionType,
          criteria: { type: obj(arr(i.criterias).at(-1)).type ?? 'match-all' },
          order,
          steps: arr(i.steps).map((s) => {
            const step = obj(s);
            return {
              id: newId('step'),
              sendAfter: { timeAmount: step.sendAfter ?? 0, timeUnit: 'minutes' },
              contact: { ...obj(arr(step.contacts).at(-1)) },
              enabled: step.enabled ?? true,
            };
          }),
          enabled: i.enabled ?? true,
        });
        break;
      }
      default:
        // Not an Opsgenie resource (Datadog monitors, the phone line): another service's.
        break;
    }
  }
  if (!endpoints.has('escalations')) endpoints.set('escalations', []);
  if (!endpoints.has('integrations')) endpoints.set('integrations', []);
  if (!endpoints.has('schedules')) endpoints.set('schedules', []);
  return { backend: 'opsgenie', endpoints };
}
