/**
 * A desired Datadog On-Call state published into an account: the JSON:API documents Datadog holds after the
 * provider created those resources, with deterministic ids (a UUID shaped hash of the resource's name).
 * Follows the provider's create bodies at DataDog/terraform-provider-datadog v4.19.0:
 * - datadog/fwprovider/resource_datadog_on_call_schedule.go buildOnCallScheduleRequestBody: each layer's name,
 *   effective_date, rotation_start, end_date (when set), interval (days or seconds), members (one per user, in
 *   order) and restrictions; the schedule's name, time_zone and teams. Datadog answers dates in UTC.
 * - resource_datadog_on_call_escalation_policy.go (buildCreateRequest): name, retries, steps in order with
 *   escalate_after_seconds, assignment, and a target per user / schedule / team; a schedule target with no
 *   position is a plain `schedules` target (stateFromResponse reads it back without a position).
 * - resource_datadog_on_call_team_routing_rules.go teamRoutingRulesRequestFromModel: rules in order with query,
 *   urgency, policy_id and time_restriction; the rule's policy is answered as its `policy` relationship.
 * - resource_datadog_team.go, resource_datadog_team_membership.go: name, handle, description; role.
 * - overrides: modules/pulumi/overrides/datadog.ts (start, end, the user).
 * Users are the organisation's people, looked up by e-mail as the renderer's `getUser` does.
 */
import { createHash } from 'node:crypto';
import { DD } from '../../backends/datadog-oncall/resources';
import type { Organisation } from '../../model/types';
import { isInvoke, isRef, type DesiredResource, type DesiredState, type Value } from '../../render/desired';
import type { AccountExport } from '../../migrate/account';
import { KEYS, type Rel, type Resource } from '../../migrate/datadog-oncall/jsonapi';

