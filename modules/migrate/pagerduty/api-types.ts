/**
 * The PagerDuty REST objects the import reads, as PagerDuty/api-schema (commit 91a06fb,
 * reference/REST/openapiv3.json) describes them: only the fields the import uses.
 */
export interface PdReference {
  readonly id: string;
  readonly type?: string;
  readonly summary?: string | null;
}

export interface PdContactMethod {
  readonly id: string;
  readonly type: string;
  readonly label: string;
  readonly address: string;
  readonly country_code?: number;
}

export interface PdNotificationRule {
  readonly id: string;
  readonly type: 'assignment_notification_rule';
  readonly start_delay_in_minutes: number;
  readonly urgency: 'high' | 'low';
  readonly contact_method: PdReference;
}

export interface PdUser {
  readonly id: string;
  readonly name: string;
  readonly email: string;
  readonly time_zone?: string;
  readonly role?: string;
}

export interface PdTeam {
  readonly id: string;
  readonly name: string;
  readonly description?: string | null;
  readonly parent?: PdReference | null;
}

export interface PdMember {
  readonly user: PdReference;
  readonly role: string;
}

export interface PdRestriction {
  readonly type: 'daily_restriction' | 'weekly_restriction';
  readonly start_time_of_day: string;
  readonly duration_seconds: number;
  readonly start_day_of_week?: number;
}

export interface PdLayer {
  readonly id?: string;
  readonly name?: string;
  readonly start: string;
  readonly end?: string | null;
  readonly rotation_virtual_start: string;
  readonly rotation_turn_length_seconds: number;
  readonly users: ReadonlyArray<{ readonly user: PdReference }>;
  readonly restrictions?: readonly PdRestriction[];
}

export interface PdSchedule {
  readonly id: string;
  readonly name: string;
  readonly description?: string | null;
  readonly time_zone: string;
  readonly teams?: readonly PdReference[];
  /** Newest layer first (the highest precedence), as the provider sends them (expandScheduleLayers reverses). */
  readonly schedule_layers?: readonly PdLayer[];
}

export interface PdOverride {
  readonly id: string;
  readonly start: string;
  readonly end: string;
  readonly user: PdReference;
}

export interface PdEscalationRule {
  readonly id?: string;
  readonly escalation_delay_in_minutes: number;
  readonly targets: readonly PdReference[];
}

export interface PdEscalationPolicy {
  readonly id: string;
  readonly name: string;
  readonly description?: string | null;
  readonly num_loops?: number;
  readonly escalation_rules: readonly PdEscalationRule[];
  readonly teams?: readonly PdReference[];
}

export interface PdUrgencyType {
  readonly type: string;
  readonly urgency?: string | null;
}

export interface PdService {
  readonly id: string;
  readonly name: string;
  readonly description?: string | null;
  readonly status?: string;
  readonly escalation_policy: PdReference;
  readonly alert_creation?: string;
  readonly acknowledgement_timeout?: number | null;
  readonly auto_resolve_timeout?: number | null;
  readonly incident_urgency_rule?: PdUrgencyType & {
    readonly during_support_hours?: PdUrgencyType;
    readonly outside_support_hours?: PdUrgencyType;
  };
  readonly support_hours?: {
    readonly type?: string;
    readonly time_zone?: string;
    readonly days_of_week?: readonly number[];
    readonly start_time?: string;
    readonly end_time?: string;
  } | null;
  readonly scheduled_actions?: ReadonlyArray<{
    readonly type: string;
    readonly to_urgency: string;
    readonly at: { readonly type: string; readonly name: string };
  }>;
  readonly integrations?: readonly PdReference[];
  readonly teams?: readonly PdReference[];
}

export interface PdEmailFilter {
  readonly subject_mode?: string;
  readonly subject_regex?: string | null;
  readonly body_mode?: string;
  readonly body_regex?: string | null;
  readonly from_email_mode?: string;
  readonly from_email_regex?: string | null;
}

export interface PdIntegration {
  readonly id: string;
  readonly type: string;
  readonly name?: string;
  readonly service?: PdReference;
  readonly vendor?: PdReference | null;
  readonly integration_email?: string;
  readonly integration_key?: string;
  readonly email_filters?: readonly PdEmailFilter[];
}

export interface PdVendor {
  readonly id: string;
  readonly name?: string;
}

/** The endpoint keys of a PagerDuty account export (modules/migrate/account.ts AccountExport). */
export const PD_KEYS = {
  users: 'users',
  contactMethods: (user: string) => `users/${user}/contact_methods`,
  notificationRules: (user: string) => `users/${user}/notification_rules`,
  teams: 'teams',
  members: (team: string) => `teams/${team}/members`,
  schedules: 'schedules',
  overrides: (schedule: string) => `schedules/${schedule}/overrides`,
  escalationPolicies: 'escalation_policies',
  services: 'services',
  /** The full integration objects of a service (GET /services/{id}/integrations/{integration_id} each). */
  integrations: (service: string) => `services/${service}/integrations`,
  vendors: 'vendors',
} as const;
