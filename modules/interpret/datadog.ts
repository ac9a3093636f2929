/**
 * Datadog On-Call's documented schedule semantics: a layer applies from `effectiveDate` (until `endDate`);
 * turns of `interval` (days, or seconds) count from `rotationStart` on the schedule zone's clock;
 * restrictions are weekday spans, and one that starts and ends on the same weekday assigns nobody; overrides
 * replace whoever is on call.
 */
import type { Organisation } from '../model/types';
import type { DesiredState } from '../render/desired';
import { DD } from '../backends/datadog-oncall/resources';
import type { Changes } from './changes';
import {
  DAYS,
  byName,
  instantOfIso,
  minuteOfWeek,
  minutesOfClock,
  personOf,
  wallMinutes,
  wallMinutesOfIso,
  type OnCallAt,
  overrideAt,
  overrideEdges,
  inWeeklySpanTo,
} from './common';

export interface Restriction {
  startDay: string;
  startTime: string;
  endDay: string;
  endTime: string;
}

const minutesOf = minutesOfClock;

export function allowed(restrictions: Restriction[] | undefined, instant: number, zone: string): boolean {
  if (!restrictions || restrictions.length === 0) return true;
  const m = minuteOfWeek(instant, zone);
  return restrictions.some((r) => {
    if (r.startDay === r.endDay && minutesOf(r.endTime) <= minutesOf(r.startTime)) return false; // assigns nobody
    const s = DAYS.indexOf(r.startDay) * 1440 + minutesOf(r.startTime);
    const e = DAYS.indexOf(r.endDay) * 1440 + minutesOf(r.endTime);
    return inWeeklySpanTo(m, s, e);
  });
}

export function datadogAt(org: Organisation, state: DesiredState, scheduleName: string, instant: number): OnCallAt {
  const schedule = byName(state, DD.schedule, scheduleName);
  if (!schedule) throw new Error(`no schedule ${scheduleName}`);
  const zone = schedule.inputs.timeZone as string;
  const override = overrideAt(state, DD.override, scheduleName, instant);
  if (override) return { person: personOf(org, override.inputs.userId!), cause: `override ${override.name}` };
  const layers = schedule.inputs.layers as Array<Record<string, unknown>>;
  const onCall: OnCallAt[] = [];
  for (const layer of layers) {
    if (instant < instantOfIso(layer.effectiveDate as string)) continue;
    if (layer.endDate !== undefined && instant >= instantOfIso(layer.endDate as string)) continue;
    if (!allowed(layer.restrictions as Restriction[] | undefined, instant, zone)) continue;
    const turn = Math.floor((wallMinutes(instant, zone) - wallMinutesOfIso(layer.rotationStart as string, zone)) / turnMinutesOf(layer));
    const users = layer.users as never[];
    const person = personOf(org, users[((turn % users.length) + users.length) % users.length]!);
    onCall.push({ person, cause: `${scheduleName} layer "${String(layer.name)}"` });
  }
  if (onCall.length > 1) throw new Error(`${scheduleName}: layers overlap`);
  return onCall[0] ?? { person: null, cause: `${scheduleName}: no layer applies` };
}

function turnMinutesOf(layer: Record<string, unknown>): number {
  const interval = layer.interval as { days?: number; seconds?: number };
  return interval.days !== undefined ? interval.days * 1440 : (interval.seconds ?? 0) / 60;
}

export function datadogOnCall(org: Organisation, state: DesiredState, scheduleName: string, instant: number): string | null {
  return datadogAt(org, state, scheduleName, instant).person;
}

/** Edges of weekday-span restrictions on the zone's clock. */
export function restrictionChanges(restrictions: Restriction[] | undefined, zone: string, changes: Changes): void {
  for (const r of restrictions ?? []) {
    changes.weekly(zone, DAYS.indexOf(r.startDay) * 1440 + minutesOf(r.startTime));
    changes.weekly(zone, DAYS.indexOf(r.endDay) * 1440 + minutesOf(r.endTime));
  }
}

/** Where the answer of `datadogAt` may change: overrides' and layers' edges, turns, restrictions' edges. */
export function datadogChanges(state: DesiredState, scheduleName: string, changes: Changes): void {
  const schedule = byName(state, DD.schedule, scheduleName);
  if (!schedule) return;
  const zone = schedule.inputs.timeZone as string;
  changes.zone(zone);
  for (const edge of overrideEdges(state, DD.override, scheduleName)) changes.at(edge);
  for (const layer of schedule.inputs.layers as Array<Record<string, unknown>>) {
    changes.at(instantOfIso(layer.effectiveDate as string));
    if (layer.endDate !== undefined) changes.at(instantOfIso(layer.endDate as string));
    changes.wallPeriodic(zone, wallMinutesOfIso(layer.rotationStart as string, zone), turnMinutesOf(layer));
    restrictionChanges(layer.restrictions as Restriction[] | undefined, zone, changes);
  }
}
