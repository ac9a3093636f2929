/**
 * Intervention time per person: for each page acknowledged and resolved, the span from its acknowledgement (or,
 * with `intervention: page-to-resolve`, from the page) to its resolution, counted for whoever acknowledged it (or
 * resolved it, when nobody acknowledged). A person's hours are the length of the union of their spans inside the
 * period: two pages handled at once count once.
 */
import { union, type Interval } from '../core/intervals';
import { HOUR } from '../core/local-time';
import type { ReportSettings } from '../model/types';
import type { IncidentRecord } from './incident-record';

/** Spans by the e-mail of the person who intervened. */
export function interventionSpans(records: readonly IncidentRecord[], mode: ReportSettings['intervention']): Map<string, Interval[]> {
  const out = new Map<string, Interval[]>();
  for (const r of records) {
    if (r.resolvedAt === undefined) continue;
    const who = mode === 'page-to-resolve' ? (r.acknowledgedBy ?? r.resolvedBy) : r.acknowledgedBy;
    const start = mode === 'page-to-resolve' ? r.createdAt : r.acknowledgedAt;
    if (who === undefined || start === undefined || r.resolvedAt <= start) continue;
    const key = who.toLowerCase();
    const spans = out.get(key);
    if (spans) spans.push([start, r.resolvedAt]);
    else out.set(key, [[start, r.resolvedAt]]);
  }
  return out;
}

/** Hours (2 decimals) of the union of the spans inside [from, to). */
export function hoursWithin(spans: readonly Interval[], from: number, to: number): number {
  const clipped: Interval[] = spans.map(([s, e]): Interval => [Math.max(s, from), Math.min(e, to)]).filter(([s, e]) => s < e);
  const ms = union(clipped).reduce((sum, [s, e]) => sum + (e - s), 0);
  // One division, so that an exact half (2.135 h) rounds up: (ms / HOUR) * 100 gives 213.4999… for 7,686,000 ms.
  return Math.round(ms / (HOUR / 100)) / 100;
}

/** Intervention hours inside [from, to) by person id (or e-mail, for someone not in org.yaml). */
export function interventionHours(
  people: Iterable<{ readonly id: string; readonly email: string }>,
  records: readonly IncidentRecord[],
  mode: ReportSettings['intervention'],
  from: number,
  to: number,
): Map<string, number> {
  const idOf = new Map([...people].map((p) => [p.email.toLowerCase(), p.id]));
  const out = new Map<string, number>();
  for (const [email, spans] of interventionSpans(records, mode)) {
    const hours = hoursWithin(spans, from, to);
    if (hours > 0) out.set(idOf.get(email) ?? email, hours);
  }
  return out;
}
