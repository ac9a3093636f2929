import { weekdayNumber, WEEKDAYS } from '../core/clock';
import type { SpecFile } from '../spec/load-tree';
import type { OrgSpec, Severity } from '../spec/types';
import { checkDuration, checkPhone, checkUrl, checkZone } from './checks-common';
import { turnOf } from './turn';
import { isReadinessCheck, READINESS_CHECKS } from '../core/readiness-checks';
import { didYouMean, hinted } from '../core/suggest';
import { sourceOf, type Reporter } from './reporter';
import type { HolidayCalendar, Person, ReadinessSettings, ReportSettings, WeeklyWindows } from './types';
import { resolveHolidays } from './resolve-holidays';
import { normaliseIntervals, windowIntervals } from './windows';
import { resolveOrgPhoneOptions, type PhoneOptions } from './resolve-phone-speech';
import { checkNotifyReach, resolveNotify } from './resolve-notify';

export const DEFAULT_RUNBOOK_SECTIONS = ['Trigger', 'Resolution', 'Expected time'];
export const DEFAULT_PAGING_SEVERITIES: Severity[] = ['P1', 'P2', 'P3'];

export interface OrgDefaults {
  readonly timezone: string;
  readonly every: string;
  readonly handoff: string;
  readonly responseTargetMinutes: number;
  readonly businessHours: WeeklyWindows;
  readonly phoneRouter?: string;
  readonly phoneFallback?: string;
  /** Language, voice and caller id of every line that does not say otherwise. */
  readonly phone: PhoneOptions;
}

export interface ResolvedOrg {
  readonly name: string;
  readonly defaults: OrgDefaults;
  readonly people: Map<string, Person>;
  readonly holidays: HolidayCalendar;
  readonly readiness: ReadinessSettings;
  readonly maxAboveMeanPercent: number;
  readonly reports: ReportSettings;
  readonly statusPage: { readonly name: string; readonly domainPrefix: string; readonly type: 'public' | 'internal' };
}

