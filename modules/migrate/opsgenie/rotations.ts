/**
 * Schedule rotations as YAML rotations. Opsgenie puts every rotation of a schedule whose dates contain the instant
 * on call at once; turns of `length` hours, days or weeks count from `startDate` on the schedule zone's clock
 * (opsgenie-oas definitions/scheduleRotation.yaml). Rotations that follow one another — each starting where the
 * previous ends, with the same turn and restrictions, on the same turn grid — are one YAML rotation whose later
 * orders are `changes` (a change applies from the first handoff on or after its date); rotations at the same time
 * are separate YAML rotations.
 */
import { DateTime } from 'luxon';
import type { Value } from '../../render/desired';
import { isInvoke } from '../../render/desired';
import type { ObservedResource } from '../account';

export interface Chain {
  readonly rotations: ObservedResource[];
  /** Participants' usernames of each rotation, in turn order. */
  readonly rosters: string[][];
}

const TURN_MINUTES = { hourly: 60, daily: 1440, weekly: 10080 } as const;

export function turnMinutes(r: ObservedResource): number {
  return (TURN_MINUTES[r.inputs.type as keyof typeof TURN_MINUTES] ?? 10080) * Number(r.inputs.length ?? 1);
}

export function wallMinutes(iso: string, zone: string): number {
  const d = DateTime.fromISO(iso, { zone: 'UTC' }).setZone(zone);
  return Math.floor(Date.UTC(d.year, d.month - 1, d.day, d.hour, d.minute) / 60000);
}

export function usernameOf(v: Value | undefined): string | undefined {
  return isInvoke(v) ? String(Object.values(v.args)[0]) : undefined;
}

/** Whether `next` continues `chain`'s last rotation as a roster change the YAML can say. */
function continues(last: ObservedResource, first: ObservedResource, next: ObservedResource, zone: string): boolean {
  const a = last.inputs;
  const b = next.inputs;
  if (a.endDate === undefined || a.endDate !== b.startDate) return false;
  if (a.type !== b.type || a.length !== b.length) return false;
  if (JSON.stringify(a.timeRestrictions ?? null) !== JSON.stringify(b.timeRestrictions ?? null)) return false;
  const turn = turnMinutes(next);
  const start = wallMinutes(String(b.startDate), zone);
  if ((start - wallMinutes(String(first.inputs.startDate), zone)) % turn !== 0) return false;
  // A change applies from the first handoff on or after its date: no handoff between that midnight and the start.
  const midnight = Math.floor(start / 1440) * 1440;
  return start - midnight < turn || turn % 1440 === 0;
}

/** The schedule's rotations grouped into chains, in start order. */
export function chains(rotations: readonly ObservedResource[], zone: string): Chain[] {
  const sorted = [...rotations].sort(
    (x, y) => String(x.inputs.startDate).localeCompare(String(y.inputs.startDate)) || x.id.localeCompare(y.id),
  );
  const out: Array<{ rotations: ObservedResource[]; rosters: string[][] }> = [];
  for (const r of sorted) {
    const roster = (Array.isArray(r.inputs.participants) ? r.inputs.participants : []).flatMap((p) => {
      const u = usernameOf((p as Record<string, Value>).id);
      return u === undefined ? [] : [u];
    });
    const chain = out.find((c) =>
      continues(c.rotations[c.rotations.length - 1] as ObservedResource, c.rotations[0] as ObservedResource, r, zone),
    );
    if (chain) {
      chain.rotations.push(r);
      chain.rosters.push(roster);
    } else out.push({ rotations: [r], rosters: [roster] });
  }
  return out;
}

const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

/** The YAML start date, handoff and turn of a rotation started at `iso` in `zone`. */
export function startOf(r: ObservedResource, zone: string): { start: string; handoff: string; every: string } {
  const d = DateTime.fromISO(String(r.inputs.startDate), { zone: 'UTC' }).setZone(zone);
  const time = d.toFormat('HH:mm');
  const unit = r.inputs.type === 'hourly' ? 'h' : r.inputs.type === 'daily' ? 'd' : 'w';
  return {
    start: d.toISODate() as string,
    handoff: unit === 'w' ? `${WEEKDAYS[d.weekday - 1] as string} ${time}` : time,
    every: `${Number(r.inputs.length ?? 1)}${unit}`,
  };
}

export function localDate(iso: string, zone: string): string {
  return DateTime.fromISO(iso, { zone: 'UTC' }).setZone(zone).toISODate() as string;
}

export function localDateTime(iso: string, zone: string): string {
  return DateTime.fromISO(iso, { zone: 'UTC' }).setZone(zone).toFormat('yyyy-MM-dd HH:mm');
}
