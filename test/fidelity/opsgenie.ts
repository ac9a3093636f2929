/**
 * Opsgenie's documented schedule semantics: every rotation of a schedule whose [startDate, endDate) contains
 * the instant has its participant on call (all at once); turns of `length` hours, days or weeks count from
 * `startDate` on the schedule zone's clock; `time-of-day` and `weekday-and-time-of-day` restrictions limit when
 * a rotation applies; overrides (by alias) replace the schedule's on-call.
 */
import type { Organisation } from '../../modules/model/types';
import type { DesiredState, Value } from '../../modules/render/desired';
import { OG } from '../../modules/backends/opsgenie/resources';
import { byType, DAYS, inWeeklySpan, instantOfIso, minuteOfWeek, personOf, refersTo, wallMinutes, wallMinutesOfIso } from './common';

const TURN = { hourly: 60, daily: 1440, weekly: 10080 } as const;

interface Restriction {
  startHour: number;
  startMin: number;
  endHour: number;
  endMin: number;
  startDay?: string;
  endDay?: string;
}
interface TimeRestriction {
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
      return inWeeklySpan(m, s, (((e - s) % 10080) + 10080) % 10080);
    });
  });
}

export function opsgenieOnCall(org: Organisation, state: DesiredState, scheduleName: string, instant: number): string | null {
  const schedule = byType(state, OG.schedule).find((r) => r.name === scheduleName);
  if (!schedule) throw new Error(`no schedule ${scheduleName}`);
  const zone = schedule.inputs.timezone as string;
  const override = byType(state, OG.override).find(
    (o) =>
      refersTo(o.inputs.scheduleId, scheduleName) &&
      instantOfIso(o.inputs.startDate as string) <= instant &&
      instant < instantOfIso(o.inputs.endDate as string),
  );
  if (override) {
    const email = override.inputs.username as string;
    return [...org.people.values()].find((p) => p.email === email)?.id ?? null;
  }
  const onCall = new Set<string>();
  for (const rotation of byType(state, OG.rotation).filter((r) => refersTo(r.inputs.scheduleId, scheduleName))) {
    const i = rotation.inputs;
    if (instant < instantOfIso(i.startDate as string)) continue;
    if (i.endDate !== undefined && instant >= instantOfIso(i.endDate as string)) continue;
    if (!allowed(i.timeRestrictions as never, instant, zone)) continue;
    const turnMinutes = TURN[i.type as keyof typeof TURN] * ((i.length as number | undefined) ?? 1);
    const turn = Math.floor((wallMinutes(instant, zone) - wallMinutesOfIso(i.startDate as string, zone)) / turnMinutes);
    const participants = i.participants as Array<{ id: Value }>;
    const person = personOf(org, participants[((turn % participants.length) + participants.length) % participants.length]!.id);
    if (person) onCall.add(person);
  }
  if (onCall.size > 1) throw new Error(`${scheduleName}: ${[...onCall].join(' and ')} are on call at once`);
  return [...onCall][0] ?? null;
}
