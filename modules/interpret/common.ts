/**
 * Helpers for the backend interpreters. They read only a backend's inputs (rendered by a stack, or observed in an
 * account and renamed to the planned names), with Luxon, and share nothing with the schedule engine: a
 * disagreement with the engine is a renderer bug, or a difference of the account.
 */
import { DateTime } from 'luxon';
import type { DesiredResource, DesiredState, Value } from '../render/desired';
import { isInvoke, isRef } from '../render/desired';
import type { Organisation } from '../model/types';

const QUARTER = 15 * 60_000;
const offsets = new Map<string, Map<number, number | null>>();

/**
 * The zone's UTC offset (minutes) at `instant`, from Luxon. Offsets change at whole quarter hours in the time zone
 * database, so Luxon's answer is kept per quarter hour when it is the same at both ends of it (else asked each time).
 */
function offsetAt(instant: number, zone: string): number {
  let byQuarter = offsets.get(zone);
  if (!byQuarter) offsets.set(zone, (byQuarter = new Map()));
  const q = Math.floor(instant / QUARTER);
  let offset = byQuarter.get(q);
  if (offset === undefined) {
    const first = DateTime.fromMillis(q * QUARTER, { zone }).offset;
    const last = DateTime.fromMillis(q * QUARTER + QUARTER - 1, { zone }).offset;
    byQuarter.set(q, (offset = first === last ? first : null));
  }
  return offset ?? DateTime.fromMillis(instant, { zone }).offset;
}

/** Minutes of the wall clock of `zone` since 1970-01-01 00:00 (no zone), at `instant`. */
export function wallMinutes(instant: number, zone: string): number {
  return Math.floor(instant / 60_000) + offsetAt(instant, zone);
}

// The interpreters are asked about tens of thousands of instants of one plan: the few ISO strings and
// resource lists of a plan are worked out once (pure functions of their arguments, so nothing else changes).
const isoWallMinutes = new Map<string, number>();
const isoInstants = new Map<string, number>();
const resourcesByType = new WeakMap<DesiredState, Map<string, DesiredResource[]>>();

export function wallMinutesOfIso(iso: string, zone: string): number {
  const key = `${zone} ${iso}`;
  let minutes = isoWallMinutes.get(key);
  if (minutes === undefined) isoWallMinutes.set(key, (minutes = wallMinutes(DateTime.fromISO(iso, { setZone: true }).toMillis(), zone)));
  return minutes;
}

export function instantOfIso(iso: string): number {
  let instant = isoInstants.get(iso);
  if (instant === undefined) isoInstants.set(iso, (instant = DateTime.fromISO(iso, { setZone: true }).toMillis()));
  return instant;
}

/** Local minute of the week, Monday 00:00 = 0 (1970-01-01, wall minute 0, was a Thursday). */
export function minuteOfWeek(instant: number, zone: string): number {
  return (((wallMinutes(instant, zone) + 3 * 1440) % 10080) + 10080) % 10080;
}

const clockTimes = new Map<string, number>();

/** Minutes since midnight of `HH:MM` or `HH:MM:SS`. */
export function minutesOfClock(text: string): number {
  let m = clockTimes.get(text);
  if (m === undefined) {
    const [h, min] = text.split(':').map(Number);
    clockTimes.set(text, (m = (h ?? 0) * 60 + (min ?? 0)));
  }
  return m;
}

export const DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

/** Whether `m` (minute of week) is in [start, start + length) on a weekly cycle. */
export function inWeeklySpan(m: number, start: number, length: number): boolean {
  if (length <= 0) return false;
  const offset = (((m - start) % 10080) + 10080) % 10080;
  return offset < length;
}

/**
 * Person id from a look-up by e-mail/username/filter. Someone not in the organisation is `<e-mail>` (a marker no
 * person id can equal, ids being lower-case words): an unknown person is someone else, never "nobody".
 */
/** Whether `m` is in the weekly span from minute of week `start` to `end` (wrapping past Sunday midnight). */
export function inWeeklySpanTo(m: number, start: number, end: number): boolean {
  return inWeeklySpan(m, start, (((end - start) % 10080) + 10080) % 10080);
}

