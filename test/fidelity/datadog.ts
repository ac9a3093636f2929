/**
 * Datadog On-Call's documented schedule semantics: a layer applies from `effectiveDate` (until `endDate`);
 * turns of `interval` (days, or seconds) count from `rotationStart` on the schedule zone's clock;
 * restrictions are weekday spans, and one that starts and ends on the same weekday assigns nobody; overrides
 * replace whoever is on call.
 */
import type { Organisation } from '../../modules/model/types';
import type { DesiredState } from '../../modules/render/desired';
import { DD } from '../../modules/backends/datadog-oncall/resources';
import { byType, DAYS, inWeeklySpan, instantOfIso, minuteOfWeek, personOf, refersTo, wallMinutes, wallMinutesOfIso } from './common';

interface Restriction {
  startDay: string;
  startTime: string;
  endDay: string;
  endTime: string;
}

function minutesOf(t: string): number {
  const [h, m] = t.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

export function allowed(restrictions: Restriction[] | undefined, instant: number, zone: string): boolean {
  if (!restrictions || restrictions.length === 0) return true;
  const m = minuteOfWeek(instant, zone);
  return restrictions.some((r) => {
    if (r.startDay === r.endDay && minutesOf(r.endTime) <= minutesOf(r.startTime)) return false; // assigns nobody
    const s = DAYS.indexOf(r.startDay) * 1440 + minutesOf(r.startTime);
    const e = DAYS.indexOf(r.endDay) * 1440 + minutesOf(r.endTime);
    return inWeeklySpan(m, s, (((e - s) % 10080) + 10080) % 10080);
  });
}

export function datadogOnCall(org: Organisation, state: DesiredState, scheduleName: string, instant: number): string | null {
  const schedule = byType(state, DD.schedule).find((r) => r.name === scheduleName);
  if (!schedule) throw new Error(`no schedule ${scheduleName}`);
  const zone = schedule.inputs.timeZone as string;
  const override = byType(state, DD.override).find(
    (o) =>
      refersTo(o.inputs.scheduleId, scheduleName) &&
      instantOfIso(o.inputs.start as string) <= instant &&
      instant < instantOfIso(o.inputs.end as string),
  );
  if (override) return personOf(org, override.inputs.userId!);
  const layers = schedule.inputs.layers as Array<Record<string, unknown>>;
  const onCall: string[] = [];
  for (const layer of layers) {
    if (instant < instantOfIso(layer.effectiveDate as string)) continue;
    if (layer.endDate !== undefined && instant >= instantOfIso(layer.endDate as string)) continue;
    if (!allowed(layer.restrictions as Restriction[] | undefined, instant, zone)) continue;
    const interval = layer.interval as { days?: number; seconds?: number };
    const turnMinutes = interval.days !== undefined ? interval.days * 1440 : (interval.seconds ?? 0) / 60;
    const turn = Math.floor((wallMinutes(instant, zone) - wallMinutesOfIso(layer.rotationStart as string, zone)) / turnMinutes);
    const users = layer.users as never[];
    const person = personOf(org, users[((turn % users.length) + users.length) % users.length]!);
    if (person) onCall.push(person);
  }
  if (onCall.length > 1) throw new Error(`${scheduleName}: layers overlap`);
  return onCall[0] ?? null;
}
