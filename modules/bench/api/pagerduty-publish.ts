/**
 * What a PagerDuty account holds once the provider has created a rendered stack: each resource as the API stores
 * it, by endpoint key, with deterministic ids. Follows PagerDuty/terraform-provider-pagerduty@v2.4.0 (pagerduty/):
 * - expandScheduleLayers (resource_pagerduty_schedule.go) sends the layers in reverse order, so the API lists the
 *   last configured layer (the highest precedence) first;
 * - buildEscalationPolicyStruct sends `num_loops`, the rules with their targets and the one team;
 * - buildServiceStruct sends `auto_resolve_timeout` 14400 and `acknowledgement_timeout` 1800 (the schema's
 *   defaults) and the urgency rule, support hours and scheduled actions as given;
 * - buildServiceIntegrationStruct: a vendor integration, or a typed one with its address and e-mail filters;
 * - the team membership, contact method and notification rule resources: one object each under their user/team.
 * Our dynamic provider (modules/pulumi/overrides/pagerduty.ts) posts each override with its user.
 * PagerDuty gives every new user an e-mail contact method labelled `Default`; a push contact method exists once
 * the mobile app registered the device the stack looks up.
 */
import type { AccountExport } from '../../migrate/account';
import type { Organisation } from '../../model/types';
import { PD } from '../../backends/pagerduty/resources';
import { DEFAULT_EMAIL_LABEL } from '../../backends/pagerduty/contacts';
import { isInvoke, isRef, type DesiredState, type Invoke, type Value } from '../../render/desired';
import { PD_KEYS } from '../../migrate/pagerduty/api-types';

type Json = Record<string, unknown>;

class Ids {
  private readonly next = new Map<string, number>();
  take(kind: string): string {
    const n = (this.next.get(kind) ?? 0) + 1;
    this.next.set(kind, n);
    return `P${kind}${n.toString(36).toUpperCase().padStart(5, '0')}`;
  }
}

const reference = (id: string, type: string, summary?: string): Json => ({ id, type, ...(summary === undefined ? {} : { summary }) });