/** A UUID-shaped id from a seed: deterministic, distinct per seed. */
export function ddId(seed: string): string {
  const h = createHash('sha256').update(seed).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

const utc = (iso: string): string => new Date(Date.parse(iso)).toISOString().replace('.000Z', 'Z');

type Obj = Record<string, Value>;

export function publishDatadogAccount(state: DesiredState, org: Organisation): AccountExport {
  const userIds = new Map<string, string>();
  const users: Resource[] = [];
  for (const p of org.people.values()) {
    const id = ddId(`user:${p.email}`);
    userIds.set(p.email, id);
    users.push({ id, type: 'users', attributes: { email: p.email, name: p.name, handle: p.email, disabled: false, status: 'Active' } });
  }
  const ids = new Map(state.resources.map((r) => [r.name, ddId(`${r.type}:${r.name}`)]));
  const idOf = (v: Value | undefined): string => {
    if (isRef(v)) return ids.get(v.$ref) ?? v.$ref;
    if (isInvoke(v)) {
      const email = String(Object.values(v.args)[0]);
      let id = userIds.get(email);
      if (id === undefined) {
        id = ddId(`user:${email}`);
        userIds.set(email, id);
        users.push({ id, type: 'users', attributes: { email, name: email, handle: email, disabled: false, status: 'Active' } });
      }
      return id;
    }
    return String(v);
  };
  const rel =
    (type: string) =>
    (v: Value | undefined): Rel => ({ id: idOf(v), type });
  const restrictions = (list: Value | undefined) =>
    ((list ?? []) as Obj[]).map((r) => ({ start_day: r.startDay, start_time: r.startTime, end_day: r.endDay, end_time: r.endTime }));

  const endpoints = new Map<string, unknown[]>();
  const push = (key: string, o: unknown) => endpoints.set(key, [...(endpoints.get(key) ?? []), o]);
  const of = (type: string) => state.resources.filter((r) => r.type === type);
  const id = (r: DesiredResource) => ids.get(r.name) as string;

  endpoints.set(KEYS.teams, []);
  for (const t of of(DD.team)) {
    const a = t.inputs;
    push(KEYS.teams, { id: id(t), type: 'team', attributes: { name: a.name, handle: a.handle, description: a.description ?? null } });
    endpoints.set(KEYS.memberships(id(t)), []);
  }
  for (const m of of(DD.membership)) {
    const team = idOf(m.inputs.teamId);
    push(KEYS.memberships(team), {
      id: id(m),
      type: 'team_memberships',
      attributes: { role: m.inputs.role ?? null },
      relationships: { user: { data: rel('users')(m.inputs.userId) } },
    });
  }
  endpoints.set(KEYS.schedules, []);
  for (const s of of(DD.schedule)) {
    const layers = (s.inputs.layers ?? []) as Obj[];
    const included: Resource[] = [];
    const layerRels = layers.map((l, i) => {
      const layerId = ddId(`${id(s)}:layer:${i}`);
      const members = ((l.users ?? []) as Value[]).map((u, j) => {
        const memberId = ddId(`${layerId}:member:${j}`);
        included.push({ id: memberId, type: 'members', relationships: { user: { data: rel('users')(u) } } });
        return { id: memberId, type: 'members' };
      });
      const interval = l.interval as Obj;
      included.push({
        id: layerId,
        type: 'layers',
        attributes: {
          name: l.name,
          effective_date: utc(String(l.effectiveDate)),
          rotation_start: utc(String(l.rotationStart)),
          ...(l.endDate === undefined ? {} : { end_date: utc(String(l.endDate)) }),
          interval: interval.days !== undefined ? { days: interval.days } : { seconds: interval.seconds },
          restrictions: restrictions(l.restrictions),
        },
        relationships: { members: { data: members } },
      });
      return { id: layerId, type: 'layers' };
    });
    const teams = ((s.inputs.teams ?? []) as Value[]).map(rel('teams'));
    const data = {
      id: id(s),
      type: 'schedules',
      attributes: { name: s.inputs.name, time_zone: s.inputs.timeZone },
      relationships: { layers: { data: layerRels }, teams: { data: teams } },
    };
    push(KEYS.schedules, data);
    endpoints.set(KEYS.schedule(id(s)), [{ data, included }]);
    endpoints.set(KEYS.overrides(id(s)), []);
  }
  for (const o of of(DD.override)) {
    push(KEYS.overrides(idOf(o.inputs.scheduleId)), {
      id: id(o),
      type: 'overrides',
      attributes: { start: utc(String(o.inputs.start)), end: utc(String(o.inputs.end)) },
      relationships: { user: { data: rel('users')(o.inputs.userId) }, schedule: { data: rel('schedules')(o.inputs.scheduleId) } },
    });
  }
  endpoints.set(KEYS.policies, []);
  for (const p of of(DD.escalation)) {
    const included: Resource[] = [];
    const steps = ((p.inputs.steps ?? []) as Obj[]).map((st, i) => {
      const stepId = ddId(`${id(p)}:step:${i}`);
      const targets = ((st.targets ?? []) as Obj[]).map((t) =>
        t.user !== undefined ? rel('users')(t.user) : t.schedule !== undefined ? rel('schedules')(t.schedule) : rel('teams')(t.team),
      );
      included.push({
        id: stepId,
        type: 'steps',
        attributes: { assignment: st.assignment ?? 'default', escalate_after_seconds: st.escalateAfterSeconds },
        relationships: { targets: { data: targets } },
      });
      return { id: stepId, type: 'steps' };
    });
    const data = {
      id: id(p),
      type: 'policies',
      attributes: { name: p.inputs.name, retries: p.inputs.retries ?? 0, resolve_page_on_policy_end: false },
      relationships: { steps: { data: steps }, teams: { data: ((p.inputs.teams ?? []) as Value[]).map(rel('teams')) } },
    };
    push(KEYS.policies, data);
    endpoints.set(KEYS.policy(id(p)), [{ data, included }]);
  }
  for (const r of of(DD.routing)) {
    const team = idOf(r.inputs.teamId);
    const included: Resource[] = [];
    const rules = ((r.inputs.rules ?? []) as Obj[]).map((rule, i) => {
      const ruleId = ddId(`${team}:rule:${i}`);
      const tr = rule.timeRestrictions as Obj | undefined;
      included.push({
        id: ruleId,
        type: 'team_routing_rules',
        attributes: {
          ...(rule.query === undefined ? {} : { query: rule.query }),
          ...(rule.urgency === undefined ? {} : { urgency: rule.urgency }),
          ...(tr ? { time_restriction: { time_zone: tr.timeZone, restrictions: restrictions(tr.restrictions) } } : {}),
          actions: [],
        },
        relationships: rule.escalationPolicy === undefined ? {} : { policy: { data: rel('policies')(rule.escalationPolicy) } },
      });
      return { id: ruleId, type: 'team_routing_rules' };
    });
    endpoints.set(KEYS.routing(team), [
      { data: { id: team, type: 'team_routing_rules', relationships: { rules: { data: rules } } }, included },
    ]);
  }
  // How people are reached: resource_datadog_on_call_user_notification_channel.go and ..._rule.go (Create).
  for (const c of of(DD.notificationChannel)) {
    const phone = c.inputs.phone as Obj | undefined;
    const email = c.inputs.email as Obj | undefined;
    push(KEYS.channels(idOf(c.inputs.userId)), {
      id: id(c),
      type: 'notification_channels',
      attributes: { active: true, config: phone ? { type: 'phone', number: phone.number } : { type: 'email', address: email?.address } },
    });
  }
  for (const r of of(DD.notificationRule)) {
    const phone = r.inputs.phone as Obj | undefined;
    push(KEYS.rules(idOf(r.inputs.userId)), {
      id: id(r),
      type: 'notification_rules',
      attributes: {
        category: r.inputs.category,
        delay_minutes: r.inputs.delayMinutes ?? 0,
        ...(phone ? { channel_settings: { type: 'phone', method: phone.method } } : {}),
      },
      relationships: { channel: { data: rel('notification_channels')(r.inputs.channelId) } },
    });
  }
  for (const u of users) {
    if (!endpoints.has(KEYS.channels(u.id))) endpoints.set(KEYS.channels(u.id), []);
    if (!endpoints.has(KEYS.rules(u.id))) endpoints.set(KEYS.rules(u.id), []);
  }
  endpoints.set(KEYS.users, users);
  return { backend: 'datadog', endpoints };
}