export function resolveOrg(r: Reporter, org: SpecFile<OrgSpec>): ResolvedOrg {
  const { yaml: f, spec } = org;
  const d = spec.defaults ?? {};
  let timezone = d.timezone ?? 'UTC';
  if (!checkZone(r, f, ['defaults', 'timezone'], timezone)) timezone = 'UTC';

  let every = d.every ?? '1w';
  if (d.every !== undefined) {
    const turn = turnOf(d.every);
    if ('error' in turn) {
      r.error(f, ['defaults', 'every'], 'rotation/invalid-turn', turn.error);
      every = '1w';
    }
  }
  const handoff = d.handoff ?? 'monday 09:00';
  let responseTargetMinutes = 60;
  if (d.responseTarget !== undefined) {
    const s = checkDuration(r, f, ['defaults', 'responseTarget'], d.responseTarget);
    if (s !== undefined) responseTargetMinutes = Math.ceil(s / 60);
  }
  const bh = d.businessHours ?? { days: 'monday-friday', from: '09:00', to: '18:00' };
  if (d.businessHours && bh.from === bh.to) {
    r.error(f, ['defaults', 'businessHours', 'to'], 'value/empty-window', 'business hours start and end at the same time');
  }

  if (spec.phone?.router) checkUrl(r, f, ['phone', 'router'], spec.phone.router);
  if (spec.phone?.fallback) checkUrl(r, f, ['phone', 'fallback'], spec.phone.fallback);
  if (spec.phone?.router && spec.phone.router === spec.phone.fallback) {
    r.error(f, ['phone', 'fallback'], 'phone/same-host', 'the fallback router must be a different, independent host from the primary');
  }

  const people = new Map<string, Person>();
  const defaultNotify = resolveNotify(r, f, ['defaults', 'notify'], d.notify);
  const emails = new Map<string, string>();
  for (const [id, p] of Object.entries(spec.people)) {
    let zone = p.timezone ?? timezone;
    if (p.timezone !== undefined && !checkZone(r, f, ['people', id, 'timezone'], p.timezone)) zone = timezone;
    if (p.phone !== undefined) checkPhone(r, f, ['people', id, 'phone'], p.phone);
    const email = p.email.toLowerCase();
    const other = emails.get(email);
    if (other !== undefined) {
      r.error(
        f,
        ['people', id, 'email'],
        'person/duplicate-email',
        `\`${id}\` has the same e-mail as \`${other}\`; backends find users by e-mail, so each person needs their own`,
      );
    }
    emails.set(email, id);
    const own = resolveNotify(r, f, ['people', id, 'notify'], p.notify);
    const notify = own ?? defaultNotify;
    if (notify) checkNotifyReach(r, f, { id, phone: p.phone, pushDevice: p.pushDevice }, notify, own !== undefined);
    people.set(id, {
      id,
      name: p.name,
      email: p.email,
      timezone: zone,
      phone: p.phone,
      ...(notify ? { notify } : {}),
      ...(p.pushDevice === undefined ? {} : { pushDevice: p.pushDevice }),
      source: sourceOf(f, ['people', id]),
    });
  }

  const holidays = resolveHolidays(r, f, spec.holidays);

  const businessHours: WeeklyWindows = {
    kind: 'business-hours',
    intervals: normaliseIntervals(windowIntervals(bh)),
    ...(holidays.offHours ? { holidays } : {}),
  };

  const rd = spec.readiness ?? {};
  for (const name of Object.keys(rd.checks ?? {})) {
    if (!isReadinessCheck(name)) {
      r.error(
        f,
        ['readiness', 'checks', name],
        'ref/unknown-check',
        hinted(`unknown readiness check \`${name}\``, didYouMean(name, Object.keys(READINESS_CHECKS))),
        true,
      );
    }
  }
  const readiness: ReadinessSettings = {
    runbookSections: rd.runbookSections ?? DEFAULT_RUNBOOK_SECTIONS,
    runbookBaseUrl:
      rd.runbookBaseUrl !== undefined && checkUrl(r, f, ['readiness', 'runbookBaseUrl'], rd.runbookBaseUrl)
        ? rd.runbookBaseUrl.replace(/\/*$/, '/')
        : undefined,
    pagingSeverities: rd.pagingSeverities ?? DEFAULT_PAGING_SEVERITIES,
    checks: new Map(Object.entries(rd.checks ?? {})),
  };

  return {
    name: spec.name,
    defaults: {
      timezone,
      every,
      handoff,
      responseTargetMinutes,
      businessHours,
      phoneRouter: spec.phone?.router,
      phoneFallback: spec.phone?.fallback,
      phone: resolveOrgPhoneOptions(r, f, spec.phone),
    },
    people,
    holidays,
    readiness,
    maxAboveMeanPercent: spec.fairness?.maxAboveMean ?? 50,
    reports: {
      intervention: spec.reports?.intervention ?? 'acknowledge-to-resolve',
      noisy: { pages: spec.reports?.noisy?.pages ?? 10, days: spec.reports?.noisy?.days ?? 30 },
    },
    statusPage: {
      name: spec.statusPage?.name ?? spec.name,
      domainPrefix:
        spec.statusPage?.domainPrefix ??
        (spec.name
          .toLowerCase()
          .replace(/[^a-z0-9-]+/g, '-')
          .replace(/^-+|-+$/g, '') ||
          'status'),
      type: spec.statusPage?.type ?? 'public',
    },
  };
}

/** Parses `monday 09:00` / `09:00`. The schema guarantees the shape. */
export function parseHandoff(text: string): { weekday?: number; minute: number } {
  const parts = text.trim().split(/\s+/);
  const time = parts[parts.length - 1] ?? '00:00';
  const [h, m] = time.split(':').map(Number);
  const minute = (h ?? 0) * 60 + (m ?? 0);
  if (parts.length === 2) {
    const day = parts[0] as (typeof WEEKDAYS)[number];
    return { weekday: weekdayNumber(day), minute };
  }
  return { minute };
}
