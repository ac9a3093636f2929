/**
 * The tests' own computation of the incident figures, written apart from modules/reports: records are placed with
 * the hand-written tables of history.ts, percentiles found by counting (the smallest value with at least p% of
 * the values at or below it: the nearest-rank definition), business hours read with Luxon and France's public
 * holidays of 2026 listed by hand (Code du travail, article L3133-1; Easter 5 April 2026), hours by a sweep.
 */
import { DateTime } from 'luxon';
import type { IncidentRecord } from '../../modules/reports/incident-record';
import { SQUADS } from './history';
import { FRENCH_HOLIDAYS_2026 } from '../fixtures/french-holidays';

export { FRENCH_HOLIDAYS_2026 };

export interface Placed {
  readonly record: IncidentRecord;
  readonly squad: string;
  readonly service: string;
  readonly alert?: string;
  readonly severity: string;
}

export function place(records: readonly IncidentRecord[]): { placed: Placed[]; unknown: IncidentRecord[] } {
  const placed: Placed[] = [];
  const unknown: IncidentRecord[] = [];
  for (const r of records) {
    const squad = Object.keys(SQUADS).find((s) => SQUADS[s]!.team === r.team);
    if (squad === undefined) {
      unknown.push(r);
      continue;
    }
    let alert: string | undefined;
    let severity = r.priority;
    for (const tag of r.tags) {
      if (tag.startsWith('alert-id:')) alert = tag.split(':')[1];
      if (tag.startsWith('severity:') && severity === undefined) severity = tag.split(':')[1]!.toUpperCase();
    }
    placed.push({ record: r, squad, service: SQUADS[squad]!.service, ...(alert ? { alert } : {}), severity: severity ?? 'none' });
  }
  return { placed, unknown };
}

export function percentileByCounting(values: readonly number[], p: number): number | undefined {
  const sorted = [...values].sort((a, b) => a - b);
  for (const v of sorted) {
    let atOrBelow = 0;
    for (const w of sorted) if (w <= v) atOrBelow++;
    if (atOrBelow * 100 >= p * sorted.length) return v;
  }
  return undefined;
}

const toMinutes = (ms: number | undefined) => (ms === undefined ? undefined : Math.round(ms / 600) / 100);

export function spreadByCounting(values: readonly number[]) {
  const out: Record<string, number> = { count: values.length };
  const m = toMinutes(percentileByCounting(values, 50));
  if (m !== undefined) {
    out.median = m;
    out.p80 = toMinutes(percentileByCounting(values, 80))!;
    out.p95 = toMinutes(percentileByCounting(values, 95))!;
  }
  return out;
}

export function answeredLevel(r: Pick<IncidentRecord, 'acknowledgedAt' | 'escalations'>): string {
  if (r.acknowledgedAt === undefined) return 'never';
  const before = [...r.escalations].sort((a, b) => b.at - a.at).find((e) => e.at <= r.acknowledgedAt!);
  return String(before?.level ?? 1);
}

export function expectedGroup(list: readonly Placed[], targetOf: (p: Placed) => number) {
  const acked = list.filter((p) => p.record.acknowledgedAt !== undefined);
  const resolved = list.filter((p) => p.record.resolvedAt !== undefined);
  let within = 0;
  for (const p of acked) if (p.record.acknowledgedAt! - p.record.createdAt <= targetOf(p) * 60 * 1000) within++;
  const answeredAt: Record<string, number> = {};
  for (const p of list) answeredAt[answeredLevel(p.record)] = (answeredAt[answeredLevel(p.record)] ?? 0) + 1;
  return {
    pages: list.length,
    acknowledged: acked.length,
    resolved: resolved.length,
    timeToAcknowledge: spreadByCounting(acked.map((p) => p.record.acknowledgedAt! - p.record.createdAt)),
    timeToResolve: spreadByCounting(resolved.map((p) => p.record.resolvedAt! - p.record.createdAt)),
    measured: list.length,
    within,
    answeredAt,
  };
}

/** Whether a person notified at `at` was paged outside 09:00–18:00 Monday to Friday, holidays off, in `zone`. */
export function outOfHours(at: number, zone: string): boolean {
  const local = DateTime.fromMillis(at, { zone });
  const minute = local.hour * 60 + local.minute;
  const workday = local.weekday <= 5 && !FRENCH_HOLIDAYS_2026.includes(local.toISODate()!);
  return !(workday && minute >= 9 * 60 && minute < 18 * 60);
}

/** Hours during which at least one span is open, inside [from, to), by a sweep over start and end events. */
export function sweepHours(spans: ReadonlyArray<readonly [number, number]>, from: number, to: number): number {
  const events: Array<[number, number]> = [];
  for (const [s, e] of spans) {
    const a = Math.max(s, from);
    const b = Math.min(e, to);
    if (a < b) events.push([a, +1], [b, -1]);
  }
  events.sort((x, y) => x[0] - y[0] || y[1] - x[1]);
  let open = 0;
  let since = 0;
  let total = 0;
  for (const [t, d] of events) {
    if (open === 0 && d > 0) since = t;
    open += d;
    if (open === 0) total += t - since;
  }
  return Math.round(total / 36_000) / 100;
}

/** Business hours as an organisation writes them: weekdays, from and to (minutes of the day), off-hours dates. */
export interface Hours {
  readonly from: number;
  readonly to: number;
  /** ISO dates that are off hours all day (none unless the organisation says `offHours`). */
  readonly holidays: readonly string[];
}

/** Whether `at` falls outside Monday–Friday [from, to) in `zone`, or on one of the holidays. */
export function outOfHoursWith(at: number, zone: string, hours: Hours): boolean {
  const local = DateTime.fromMillis(at, { zone });
  const minute = local.hour * 60 + local.minute;
  const workday = local.weekday <= 5 && !hours.holidays.includes(local.toISODate()!);
  return !(workday && minute >= hours.from && minute < hours.to);
}
