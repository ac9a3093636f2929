/** The YAML as written, after schema validation. Mirrors schemas/*.schema.json. */
import type { Weekday } from '../core/clock';

export type Days = Weekday[] | string;
export interface WindowSpec { days: Days; from: string; to: string }
export type CoverageSpec = 'always' | 'business-hours' | 'off-hours' | WindowSpec[];

export interface PersonSpec { name: string; email: string; timezone?: string; phone?: string }
export interface HolidaySpec { date: string; name: string }

export interface OrgSpec {
  name: string;
  defaults?: {
    timezone?: string;
    every?: string;
    handoff?: string;
    businessHours?: WindowSpec;
    responseTarget?: string;
  };
  phone?: { router?: string; fallback?: string };
  people: Record<string, PersonSpec>;
  holidays?: HolidaySpec[];
  statusPage?: { name?: string; domainPrefix?: string; type?: 'public' | 'internal' };
  readiness?: {
    runbookSections?: string[];
    runbookBaseUrl?: string;
    pagingSeverities?: Severity[];
    checks?: Record<string, 'error' | 'warning' | 'off'>;
  };
  fairness?: { maxAboveMean?: number };
}

export interface OverrideSpec { person: string; start: string; end: string; reason?: string }
export interface SwapSpec { between: [string, string]; shifts: [string, string]; reason?: string }
export interface RosterChangeSpec { from: string; members: string[] }

export interface RotationSpec {
  name?: string;
  members?: string[];
  start?: string;
  every?: string;
  handoff?: string;
  timezone?: string;
  coverage?: CoverageSpec;
  follows?: string;
  offset?: number;
  changes?: RosterChangeSpec[];
  overrides?: OverrideSpec[];
  swaps?: SwapSpec[];
  retired?: boolean;
}

export type TargetSpec = 'on-call' | 'manager' | { rotation: string } | { person: string };

export interface EscalationSpec {
  name?: string;
  responseTarget?: string;
  repeat?: number;
  steps: Array<{ after?: string; notify: TargetSpec | TargetSpec[] }>;
  retired?: boolean;
}

export interface RoutingRuleSpec {
  during?: CoverageSpec;
  rotation: string;
  escalation?: string;
  urgency?: 'high' | 'low';
}

export interface ServiceSpec {
  name?: string;
  description?: string;
  statusPage?: string | { name: string; group?: string };
  retired?: boolean;
}

export type Severity = 'P1' | 'P2' | 'P3' | 'P4' | 'P5';
export type AlertKind = 'metric' | 'log' | 'service-check' | 'http-check' | 'multistep-check' | 'slo';

export interface RequestSpec { method?: string; url: string; headers?: Record<string, string>; body?: string }
export interface ExpectSpec { status?: number; bodyContains?: string; maxResponseTime?: string }

export interface AlertSpec {
  title: string;
  service?: string;
  severity: Severity;
  kind: AlertKind;
  description?: string;
  query?: string;
  window?: string;
  thresholds?: { critical: string; warning?: string };
  request?: RequestSpec;
  expect?: ExpectSpec;
  steps?: Array<{ name: string; request: RequestSpec; expect?: ExpectSpec; extract?: Record<string, string> }>;
  every?: string;
  locations?: string[];
  slo?: { target: number; window?: '7d' | '30d' | '90d'; good: string; total: string };
  runbook?: string;
  dashboards?: string[];
  tags?: string[];
  page?: boolean;
  escalation?: string;
  notify?: string[];
  renotify?: string;
  noData?: string;
  silence?: Array<{ check: string; reason: string; until: string }>;
  retired?: boolean;
}

export interface PhoneSpec { number: string; sid?: string; router?: string; fallback?: string; retired?: boolean }
export interface UnavailabilitySpec { person: string; from: string; to: string; reason?: string }

export interface TeamSpec {
  name: string;
  description?: string;
  manager?: string;
  members: string[];
  rotations?: Record<string, RotationSpec>;
  escalations?: Record<string, EscalationSpec>;
  routing?: RoutingRuleSpec[];
  services?: Record<string, ServiceSpec>;
  alerts?: Record<string, AlertSpec>;
  phone?: PhoneSpec;
  intake?: { email?: boolean };
  unavailable?: UnavailabilitySpec[];
  retired?: boolean;
}

export interface AlertsFileSpec { alerts: Record<string, AlertSpec> }