export function publishPagerDuty(state: DesiredState, org: Organisation): AccountExport {
  const ids = new Ids();
  const endpoints = new Map<string, unknown[]>();
  const push = (key: string, o: unknown) => {
    const list = endpoints.get(key) ?? [];
    list.push(o);
    endpoints.set(key, list);
  };
  const byEmail = new Map([...org.people.values()].map((p) => [p.email, p]));
  const users = new Map<string, Json>();
  const userId = (email: string): string => {
    let user = users.get(email);
    if (!user) {
      const person = byEmail.get(email);
      const id = ids.take('U');
      user = {
        id,
        type: 'user',
        name: person?.name ?? email,
        summary: person?.name ?? email,
        email,
        time_zone: person?.timezone ?? 'UTC',
        role: 'user',
      };
      users.set(email, user);
      push(PD_KEYS.contactMethods(id), { id: ids.take('C'), type: 'email_contact_method', label: DEFAULT_EMAIL_LABEL, address: email });
      endpoints.set(PD_KEYS.notificationRules(id), endpoints.get(PD_KEYS.notificationRules(id)) ?? []);
    }
    return user.id as string;
  };
  const vendors = new Map<string, string>();
  const vendorId = (name: string): string => {
    if (!vendors.has(name)) vendors.set(name, ids.take('V'));
    return vendors.get(name)!;
  };
  const resourceIds = new Map<string, string>();
  const invoked = (v: Invoke): string => {
    if (v.$invoke === PD.getUser) return userId(String(v.args.email));
    if (v.$invoke === PD.getVendor) return vendorId(String(v.args.name));
    if (v.$invoke === PD.getUserContactMethod) {
      const user = invoked(v.args.userId as Invoke);
      const { type, label } = v.args as Record<string, string>;
      const key = PD_KEYS.contactMethods(user);
      const found = (endpoints.get(key) ?? []).find((m) => (m as Json).type === type && (m as Json).label === label) as Json | undefined;
      if (found) return found.id as string;
      const id = ids.take('C');
      push(key, { id, type: type!, label: label!, address: `device-${id.toLowerCase()}`, device_type: 'android' });
      return id;
    }
    throw new Error(`publish: no look-up ${v.$invoke}`);
  };
  const idOf = (v: Value | undefined): string => {
    if (isRef(v)) {
      const id = resourceIds.get(v.$ref);
      if (id === undefined) throw new Error(`publish: ${v.$ref} is not created yet`);
      return id;
    }
    if (isInvoke(v)) return invoked(v);
    return String(v);
  };
  const snake = (o: Value): unknown =>
    Array.isArray(o)
      ? o.map(snake)
      : o !== null && typeof o === 'object' && !isRef(o) && !isInvoke(o)
        ? Object.fromEntries(Object.entries(o).map(([k, v]) => [k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), snake(v)]))
        : o;

  // Created in dependency order: teams, then what refers to them.
  const order = [
    PD.team,
    PD.membership,
    PD.schedule,
    PD.override,
    PD.escalation,
    PD.service,
    PD.integration,
    PD.contactMethod,
    PD.notificationRule,
  ];
  const services = new Map<string, Json>();
  for (const type of order) {
    for (const r of state.resources.filter((x) => x.type === type)) {
      const i = r.inputs;
      if (type === PD.team) {
        const id = ids.take('T');
        resourceIds.set(r.name, id);
        push(PD_KEYS.teams, {
          id,
          type: 'team',
          name: i.name,
          summary: i.name,
          ...(i.description === undefined ? {} : { description: i.description }),
        });
        endpoints.set(PD_KEYS.members(id), endpoints.get(PD_KEYS.members(id)) ?? []);
      } else if (type === PD.membership) {
        push(PD_KEYS.members(idOf(i.teamId)), { user: reference(idOf(i.userId), 'user_reference'), role: i.role });
      } else if (type === PD.schedule) {
        const id = ids.take('S');
        resourceIds.set(r.name, id);
        const layers = (i.layers as Array<Record<string, Value>>).map((l) => ({
          id: ids.take('L'),
          name: l.name,
          start: l.start,
          ...(l.end === undefined ? {} : { end: l.end }),
          rotation_virtual_start: l.rotationVirtualStart,
          rotation_turn_length_seconds: l.rotationTurnLengthSeconds,
          users: (l.users as Value[]).map((u) => ({ user: reference(idOf(u), 'user_reference') })),
          restrictions: snake(l.restrictions ?? []),
        }));
        push(PD_KEYS.schedules, {
          id,
          type: 'schedule',
          name: i.name,
          summary: i.name,
          description: i.description,
          time_zone: i.timeZone,
          teams: ((i.teams as Value[]) ?? []).map((t) => reference(idOf(t), 'team_reference')),
          schedule_layers: layers.reverse(),
        });
        endpoints.set(PD_KEYS.overrides(id), []);
      } else if (type === PD.override) {
        push(PD_KEYS.overrides(idOf(i.scheduleId)), {
          id: ids.take('O'),
          start: i.start,
          end: i.end,
          user: reference(idOf(i.userId), 'user_reference'),
        });
      } else if (type === PD.escalation) {
        const id = ids.take('E');
        resourceIds.set(r.name, id);
        push(PD_KEYS.escalationPolicies, {
          id,
          type: 'escalation_policy',
          name: i.name,
          summary: i.name,
          description: i.description,
          num_loops: i.numLoops ?? 0,
          escalation_rules: (i.rules as Array<Record<string, Value>>).map((rule) => ({
            id: ids.take('R'),
            escalation_delay_in_minutes: rule.escalationDelayInMinutes,
            targets: (rule.targets as Array<Record<string, Value>>).map((t) => reference(idOf(t.id), String(t.type))),
          })),
          teams: i.teams === undefined ? [] : [reference(idOf(i.teams), 'team_reference')],
        });
      } else if (type === PD.service) {
        const id = ids.take('P');
        resourceIds.set(r.name, id);
        const service: Json = {
          id,
          type: 'service',
          name: i.name,
          summary: i.name,
          description: i.description,
          status: 'active',
          escalation_policy: reference(idOf(i.escalationPolicy), 'escalation_policy_reference'),
          alert_creation: i.alertCreation ?? 'create_alerts_and_incidents',
          auto_resolve_timeout: 14400,
          acknowledgement_timeout: 1800,
          incident_urgency_rule: snake(i.incidentUrgencyRule ?? { type: 'constant', urgency: 'high' }),
          integrations: [],
        };
        if (i.supportHours !== undefined) {
          const { daysOfWeeks, ...hours } = i.supportHours as Record<string, Value>;
          service.support_hours = { ...(snake(hours) as Json), days_of_week: daysOfWeeks };
        }
        if (i.scheduledActions !== undefined)
          service.scheduled_actions = (i.scheduledActions as Array<Record<string, Value>>).map((a) => ({
            type: a.type,
            to_urgency: a.toUrgency,
            at: snake((a.ats as Value[])[0]!),
          }));
        services.set(id, service);
        push(PD_KEYS.services, service);
        endpoints.set(PD_KEYS.integrations(id), []);
      } else if (type === PD.integration) {
        const id = ids.take('I');
        const service = idOf(i.service);
        const vendor = isInvoke(i.vendor) ? { vendor: reference(invoked(i.vendor), 'vendor_reference', String(i.vendor.args.name)) } : {};
        const integration: Json = {
          id,
          type: i.type ?? 'generic_events_api_inbound_integration',
          name: i.name,
          summary: i.name,
          service: reference(service, 'service_reference'),
          ...vendor,
          ...(i.type === 'generic_email_inbound_integration'
            ? { integration_email: i.integrationEmail, email_filters: snake(i.emailFilters ?? []) }
            : {}),
        };
        push(PD_KEYS.integrations(service), integration);
        (services.get(service)!.integrations as unknown[]).push(reference(id, `${integration.type}_reference`));
      } else if (type === PD.contactMethod) {
        const id = ids.take('C');
        resourceIds.set(r.name, id);
        push(PD_KEYS.contactMethods(idOf(i.userId)), { id, type: i.type, label: i.label, address: i.address, country_code: i.countryCode });
      } else if (type === PD.notificationRule) {
        const method = i.contactMethod as Record<string, Value>;
        push(PD_KEYS.notificationRules(idOf(i.userId)), {
          id: ids.take('N'),
          type: 'assignment_notification_rule',
          start_delay_in_minutes: i.startDelayInMinutes,
          urgency: i.urgency,
          contact_method: reference(idOf(method.id), `${String(method.type)}_reference`),
        });
      }
    }
  }
  endpoints.set(PD_KEYS.users, [...users.values()]);
  endpoints.set(
    PD_KEYS.vendors,
    [...vendors].map(([name, id]) => ({ id, type: 'vendor', name, summary: name })),
  );
  for (const key of [PD_KEYS.teams, PD_KEYS.schedules, PD_KEYS.escalationPolicies, PD_KEYS.services])
    endpoints.set(key, endpoints.get(key) ?? []);
  return { backend: 'pagerduty', endpoints };
}