export function personOf(org: Organisation, v: Value): string {
  const email = isInvoke(v) ? Object.values(v.args)[0] : v;
  if (typeof email === 'string') return personByEmail(org, email);
  return `<${JSON.stringify(email)}>`;
}

const byEmail = new WeakMap<Organisation, Map<string, string>>();

/** Person id of an e-mail address (case-insensitive, as the services compare them), or `<address>`. */
export function personByEmail(org: Organisation, email: string): string {
  let people = byEmail.get(org);
  if (!people) byEmail.set(org, (people = new Map([...org.people.values()].map((p) => [p.email.toLowerCase(), p.id]))));
  return people.get(email.toLowerCase()) ?? `<${email}>`;
}

export function byType(state: DesiredState, type: string): DesiredResource[] {
  let types = resourcesByType.get(state);
  if (!types) resourcesByType.set(state, (types = new Map()));
  let resources = types.get(type);
  if (!resources) types.set(type, (resources = state.resources.filter((r) => r.type === type)));
  return resources;
}

const nameIndexes = new WeakMap<DesiredState, Map<string, Map<string, DesiredResource>>>();
const refIndexes = new WeakMap<DesiredState, Map<string, Map<string, Map<string, DesiredResource[]>>>>();

/** The resource of `type` named `name` (the first one, as a search would find), from an index made once per state. */
export function byName(state: DesiredState, type: string, name: string): DesiredResource | undefined {
  let types = nameIndexes.get(state);
  if (!types) nameIndexes.set(state, (types = new Map()));
  let index = types.get(type);
  if (!index) {
    types.set(type, (index = new Map()));
    for (const r of byType(state, type)) if (!index.has(r.name)) index.set(r.name, r);
  }
  return index.get(name);
}

/**
 * The resources of `type` whose input `property` is a reference to `name`, in the state's order, from an index made
 * once per state: the interpreters ask for a schedule's overrides at every instant, and an account holds thousands.
 */
export function referringTo(state: DesiredState, type: string, property: string, name: string): readonly DesiredResource[] {
  let types = refIndexes.get(state);
  if (!types) refIndexes.set(state, (types = new Map()));
  let properties = types.get(type);
  if (!properties) types.set(type, (properties = new Map()));
  let index = properties.get(property);
  if (!index) {
    properties.set(property, (index = new Map()));
    for (const r of byType(state, type)) {
      const v = r.inputs[property];
      if (!isRef(v)) continue;
      const list = index.get(v.$ref);
      if (list) list.push(r);
      else index.set(v.$ref, [r]);
    }
  }
  return index.get(name) ?? NONE;
}

const NONE: readonly DesiredResource[] = [];

export function refersTo(v: Value | undefined, name: string): boolean {
  return isRef(v) && v.$ref === name;
}

/** Who a schedule has on call at an instant (null: nobody), and the object of the backend that says so. */
export interface OnCallAt {
  readonly person: string | null;
  readonly cause: string;
}

/** The resource a reference names, of the given type. */
export function named(state: DesiredState, type: string, v: Value | undefined): DesiredResource {
  if (!isRef(v)) throw new Error(`not a reference: ${JSON.stringify(v)}`);
  const found = byName(state, type, v.$ref);
  if (!found) throw new Error(`no ${type} ${v.$ref}`);
  return found;
}

/** The override of a schedule in force at `instant`: [start, end) read from the inputs named so. */
export function overrideAt(
  state: DesiredState,
  type: string,
  scheduleName: string,
  instant: number,
  [start, end]: readonly [string, string] = ['start', 'end'],
): DesiredResource | undefined {
  return referringTo(state, type, 'scheduleId', scheduleName).find(
    (o) => instantOfIso(o.inputs[start] as string) <= instant && instant < instantOfIso(o.inputs[end] as string),
  );
}

/** The instants every override of a schedule begins and ends at. */
export function overrideEdges(
  state: DesiredState,
  type: string,
  scheduleName: string,
  [start, end]: readonly [string, string] = ['start', 'end'],
): number[] {
  return referringTo(state, type, 'scheduleId', scheduleName).flatMap((o) => [
    instantOfIso(o.inputs[start] as string),
    instantOfIso(o.inputs[end] as string),
  ]);
}
