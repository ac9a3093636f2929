/**
 * Helpers for the backend interpreters. They read only rendered inputs, with Luxon, and share nothing with
 * the schedule engine: a disagreement is a renderer bug.
 */
import { DateTime } from 'luxon';
import type { DesiredResource, DesiredState, Value } from '../../modules/render/desired';
import { isInvoke, isRef } from '../../modules/render/desired';
import type { Organisation } from '../../modules/model/types';

/** Minutes of the wall clock of `zone` since 1970-01-01 00:00 (no zone), at `instant`. */
export function wallMinutes(instant: number, zone: string): number {
  const d = DateTime.fromMillis(instant, { zone });
  return Math.floor(Date.UTC(d.year, d.month - 1, d.day, d.hour, d.minute) / 60000);
}

export function wallMinutesOfIso(iso: string, zone: string): number {
  return wallMinutes(DateTime.fromISO(iso, { setZone: true }).toMillis(), zone);
}

export function instantOfIso(iso: string): number {
  return DateTime.fromISO(iso, { setZone: true }).toMillis();
}

/** Local minute of the week, Monday 00:00 = 0. */
export function minuteOfWeek(instant: number, zone: string): number {
  const d = DateTime.fromMillis(instant, { zone });
  return (d.weekday - 1) * 1440 + d.hour * 60 + d.minute;
}

export const DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

/** Whether `m` (minute of week) is in [start, start + length) on a weekly cycle. */
export function inWeeklySpan(m: number, start: number, length: number): boolean {
  if (length <= 0) return false;
  const offset = (((m - start) % 10080) + 10080) % 10080;
  return offset < length;
}

/** Person id from a lookup by e-mail/username/filter. */
export function personOf(org: Organisation, v: Value): string | null {
  if (!isInvoke(v)) return null;
  const email = Object.values(v.args)[0];
  for (const p of org.people.values()) if (p.email === email) return p.id;
  return null;
}

export function byType(state: DesiredState, type: string): DesiredResource[] {
  return state.resources.filter((r) => r.type === type);
}

export function refersTo(v: Value | undefined, name: string): boolean {
  return isRef(v) && v.$ref === name;
}
