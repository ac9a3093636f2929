/**
 * PagerDuty's documented schedule semantics: a layer applies from `start` (until `end`); turns of
 * `rotationTurnLengthSeconds` count from `rotationVirtualStart` on the schedule zone's clock (shifts keep
 * their local time across daylight-saving changes); restrictions (1 = Monday) leave gaps and the turn keeps
 * advancing; the last layer has the highest precedence; overrides replace the final schedule.
 * It reads the layers as sent, so it answers for instants from the plan's `now` on: layers over by then are
 * not sent (Read would drop them), and a layer start in the past is moved by the API to the update, which
 * changes no turn from then on.
 */
import type { Organisation } from '../model/types';
import type { DesiredState } from '../render/desired';
import { PD } from '../backends/pagerduty/resources';
import type { Changes } from './changes';
import {
  byName,
  inWeeklySpan,
  instantOfIso,
  minuteOfWeek,
  minutesOfClock,
  personOf,
  wallMinutes,
  wallMinutesOfIso,
  type OnCallAt,
  overrideAt,
  overrideEdges,
} from './common';

interface Restriction {
  type: string;
  startDayOfWeek?: number;
  startTimeOfDay: string;
  durationSeconds: number;
}

const minutesOf = minutesOfClock;

function allowed(restrictions: Restriction[] | undefined, instant: number, zone: string): boolean {
  if (!restrictions || restrictions.length === 0) return true;
  const m = minuteOfWeek(instant, zone);
  return restrictions.some((r) => {
    const length = r.durationSeconds / 60;
    if (r.type === 'daily_restriction')
      return [0, 1, 2, 3, 4, 5, 6].some((d) => inWeeklySpan(m, d * 1440 + minutesOf(r.startTimeOfDay), length));
    return inWeeklySpan(m, ((r.startDayOfWeek ?? 1) - 1) * 1440 + minutesOf(r.startTimeOfDay), length);
  });
}

/** Who a schedule has on call at an instant, and what says so: an override, or a layer (by its name). */
export function pagerdutyAt(org: Organisation, state: DesiredState, scheduleName: string, instant: number): OnCallAt {
  const schedule = byName(state, PD.schedule, scheduleName);
  if (!schedule) throw new Error(`no schedule ${scheduleName}`);
  const zone = schedule.inputs.timeZone as string;
  const override = overrideAt(state, PD.override, scheduleName, instant);
  if (override) return { person: personOf(org, override.inputs.userId!), cause: `override ${override.name}` };
  const layers = schedule.inputs.layers as Array<Record<string, unknown>>;
  for (let i = layers.length - 1; i >= 0; i--) {
    const layer = layers[i]!;
    if (instant < instantOfIso(layer.start as string)) continue;
    if (layer.end !== undefined && instant >= instantOfIso(layer.end as string)) continue;
    if (!allowed(layer.restrictions as Restriction[] | undefined, instant, zone)) continue;
    const turnMinutes = (layer.rotationTurnLengthSeconds as number) / 60;
    const elapsed = wallMinutes(instant, zone) - wallMinutesOfIso(layer.rotationVirtualStart as string, zone);
    const turn = Math.floor(elapsed / turnMinutes);
    const users = layer.users as never[];
    return {
      person: personOf(org, users[((turn % users.length) + users.length) % users.length]!),
      cause: `${scheduleName} layer "${String(layer.name)}"`,
    };
  }
  return { person: null, cause: `${scheduleName}: no layer applies` };
}

export function pagerdutyOnCall(org: Organisation, state: DesiredState, scheduleName: string, instant: number): string | null {
  return pagerdutyAt(org, state, scheduleName, instant).person;
}

/** Where the answer of `pagerdutyAt` may change: overrides' and layers' edges, turns, restrictions' edges. */
export function pagerdutyChanges(state: DesiredState, scheduleName: string, changes: Changes): void {
  const schedule = byName(state, PD.schedule, scheduleName);
  if (!schedule) return;
  const zone = schedule.inputs.timeZone as string;
  changes.zone(zone);
  for (const edge of overrideEdges(state, PD.override, scheduleName)) changes.at(edge);
  for (const layer of schedule.inputs.layers as Array<Record<string, unknown>>) {
    changes.at(instantOfIso(layer.start as string));
    if (layer.end !== undefined) changes.at(instantOfIso(layer.end as string));
    changes.wallPeriodic(
      zone,
      wallMinutesOfIso(layer.rotationVirtualStart as string, zone),
      (layer.rotationTurnLengthSeconds as number) / 60,
    );
    for (const r of (layer.restrictions as Restriction[] | undefined) ?? []) {
      const start = minutesOf(r.startTimeOfDay);
      const end = start + r.durationSeconds / 60;
      if (r.type === 'daily_restriction') for (const m of [start, end]) changes.daily(zone, m % 1440);
      else for (const m of [start, end]) changes.weekly(zone, (((r.startDayOfWeek ?? 1) - 1) * 1440 + m) % 10080);
    }
  }
}
