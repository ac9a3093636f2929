/**
 * The organisation as every later layer reads it: references resolved, defaults applied, times
 * normalised. Pure data; no input format leaks past this point other than source positions.
 */
import type { Severity } from '../spec/types';
import type { Alert } from './alert-types';
import type { SourceTree } from '../spec/source';

export type * from './alert-types';
export { isQueryMonitor } from './alert-types';

/** Where an object is defined, for problems raised by later layers (schedule, readiness, plan). */
export interface Source {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

export interface Person {
  readonly id: string;
  readonly name: string;
  readonly email: string;
  readonly timezone: string;
  /** E.164; sensitive, mask it in every output but the router's TwiML and provider inputs. */
  readonly phone?: string;
  /** How the person is reached when paged (theirs, or the organisation's default); none: the backend's own. */
  readonly notify?: Notify;
  /** The name the backend's mobile app registered their phone under: where `push` rules point. */
  readonly pushDevice?: string;
  readonly source: Source;
}

export type NotifyMethod = 'call' | 'sms' | 'push' | 'email';

/** One contact method of a person's notification rules: at once (0) or after a delay since the page. */
export interface NotifyRule {
  readonly method: NotifyMethod;
  readonly afterMinutes: number;
  readonly source: Source;
}

/** A person's notification rules per urgency, each list in order of delay. */
export interface Notify {
  readonly high: readonly NotifyRule[];
  readonly low: readonly NotifyRule[];
  /** Where they are written: the person's `notify`, or `defaults.notify`. */
  readonly source: Source;
}

/**
 * A set of weekly intervals in minutes since Monday 00:00 local time, half-open, sorted, merged,
 * within [0, 10080). `always` is one interval [0, 10080).
 */
export interface WeeklyWindows {
  readonly kind: 'always' | 'business-hours' | 'off-hours' | 'custom';
  readonly intervals: ReadonlyArray<readonly [number, number]>;
  /**
   * Set on `business-hours` and `off-hours` windows when public holidays are non-business hours: on a holiday
   * (a date in the zone the windows are read in) the first are empty and the second cover the whole day.
   */
  readonly holidays?: HolidayCalendar;
}

export const MINUTES_PER_WEEK = 7 * 24 * 60;

export interface Turn {
  readonly unit: 'hours' | 'days' | 'weeks';
  readonly count: number;
}

export interface RosterSegment {
  /** ISO date of the first handoff of this order (the rotation start, or a change's first handoff). */
  readonly from: string;
  readonly members: readonly string[];
  readonly source: Source;
}

export interface Override {
  readonly person: string;
  /** Epoch milliseconds, half-open [start, end). */
  readonly start: number;
  readonly end: number;
  /** Whom the override replaces: validation checks this person is due for all of it (after swaps). */
  readonly replaces?: string;
  readonly reason?: string;
  readonly source: Source;
}

/** Two people exchange whole turns. */
export interface ShiftSwap {
  readonly kind: 'shifts';
  readonly between: readonly [string, string];
  /** ISO dates of the starts of the two shifts exchanged. */
  readonly shifts: readonly [string, string];
  readonly reason?: string;
  readonly source: Source;
}

/** A stretch of a rotation one side of a swap gives the other: epoch ms, half-open [start, end). */
export interface SwapSpan {
  readonly start: number;
  readonly end: number;
  /** As written: the ISO date of a day, or `start → end` of a span. */
  readonly text: string;
  readonly source: Source;
}

/** Two people exchange days (handoff time to handoff time) or spans of hours of their turns. */
export interface SpanSwap {
  readonly kind: 'days' | 'spans';
  readonly between: readonly [string, string];
  /** What each gives the other, in the order of `between`. */
  readonly gives: readonly [SwapSpan, SwapSpan];
  readonly reason?: string;
  readonly source: Source;
}

export type Swap = ShiftSwap | SpanSwap;

export interface Rotation {
  readonly id: string;
  readonly squad: string;
  /** `team/id`, unique in the organisation. */
  readonly key: string;
  readonly name: string;
  readonly timezone: string;
  readonly every: Turn;
  /** Minutes after local midnight of each handoff. */
  readonly handoffMinute: number;
  /** ISO weekday of handoffs for weekly turns (that of `start`). */
  readonly handoffWeekday?: number;
  /** Ordered rosters; the first starts at the rotation start. */
  readonly segments: readonly RosterSegment[];
  /** Turns ahead of the followed rotation (0 when not following). */
  readonly offset: number;
  readonly follows?: string;
  readonly coverage: WeeklyWindows;
  readonly overrides: readonly Override[];
  readonly swaps: readonly Swap[];
  readonly retired: boolean;
  readonly source: Source;
}

export type Target =
  | { readonly kind: 'on-call' }
  | { readonly kind: 'rotation'; readonly rotation: string /* team/id */ }
  | { readonly kind: 'person'; readonly person: string; readonly asManager: boolean };

export interface EscalationStep {
  /** Minutes since the alert. */
  readonly afterMinutes: number;
  readonly targets: readonly Target[];
  readonly source: Source;
}

export interface EscalationPolicy {
  readonly id: string;
  readonly squad: string;
  readonly key: string;
  readonly name: string;
  readonly responseTargetMinutes: number;
  readonly repeat: number;
  readonly steps: readonly EscalationStep[];
  readonly retired: boolean;
  readonly source: Source;
}

export interface RoutingRule {
  readonly during: WeeklyWindows;
  /** Zone in which `during` is read: the routed rotation's. */
  readonly timezone: string;
  /** `team/id` of the rotation that `on-call` means under this rule. */
  readonly rotation: string;
  readonly escalation: string;
  readonly urgency: 'high' | 'low';
  readonly source: Source;
}

export interface Service {
  readonly id: string;
  readonly squad: string;
  readonly name: string;
  readonly description?: string;
  readonly statusPage?: { readonly name: string; readonly group?: string };
  /** What the service promises (a client contract); absent: it pages as the squad's routing says, 24/7. */
  readonly promise?: ServicePromise;
  readonly retired: boolean;
  readonly source: Source;
}

/** When a service's alerts page, through which policy, how fast, and what happens outside its coverage. */
export interface ServicePromise {
  readonly coverage: WeeklyWindows;
  /** Zone in which `coverage` is read. */
  readonly timezone: string;
  readonly responseTargetMinutes: number;
  /** Id of the squad's policy that pages for it. */
  readonly escalation: string;
  /** Outside `coverage`: nobody is paged (`none`), or the policy pages at low urgency. */
  readonly outsideCoverage: 'none' | 'low';
  readonly source: Source;
}

export type Runbook =
  | { readonly kind: 'file'; /** Relative to the teams directory. */ readonly path: string; readonly text: string }
  | { readonly kind: 'url'; readonly url: string };

export interface PhoneLine {
  readonly squad: string;
  readonly number: string;
  readonly sid?: string;
  readonly router: string;
  readonly fallback?: string;
  /** How the router speaks on this line (`<Say>`). */
  readonly speech: PhoneSpeech;
  /** The number the person rung sees: the line's, or the caller's (the line's when the caller's is withheld). */
  readonly callerId: 'caller' | 'line';
  readonly retired: boolean;
  readonly source: Source;
}

/** A Twilio `<Say>` language (`fr-FR`) and, when chosen, a voice (`Polly.Lea`). */
export interface PhoneSpeech {
  readonly language: string;
  readonly voice?: string;
}

export interface Unavailability {
  readonly person: string;
  readonly squad: string;
  /** ISO dates, inclusive. */
  readonly from: string;
  readonly to: string;
  readonly reason?: string;
  readonly source: Source;
}

export interface Squad {
  readonly id: string;
  readonly name: string;
  readonly description?: string;
  readonly manager?: string;
  readonly members: readonly string[];
  readonly rotations: ReadonlyMap<string, Rotation>;
  readonly escalations: ReadonlyMap<string, EscalationPolicy>;
  readonly routing: readonly RoutingRule[];
  readonly services: ReadonlyMap<string, Service>;
  readonly alerts: ReadonlyMap<string, Alert>;
  readonly phone?: PhoneLine;
  /** Alerts can also be raised by e-mail. */
  readonly emailIntake: boolean;
  /** Where `intake.email` is written, when it is. */
  readonly intakeSource?: Source;
  readonly retired: boolean;
  readonly source: Source;
}

export interface Holiday {
  readonly date: string;
  readonly name: string;
}

/**
 * The organisation's public holidays, as written: a country's (and region's) every year, and dated ones. Plain
 * data; `holidaysBetween` and `holidayOn` (holiday-calendar.ts) list them over any range of dates.
 */
export interface HolidayCalendar {
  /** ISO 3166-1 code, as date-holidays knows it. */
  readonly country?: string;
  /** A state or region of the country, as date-holidays names it. */
  readonly region?: string;
  /** Dated holidays; on a date the country also has, their name is the one shown. */
  readonly extra: readonly Holiday[];
  /** Holidays are non-business hours (`offHours: true`). */
  readonly offHours: boolean;
}

export interface ReadinessSettings {
  readonly runbookSections: readonly string[];
  /** Where markdown runbooks are browsed: `<base><squad>/runbooks/x.md`. */
  readonly runbookBaseUrl?: string;
  readonly pagingSeverities: readonly Severity[];
  readonly checks: ReadonlyMap<string, 'error' | 'warning' | 'off'>;
}

/** How the operations reports count (`reports` in org.yaml). */
export interface ReportSettings {
  /** Intervention time of a page: from its acknowledgement, or from the page itself, to its resolution. */
  readonly intervention: 'acknowledge-to-resolve' | 'page-to-resolve';
  /** An alert paging more than `pages` times in the last `days` days is noisy. */
  readonly noisy: { readonly pages: number; readonly days: number };
}

export interface Organisation {
  readonly name: string;
  readonly timezone: string;
  readonly people: ReadonlyMap<string, Person>;
  readonly squads: ReadonlyMap<string, Squad>;
  /** Every rotation by `team/id`. */
  readonly rotations: ReadonlyMap<string, Rotation>;
  readonly services: ReadonlyMap<string, Service>;
  readonly alerts: ReadonlyMap<string, Alert>;
  readonly holidays: HolidayCalendar;
  readonly unavailability: readonly Unavailability[];
  readonly businessHours: WeeklyWindows;
  readonly readiness: ReadinessSettings;
  readonly fairness: { readonly maxAboveMeanPercent: number };
  readonly reports: ReportSettings;
  readonly statusPage: { readonly name: string; readonly domainPrefix: string; readonly type: 'public' | 'internal' };
  /** How the router speaks where no line says otherwise (`phone` of org.yaml). */
  readonly phoneSpeech?: PhoneSpeech;
  readonly source: Source;
  /** The files the organisation was read from (runbooks included). */
  readonly tree: SourceTree;
}
