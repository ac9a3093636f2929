/**
 * Datadog's JSON:API documents for On-Call, teams and users, as the import reads them, and the endpoint keys an
 * account export holds them under. Shapes: the models of DataDog/datadog-api-client-typescript (commit a6d1742,
 * packages/datadog-api-client-v2/models: Schedule, Layer, LayerAttributes, ScheduleMember, EscalationPolicy,
 * EscalationPolicyStep, ConfiguredSchedule, TeamRoutingRules, RoutingRule, Team, UserTeam, User), attribute names
 * in their JSON (snake_case) spelling.
 */

export interface Rel {
  readonly id: string;
  readonly type: string;
}

export interface Resource<A = Record<string, unknown>> {
  readonly id: string;
  readonly type: string;
  readonly attributes?: A;
  readonly relationships?: Readonly<Record<string, { readonly data?: Rel | readonly Rel[] | null } | undefined>>;
}

/** A single-resource document: the resource and the related ones asked for with `include=`. */
export interface Doc<A = Record<string, unknown>> {
  readonly data: Resource<A>;
  readonly included?: readonly Resource[];
}

export type Weekday = 'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday' | 'saturday' | 'sunday';

export interface TimeRestriction {
  readonly start_day?: Weekday;
  readonly start_time?: string;
  readonly end_day?: Weekday;
  readonly end_time?: string;
}

export interface UserAttributes {
  readonly email?: string;
  readonly name?: string | null;
  readonly handle?: string;
  readonly disabled?: boolean;
  readonly status?: string;
}

export interface TeamAttributes {
  readonly name: string;
  readonly handle: string;
  readonly description?: string | null;
}

export interface MembershipAttributes {
  readonly role?: 'admin' | null;
}

export interface ScheduleAttributes {
  readonly name?: string;
  readonly time_zone?: string;
}

export interface LayerAttributes {
  readonly name?: string;
  readonly effective_date?: string;
  readonly end_date?: string;
  readonly rotation_start?: string;
  readonly interval?: { readonly days?: number; readonly seconds?: number };
  readonly restrictions?: readonly TimeRestriction[];
  readonly time_zone?: string;
}

export interface PolicyAttributes {
  readonly name?: string;
  readonly retries?: number;
  readonly resolve_page_on_policy_end?: boolean;
}

export interface StepAttributes {
  readonly assignment?: 'default' | 'round-robin';
  readonly escalate_after_seconds?: number;
}

export interface RuleAttributes {
  readonly query?: string;
  readonly urgency?: 'low' | 'high' | 'dynamic';
  readonly time_restriction?: { readonly time_zone: string; readonly restrictions: readonly TimeRestriction[] };
  readonly actions?: ReadonlyArray<Record<string, unknown> & { readonly type: string }>;
}

export interface OverrideAttributes {
  readonly start?: string;
  readonly end?: string;
}

/** Endpoint keys: paths under `/api/v2/` without the query. */
export const KEYS = {
  users: 'users',
  teams: 'team',
  memberships: (team: string) => `team/${team}/memberships`,
  schedules: 'on-call/schedules',
  schedule: (id: string) => `on-call/schedules/${id}`,
  overrides: (schedule: string) => `on-call/schedules/${schedule}/overrides`,
  policies: 'on-call/escalation-policies',
  policy: (id: string) => `on-call/escalation-policies/${id}`,
  routing: (team: string) => `on-call/teams/${team}/routing-rules`,
  channels: (user: string) => `on-call/users/${user}/notification-channels`,
  rules: (user: string) => `on-call/users/${user}/notification-rules`,
} as const;

export interface ChannelAttributes {
  readonly active?: boolean;
  readonly config?: {
    readonly type: 'phone' | 'email' | 'push';
    readonly number?: string;
    readonly address?: string;
    readonly formats?: string[];
  };
}

export interface NotificationRuleAttributes {
  readonly category?: 'high_urgency' | 'low_urgency';
  readonly delay_minutes?: number;
  readonly channel_settings?: { readonly type?: 'phone'; readonly method?: 'sms' | 'voice' };
}

/** What `include=` asks for on each single-resource read: what the provider's Read asks for (v4.19.0). */
export const INCLUDE = {
  schedule: 'layers,layers.members.user',
  policy: 'steps.targets',
  routing: 'rules',
  notificationRules: 'channel',
} as const;

/** Overrides are listed between these instants (the endpoint requires a window): all of them, in practice. */
export const OVERRIDE_WINDOW = { start: '2000-01-01T00:00:00Z', end: '2100-01-01T00:00:00Z' } as const;

export const PAGE_SIZE = 100;

export function relOne(r: Pick<Resource<unknown>, 'relationships'>, name: string): Rel | undefined {
  const d = r.relationships?.[name]?.data;
  return d && !Array.isArray(d) ? (d as Rel) : undefined;
}

export function relMany(r: Pick<Resource<unknown>, 'relationships'>, name: string): readonly Rel[] {
  const d = r.relationships?.[name]?.data;
  return Array.isArray(d) ? (d as readonly Rel[]) : [];
}

export function includedById(doc: Doc): Map<string, Resource> {
  return new Map((doc.included ?? []).map((r) => [`${r.type}/${r.id}`, r]));
}
