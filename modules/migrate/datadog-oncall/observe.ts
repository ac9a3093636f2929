/**
 * A Datadog On-Call account in the provider's input form: what terraform-provider-datadog v4.19.0 (under
 * @pulumi/datadog 5.11.0) stores on `pulumi import`, under the input names and shapes of
 * modules/backends/datadog-oncall/render.ts:
 * - schedules: datadog/fwprovider/resource_datadog_on_call_schedule.go newState/newLayerModel (name, time_zone,
 *   teams from relationships, each layer's name, dates, interval, members' users, restrictions, in the order of
 *   the schedule's `layers` relationship). Dates are RFC 3339 values the provider compares as instants
 *   (timetypes.RFC3339, keepCurrentTimezone): they are written here in the schedule's zone, as the renderer does.
 *   The interval keeps the one of `days` / `seconds` that is set.
 * - escalation policies: resource_datadog_on_call_escalation_policy.go stateFromResponse (retries, teams, steps
 *   in the order of the `steps` relationship with escalate_after_seconds, assignment, and targets: user, schedule,
 *   a configured schedule as its schedule and `schedulePosition`, team); `resolvePageOnPolicyEnd` only when set.
 * - team routing rules: resource_datadog_on_call_team_routing_rules.go stateFromResponse (query, urgency, the
 *   policy relationship as `escalationPolicy`, time_restriction as `timeRestrictions`; other actions as `actions`).
 * - teams and memberships: resource_datadog_team.go, resource_datadog_team_membership.go (role only when set;
 *   the membership's import id is `<team_id>:<user_id>`).
 * - notification channels and rules: resource_datadog_on_call_user_notification_channel.go, …_rule.go (import ids
 *   `<user_id>,<channel_id>` and `<user_id>,<rule_id>`).
 * - overrides: our dynamic provider's inputs (modules/pulumi/overrides/datadog.ts).
 * Users are `getUser` look-ups by e-mail, as the renderer writes them; an unknown user stays its id.
 */
import { isoInZone } from '../../core/local-time';
import { DATADOG_ONCALL, DATADOG_ONCALL_LOOKUPS } from '../../backends/datadog-oncall/resources';
import { lookUp } from '../../backends/descriptor';
import { compact, ref, type Value } from '../../render/desired';
import { USER_TYPE } from './context';
import type { AccountExport, ObservedResource, ObservedState, SourceObject } from '../account';
import {
  KEYS,
  includedById,
  relMany,
  relOne,
  type ChannelAttributes,
  type Doc,
  type NotificationRuleAttributes,
  type LayerAttributes,
  type MembershipAttributes,
  type OverrideAttributes,
  type PolicyAttributes,
  type Resource,
  type RuleAttributes,
  type ScheduleAttributes,
  type StepAttributes,
  type TeamAttributes,
  type TimeRestriction,
  type UserAttributes,
} from './jsonapi';

/** Provisional names of observed objects: `<type>/<id>`. */
export const OBSERVED = {
  team: (id: string) => `team/${id}`,
  membership: (id: string) => `team_membership/${id}`,
  schedule: (id: string) => `schedule/${id}`,
  override: (id: string) => `override/${id}`,
  policy: (id: string) => `escalation_policy/${id}`,
  routing: (team: string) => `team_routing_rules/${team}`,
  channel: (id: string) => `notification_channel/${id}`,
  rule: (id: string) => `notification_rule/${id}`,
};

function objects<T = Record<string, unknown>>(account: AccountExport, key: string): Array<Resource<T>> {
  return (account.endpoints.get(key) ?? []) as Array<Resource<T>>;
}

function doc(account: AccountExport, key: string): Doc | undefined {
  return account.endpoints.get(key)?.[0] as Doc | undefined;
}

function restrictionInputs(list: readonly TimeRestriction[] | undefined): Value[] | undefined {
  if (!list || list.length === 0) return undefined;
  return list.map((r) => compact({ startDay: r.start_day, startTime: r.start_time, endDay: r.end_day, endTime: r.end_time })) as Value[];
}

