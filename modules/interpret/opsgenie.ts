/**
 * Opsgenie's documented schedule semantics: every rotation of a schedule whose [startDate, endDate) contains
 * the instant has its participant on call (all at once); turns of `length` hours, days or weeks count from
 * `startDate` on the schedule zone's clock; `time-of-day` and `weekday-and-time-of-day` restrictions limit when
 * a rotation applies; overrides (by alias) replace the schedule's on-call.
 */
import type { Organisation } from '../model/types';
import type { DesiredState, Value } from '../render/desired';
import { OG } from '../backends/opsgenie/resources';
import type { Changes } from './changes';
import {
  DAYS,
  byName,
  inWeeklySpan,
  instantOfIso,
  minuteOfWeek,
  personOf,
  referringTo,
  wallMinutes,
  wallMinutesOfIso,
  type OnCallAt,
  overrideAt,
  overrideEdges,
  inWeeklySpanTo,
} from './common';

const TURN = { hourly: 60, daily: 1440, weekly: 10080 } as const;

interface Restriction {
  startHour: number;
  startMin: number;
  endHour: number;
  endMin: number;
  startDay?: string;
  endDay?: string;
}
export interface TimeRestriction {
  type: string;
  restriction?: Restriction[];
  restrictionList?: Restriction[];
}

/**
 * The restriction the API receives, as the provider builds it (terraform-provider-opsgenie v0.6.40 util.go
 * expandOpsGenieTimeRestriction): the `restrictionList` when it has members, else the last `restriction`.
 * Pulumi names only these two (pulumi-opsgenie v1.4.1 resources.go); any other key never reaches the provider.
 * A restriction of the other shape than its type is refused by the SDK (og.ValidateRestrictions).
 */
function sent(r: TimeRestriction): { type: string; list?: Restriction[]; single?: Restriction } {
  const list = r.restrictionList ?? [];
  if (list.length > 0) return { type: r.type, list };
  const single = (r.restriction ?? []).at(-1);
  if (r.type === 'time-of-day' && !single) throw new Error('time-of-day restriction without `restriction`: the API refuses the rotation');
  if (r.type === 'weekday-and-time-of-day')
    throw new Error('weekday-and-time-of-day restriction without `restrictionList`: the API refuses the rotation');
  return { type: r.type, single };
}

export function allowed(restrictions: TimeRestriction[] | undefined, instant: number, zone: string): boolean {
  if (!restrictions || restrictions.length === 0) return true;
  const m = minuteOfWeek(instant, zone);
  return restrictions.some((raw) => {
    const r = sent(raw);
    if (r.type === 'time-of-day') {
      const x = r.single!;
      const s = x.startHour * 60 + x.startMin;
      const e = x.endHour * 60 + x.endMin;
      const length = e > s ? e - s : e + 1440 - s;
      return [0, 1, 2, 3, 4, 5, 6].some((d) => inWeeklySpan(m, d * 1440 + s, length));
    }
    return (r.list ?? []).some((x) => {
      const s = DAYS.indexOf(x.startDay ?? '') * 1440 + x.startHour * 60 + x.startMin;
      const e = DAYS.indexOf(x.endDay ?? '') * 1440 + x.endHour * 60 + x.endMin;
      return inWeeklySpanTo(m, s, e);
    });
  });
}

export function opsgenieAt(org: Organisation, state: DesiredState, scheduleName: string, instant: number): OnCallAt {
  const schedule = byName(state, OG.schedule, scheduleName);
  if (!schedule) throw new Error(`no schedule ${scheduleName}`);
  const zone = schedule.inputs.timezone as string;
  const override = overrideAt(state, OG.override, scheduleName, instant, ['startDate', 'endDate']);
  if (override) return { person: personOf(org, override.inputs.username!), cause: `override ${override.name}` };
  const onCall = new Map<string, string>();
  for (const rotation of referringTo(state, OG.rotation, 'scheduleId', scheduleName)) {
    const i = rotation.inputs;
    if (instant < instantOfIso(i.startDate as string)) continue;
    if (i.endDate !== undefined && instant >= instantOfIso(i.endDate as string)) continue;
    if (!allowed(i.timeRestrictions as never, instant, zone)) continue;
    const turnMinutes = TURN[i.type as keyof typeof TURN] * ((i.length as number | undefined) ?? 1);
    const turn = Math.floor((wallMinutes(instant, zone) - wallMinutesOfIso(i.startDate as string, zone)) / turnMinutes);
    const participants = i.participants as Array<{ id: Value }>;
    const person = personOf(org, participants[((turn % participants.length) + participants.length) % participants.length]!.id);
    onCall.set(person, `rotation ${rotation.name}`);
  }
  // Every rotation's participant is on call at once: the renderer never lets two rotations overlap.
  if (onCall.size > 1) throw new Error(`${scheduleName}: ${[...onCall.keys()].join(' and ')} are on call at once`);
  const [found] = [...onCall];
  return found ? { person: found[0], cause: found[1] } : { person: null, cause: `${scheduleName}: no rotation applies` };
}

export function opsgenieOnCall(org: Organisation, state: DesiredState, scheduleName: string, instant: number): string | null {
  return opsgenieAt(org, state, scheduleName, instant).person;
}

/** Edges of a list of time restrictions (weekly or daily, on the zone's clock). */
export function restrictionChanges(restrictions: TimeRestriction[] | undefined, zone: string, changes: Changes): void {
  for (const raw of restrictions ?? []) {
    const r = sent(raw);
    if (r.type === 'time-of-day') {
      const x = r.single!;
      changes.daily(zone, x.startHour * 60 + x.startMin);
      changes.daily(zone, x.endHour * 60 + x.endMin);
    }
    for (const x of r.list ?? []) {
      changes.weekly(zone, DAYS.indexOf(x.startDay ?? '') * 1440 + x.startHour * 60 + x.startMin);
      changes.weekly(zone, DAYS.indexOf(x.endDay ?? '') * 1440 + x.endHour * 60 + x.endMin);
    }
  }
}

/** Where the answer of `opsgenieAt` may change: overrides' and rotations' edges, turns, restrictions' edges. */
export function opsgenieChanges(state: DesiredState, scheduleName: string, changes: Changes): void {
  const schedule = byName(state, OG.schedule, scheduleName);
  if (!schedule) return;
  const zone = schedule.inputs.timezone as string;
  changes.zone(zone);
  for (const edge of overrideEdges(state, OG.override, scheduleName, ['startDate', 'endDate'])) changes.at(edge);
  for (const rotation of referringTo(state, OG.rotation, 'scheduleId', scheduleName)) {
    const i = rotation.inputs;
    changes.at(instantOfIso(i.startDate as string));
    if (i.endDate !== undefined) changes.at(instantOfIso(i.endDate as string));
    const turnMinutes = TURN[i.type as keyof typeof TURN] * ((i.length as number | undefined) ?? 1);
    changes.wallPeriodic(zone, wallMinutesOfIso(i.startDate as string, zone), turnMinutes);
    restrictionChanges(i.timeRestrictions as never, zone, changes);
  }
}