export function observeDatadog(account: AccountExport): ObservedState {
  const emails = new Map<string, string>();
  for (const u of objects<UserAttributes>(account, KEYS.users)) if (u.attributes?.email) emails.set(u.id, u.attributes.email);
  const user = (id: string): Value => {
    const email = emails.get(id);
    return email === undefined ? id : lookUp(DATADOG_ONCALL_LOOKUPS.user, email);
  };
  const teamIds = new Set(objects(account, KEYS.teams).map((t) => t.id));
  const teamRef = (id: string): Value => (teamIds.has(id) ? ref(OBSERVED.team(id)) : id);
  const scheduleIds = new Set(objects(account, KEYS.schedules).map((s) => s.id));
  const scheduleRef = (id: string): Value => (scheduleIds.has(id) ? ref(OBSERVED.schedule(id)) : id);
  const policyIds = new Set(objects(account, KEYS.policies).map((p) => p.id));
  const policyRef = (id: string): Value => (policyIds.has(id) ? ref(OBSERVED.policy(id)) : id);

  const out: ObservedResource[] = [];
  const from = (type: string, id: string, name?: string): SourceObject => ({ backend: 'datadog', type, id, ...(name ? { name } : {}) });

  // How users are reached: resource_datadog_on_call_user_notification_channel.go (phone number, or e-mail address;
  // the mobile app's channel has no resource) and ..._notification_rule.go (category, delay, the phone's method).
  for (const u of objects<UserAttributes>(account, KEYS.users)) {
    const channelIds = new Set<string>();
    for (const c of objects<ChannelAttributes>(account, KEYS.channels(u.id))) {
      const config = c.attributes?.config;
      if (config?.type !== 'phone' && config?.type !== 'email') continue;
      channelIds.add(c.id);
      out.push({
        type: DATADOG_ONCALL.notificationChannel.type,
        name: OBSERVED.channel(c.id),
        squad: 'contacts',
        // The provider's import id: `user_id,channel_id` (ImportState).
        id: `${u.id},${c.id}`,
        from: from('notification_channel', c.id, u.attributes?.email),
        inputs: {
          userId: user(u.id),
          ...(config.type === 'phone' ? { phone: { number: config.number ?? '' } } : { email: { address: config.address ?? '' } }),
        },
      });
    }
    for (const r of objects<NotificationRuleAttributes>(account, KEYS.rules(u.id))) {
      const channel = relOne(r, 'channel')?.id ?? '';
      const method = r.attributes?.channel_settings?.method;
      out.push({
        type: DATADOG_ONCALL.notificationRule.type,
        name: OBSERVED.rule(r.id),
        squad: 'contacts',
        // `user_id,rule_id` (ImportState).
        id: `${u.id},${r.id}`,
        from: from('notification_rule', r.id, u.attributes?.email),
        inputs: compact({
          userId: user(u.id),
          channelId: channelIds.has(channel) ? ref(OBSERVED.channel(channel)) : channel,
          category: r.attributes?.category,
          delayMinutes: r.attributes?.delay_minutes ?? 0,
          phone: method ? { method } : undefined,
        }) as Record<string, Value>,
      });
    }
  }

  // The users, as datadog_user holds them (email, name): the import takes people from them; the renderer looks
  // them up, so nothing planned stands for them.
  for (const u of objects<UserAttributes>(account, KEYS.users)) {
    const a = u.attributes;
    if (!a?.email) continue;
    out.push({
      type: USER_TYPE,
      name: `user/${u.id}`,
      squad: 'users',
      id: u.id,
      from: from('user', u.id, a.name ?? a.email),
      inputs: compact({ email: a.email, name: a.name ?? undefined, disabled: a.disabled ? true : undefined }),
    });
  }

  for (const t of objects<TeamAttributes>(account, KEYS.teams)) {
    const a = t.attributes;
    if (!a) continue;
    const squad = OBSERVED.team(t.id);
    out.push({
      type: DATADOG_ONCALL.team.type,
      name: squad,
      squad,
      id: t.id,
      from: from('team', t.id, a.name),
      inputs: compact({ name: a.name, handle: a.handle, description: a.description ?? undefined }),
    });
    for (const m of objects<MembershipAttributes>(account, KEYS.memberships(t.id))) {
      const userId = relOne(m, 'user')?.id;
      if (!userId) continue;
      out.push({
        type: DATADOG_ONCALL.membership.type,
        name: OBSERVED.membership(m.id),
        squad,
        id: `${t.id}:${userId}`,
        from: from('team_membership', m.id, a.name),
        inputs: compact({ teamId: ref(squad), userId: user(userId), role: m.attributes?.role ?? undefined }),
      });
    }
    const routing = doc(account, KEYS.routing(t.id));
    if (routing) {
      const byId = includedById(routing);
      const rules = relMany(routing.data, 'rules').flatMap((r) => {
        const rule = byId.get(`${r.type}/${r.id}`) as Resource<RuleAttributes> | undefined;
        if (!rule) return [];
        const ra = rule.attributes ?? {};
        const policy = relOne(rule, 'policy')?.id;
        const tr = ra.time_restriction;
        const actions = (ra.actions ?? []).filter((x) => x.type !== 'escalation_policy');
        return [
          compact({
            query: ra.query || undefined,
            timeRestrictions: tr ? { timeZone: tr.time_zone, restrictions: restrictionInputs(tr.restrictions) ?? [] } : undefined,
            escalationPolicy: policy === undefined ? undefined : policyRef(policy),
            urgency: ra.urgency,
            actions: actions.length ? (actions as unknown as Value[]) : undefined,
          }) as Value,
        ];
      });
      if (rules.length > 0)
        out.push({
          type: DATADOG_ONCALL.routing.type,
          name: OBSERVED.routing(t.id),
          squad,
          id: t.id,
          from: from('team_routing_rules', t.id, a.name),
          inputs: { teamId: ref(squad), rules },
        });
    }
  }

  for (const s of objects(account, KEYS.schedules)) {
    const d = doc(account, KEYS.schedule(s.id));
    if (!d) continue;
    const a = (d.data.attributes ?? {}) as ScheduleAttributes;
    const zone = a.time_zone ?? 'UTC';
    const at = (iso: string | undefined) => (iso === undefined ? undefined : isoInZone(Date.parse(iso), zone));
    const byId = includedById(d);
    const teams = relMany(d.data, 'teams').map((t) => teamRef(t.id));
    const layers = relMany(d.data, 'layers').flatMap((l) => {
      const layer = byId.get(`layers/${l.id}`);
      if (!layer) return [];
      const la = (layer.attributes ?? {}) as LayerAttributes;
      const users = relMany(layer, 'members').map((m) => {
        const member = byId.get(`members/${m.id}`);
        const id = member ? relOne(member, 'user')?.id : undefined;
        return id === undefined ? null : user(id);
      });
      const interval: Value = la.interval?.days ? { days: la.interval.days } : { seconds: la.interval?.seconds ?? 0 };
      return [
        compact({
          name: la.name,
          effectiveDate: at(la.effective_date),
          rotationStart: at(la.rotation_start),
          endDate: at(la.end_date),
          interval,
          users,
          restrictions: restrictionInputs(la.restrictions),
          timeZone: la.time_zone,
        }) as Value,
      ];
    });
    const squadTeam = relMany(d.data, 'teams')[0]?.id;
    const squad = squadTeam && teamIds.has(squadTeam) ? OBSERVED.team(squadTeam) : OBSERVED.schedule(s.id);
    const name = OBSERVED.schedule(s.id);
    out.push({
      type: DATADOG_ONCALL.schedule.type,
      name,
      squad,
      id: s.id,
      from: from('schedule', s.id, a.name),
      inputs: compact({ name: a.name, timeZone: a.time_zone, teams, layers }) as Record<string, Value>,
    });
    for (const o of objects<OverrideAttributes>(account, KEYS.overrides(s.id))) {
      const userId = relOne(o, 'user')?.id;
      if (!userId || !o.attributes?.start || !o.attributes.end) continue;
      out.push({
        type: DATADOG_ONCALL.override.type,
        name: OBSERVED.override(o.id),
        squad,
        id: o.id,
        from: from('override', o.id, a.name),
        inputs: { scheduleId: ref(name), start: at(o.attributes.start)!, end: at(o.attributes.end)!, userId: user(userId) },
      });
    }
  }

  for (const p of objects(account, KEYS.policies)) {
    const d = doc(account, KEYS.policy(p.id));
    if (!d) continue;
    const a = (d.data.attributes ?? {}) as PolicyAttributes;
    const byId = includedById(d);
    const steps = relMany(d.data, 'steps').flatMap((st) => {
      const step = byId.get(`steps/${st.id}`) as Resource<StepAttributes> | undefined;
      if (!step) return [];
      const targets = relMany(step, 'targets').map((t): Value => {
        if (t.type === 'users') return { user: user(t.id) };
        if (t.type === 'schedules') return { schedule: scheduleRef(t.id) };
        if (t.type === 'teams') return { team: teamRef(t.id) };
        const configured = byId.get(`${t.type}/${t.id}`);
        const schedule = configured ? relOne(configured, 'schedule')?.id : undefined;
        const position = (configured?.attributes as { position?: string } | undefined)?.position;
        return compact({ schedule: schedule === undefined ? t.id : scheduleRef(schedule), schedulePosition: position }) as Value;
      });
      return [
        compact({
          escalateAfterSeconds: step.attributes?.escalate_after_seconds,
          assignment: step.attributes?.assignment,
          targets,
        }) as Value,
      ];
    });
    const squadTeam = relMany(d.data, 'teams')[0]?.id;
    out.push({
      type: DATADOG_ONCALL.escalation.type,
      name: OBSERVED.policy(p.id),
      squad: squadTeam && teamIds.has(squadTeam) ? OBSERVED.team(squadTeam) : OBSERVED.policy(p.id),
      id: p.id,
      from: from('escalation_policy', p.id, a.name),
      inputs: compact({
        name: a.name,
        teams: relMany(d.data, 'teams').map((t) => teamRef(t.id)),
        retries: a.retries ?? 0,
        resolvePageOnPolicyEnd: a.resolve_page_on_policy_end ? true : undefined,
        steps,
      }) as Record<string, Value>,
    });
  }
  return { stack: 'observed', backend: 'datadog', resources: out };
}
