/**
 * Datadog schedules as rotations. A schedule's layers are read in order; a layer that starts where the one before
 * ends, with the same interval and restrictions, is a roster change of the same rotation (the renderer's layers
 * `<rotation> base`, `<rotation> from-<date>`); any other layer is a rotation of its own, and the schedule stands
 * for all of them (a policy step naming it notifies each). Turns count on the schedule zone's wall clock from the
 * layer's rotation start (test/fidelity/datadog.ts reads Datadog so).
 */
import { DateTime } from 'luxon';
import { names } from '../../render/names';
import type { Value } from '../../render/desired';
import type { TeamFile } from '../../spec/spec-types.generated';
import type { ImportFinding, ImportLink, ObservedResource } from '../account';
import { IdScope } from '../ids';
import { MINUTES_PER_WEEK } from '../../model/types';
import { dateTimeIn, duration, ImportContext, type Obj, TYPES } from './context';
import { readRestrictions, windowsOf, type RestrictionInput } from './windows';

export type RotationSpec = NonNullable<TeamFile['rotations']>[string];

export interface ImportedSchedule {
  readonly squad: string;
  /** Rotation ids, in layer order; the first names the schedule. */
  readonly rotations: string[];
  readonly zone: string;
  /** Each rotation's hours (week minutes from Monday 00:00), absent when always. */
  readonly hours: Map<string, Array<[number, number]> | undefined>;
}

const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

function wall(iso: string, zone: string): number {
  const d = DateTime.fromISO(iso, { setZone: true }).setZone(zone);
  return Math.floor(Date.UTC(d.year, d.month - 1, d.day, d.hour, d.minute) / 60000);
}

const wallDate = (m: number): DateTime => DateTime.fromMillis(m * 60000, { zone: 'UTC' });

function rotate<T>(list: readonly T[], by: number): T[] {
  const n = list.length;
  if (n === 0) return [];
  const k = ((by % n) + n) % n;
  return [...list.slice(k), ...list.slice(0, k)];
}

function turnMinutes(interval: Obj | undefined): number {
  if (!interval) return 0;
  if (typeof interval.days === 'number' && interval.days > 0) return interval.days * 1440;
  return Math.round(Number(interval.seconds ?? 0) / 60);
}

function every(interval: Obj, ctx: ImportContext, schedule: ObservedResource): string {
  if (typeof interval.days === 'number' && interval.days > 0)
    return interval.days % 7 === 0 ? `${interval.days / 7}w` : `${interval.days}d`;
  const seconds = Number(interval.seconds ?? 0);
  const hours = Math.max(1, Math.round(seconds / 3600));
  if (seconds !== hours * 3600)
    ctx.find(
      schedule,
      `turns of ${seconds} seconds`,
      `rotations turn in whole hours, days or weeks: imported as ${hours}h`,
      'approximated',
    );
  return `${hours}h`;
}

const sameRules = (a: Obj, b: Obj) =>
  JSON.stringify([a.interval, a.restrictions ?? null]) === JSON.stringify([b.interval, b.restrictions ?? null]);

function chainsOf(layers: readonly Obj[]): Obj[][] {
  const chains: Obj[][] = [];
  for (const layer of layers) {
    // The chain whose last layer ends where this one starts, with the same interval and restrictions.
    const chain = chains.find((c) => {
      const prev = c[c.length - 1]!;
      return (
        prev.endDate !== undefined && Date.parse(String(prev.endDate)) === Date.parse(String(layer.effectiveDate)) && sameRules(prev, layer)
      );
    });
    if (chain) chain.push(layer);
    else chains.push([layer]);
  }
  return chains;
}

/** `<rotation> base`, `<rotation> from-<date>`: the renderer's layer names (modules/render/squad-parts.ts titles.layer). */
function rendererShape(chain: readonly Obj[]): { id: string; dates: Array<string | undefined> } | undefined {
  const first = /^([a-z][a-z0-9]*(?:-[a-z0-9]+)*) base$/.exec(String(chain[0]?.name ?? ''));
  if (!first) return undefined;
  const id = first[1]!;
  const dates: Array<string | undefined> = [undefined];
  for (const layer of chain.slice(1)) {
    const m = new RegExp(`^${id} from-(\\d{4}-\\d{2}-\\d{2})$`).exec(String(layer.name ?? ''));
    if (!m) return undefined;
    dates.push(m[1]);
  }
  return { id, dates };
}

export function importSchedule(
  ctx: ImportContext,
  schedule: ObservedResource,
  squad: string,
  teamName: string,
  rotationIds: IdScope,
  into: Record<string, RotationSpec>,
  links: ImportLink[],
): ImportedSchedule | undefined {
  const zone = String(schedule.inputs.timeZone ?? 'UTC');
  const title = String(schedule.inputs.name ?? schedule.id);
  const base = title.startsWith(`${teamName}: `) ? title.slice(teamName.length + 2) : title;
  const layers = (schedule.inputs.layers ?? []) as Obj[];
  const rotations: string[] = [];
  const hours = new Map<string, Array<[number, number]> | undefined>();
  const chains = chainsOf(layers).filter((chain) => {
    const end = chain[chain.length - 1]?.endDate;
    if (end !== undefined && Date.parse(String(end)) <= ctx.now) {
      ctx.find(schedule, `layer \`${String(chain[0]?.name)}\` (ended ${String(end)})`, 'it ended before now: history, not imported');
      return false;
    }
    return true;
  });
  if (chains.length === 0) {
    ctx.find(schedule, 'schedule', 'it has no layer in force now or later');
    return undefined;
  }
  if (chains.length > 1)
    ctx.find(
      schedule,
      `${chains.length} layers in force together`,
      'each becomes a rotation and a step naming the schedule notifies all of them; where their hours overlap, the YAML pages each rotation, as Datadog pages each layer',
      'approximated',
    );

  chains.forEach((chain, index) => {
    const shape = rendererShape(chain);
    const id = rotationIds.take(shape?.id ?? (index === 0 ? base : `${base} ${String(chain[0]?.name ?? index + 1)}`));
    const first = chain[0]!;
    const T = turnMinutes(first.interval as Obj);
    if (T <= 0) {
      ctx.find(schedule, `layer \`${String(first.name)}\``, 'it has no interval');
      return;
    }
    const people = (layer: Obj): string[] => {
      const users = (layer.users ?? []) as Value[];
      const out = users.map((u) => ctx.person(u)).filter((p): p is string => p !== undefined);
      if (out.length < users.length)
        ctx.find(
          schedule,
          `${users.length - out.length} empty turn(s) of layer \`${String(layer.name)}\``,
          'a rotation has no turn without a person: the others take it',
          'approximated',
        );
      return out;
    };
    const r0 = wall(String(first.rotationStart), zone);
    const startTurn = (layer: Obj): { at: number; turns: number } => {
      const e = wall(String(layer.effectiveDate), zone);
      const r = wall(String(layer.rotationStart), zone);
      const turns = Math.ceil((e - r) / T);
      if ((e - r) % T !== 0)
        ctx.find(
          schedule,
          `layer \`${String(layer.name)}\` starts between two handoffs`,
          'a rotation starts at a handoff: the imported one starts at the next',
          'approximated',
        );
      if ((r - r0) % T !== 0)
        ctx.find(
          schedule,
          `layer \`${String(layer.name)}\` hands off at other times than the layer before`,
          "a roster change keeps the rotation's handoffs",
          'approximated',
        );
      return { at: r + turns * T, turns };
    };
    const start = startTurn(first);
    const handoff = wallDate(start.at);
    const members = rotate(people(first), start.turns);
    if (members.length === 0) {
      ctx.find(schedule, `layer \`${String(first.name)}\``, 'it has nobody in its turns');
      return;
    }
    const spec: RotationSpec = {
      ...(id !== base || index > 0 ? { name: index === 0 ? base : `${base}: ${String(first.name)}` } : {}),
      members: members as [string, ...string[]],
      start: handoff.toISODate()!,
      every: every(first.interval as Obj, ctx, schedule),
      handoff: T % 10080 === 0 ? `${WEEKDAYS[handoff.weekday - 1]} ${handoff.toFormat('HH:mm')}` : handoff.toFormat('HH:mm'),
      timezone: zone,
    };
    if (spec.name === id) delete spec.name;
    const read = readRestrictions(first.restrictions as RestrictionInput[] | undefined);
    for (const p of read.problems) ctx.find(schedule, `a restriction of layer \`${String(first.name)}\``, p, 'approximated');
    if (read.intervals) {
      const windows = windowsOf(read.intervals);
      if (windows.length > 0) spec.coverage = windows as unknown as RotationSpec['coverage'];
      else ctx.find(schedule, `layer \`${String(first.name)}\``, 'its restrictions leave no hour: it assigns nobody');
    }
    if (first.timeZone !== undefined && first.timeZone !== zone)
      ctx.find(
        schedule,
        `the zone ${String(first.timeZone)} of layer \`${String(first.name)}\``,
        `a rotation has one zone: the schedule's, ${zone}`,
        'approximated',
      );
    const changes = chain.slice(1).flatMap((layer, i) => {
      const s = startTurn(layer);
      const from = shape?.dates[i + 1] ?? wallDate(s.at).toISODate()!;
      const m = rotate(people(layer), s.turns);
      return m.length ? [{ from, members: m as [string, ...string[]] }] : [];
    });
    if (changes.length) spec.changes = changes;
    const last = chain[chain.length - 1]!;
    if (last.endDate !== undefined)
      ctx.find(
        schedule,
        `the end of layer \`${String(last.name)}\` (${String(last.endDate)})`,
        'a rotation does not end: the imported one goes on',
        'approximated',
      );
    into[id] = spec;
    rotations.push(id);
    hours.set(id, read.intervals);
    ctx.comments.set(
      `${squad}/team.yaml#/rotations/${id}`,
      `Datadog schedule "${title}" (${schedule.id})${chains.length > 1 ? `, layer "${String(first.name)}"` : ''}`,
    );
  });
  if (rotations.length === 0) return undefined;
  links.push({ observed: schedule.name, planned: names.schedule(squad, rotations[0]!) });
  return { squad, rotations, zone, hours };
}

/** Minutes of [start, end) outside weekly hours read on the wall clock of `zone` (none when always). */
function outsideHours(start: number, end: number, zone: string, hours: ReadonlyArray<readonly [number, number]> | undefined): number {
  if (!hours) return 0;
  let outside = 0;
  // Whole minutes are enough: overrides and hours start on minutes.
  for (let t = start; t < end; ) {
    const d = DateTime.fromMillis(t, { zone });
    const m = (d.weekday - 1) * 1440 + d.hour * 60 + d.minute;
    const inside = hours.find(([s, e]) => s <= m && m < e);
    const next = inside ? inside[1] : (hours.find(([s]) => s > m)?.[0] ?? MINUTES_PER_WEEK);
    const step = Math.min(end - t, Math.max(1, next - m) * 60_000);
    if (!inside) outside += step / 60_000;
    t += step;
  }
  return Math.round(outside);
}

/** An override imported on a rotation, and its finding when it goes beyond the rotation's hours. */
export interface ImportedOverride {
  readonly rotation: string;
  readonly start: number;
  readonly end: number;
  readonly beyondHours?: ImportFinding;
}

/** A schedule's future overrides, each on the rotation on duty most of its span. */
export function importOverrides(
  ctx: ImportContext,
  schedule: ObservedResource,
  imported: ImportedSchedule,
  into: Record<string, RotationSpec>,
  links: ImportLink[],
): ImportedOverride[] {
  const out: ImportedOverride[] = [];
  const overrides = ctx.of(TYPES.override).filter((o) => ctx.target(o.inputs.scheduleId) === schedule);
  let past = 0;
  const lists: Record<string, NonNullable<RotationSpec['overrides']>> = {};
  for (const o of overrides.sort((a, b) => Date.parse(String(a.inputs.start)) - Date.parse(String(b.inputs.start)))) {
    const start = Date.parse(String(o.inputs.start));
    const end = Date.parse(String(o.inputs.end));
    if (end <= ctx.now) {
      past++;
      continue;
    }
    const person = ctx.person(o.inputs.userId);
    if (person === undefined) {
      ctx.find(o, 'override', "its user is not in the account's user list");
      continue;
    }
    // On the rotation on duty most of its span (a schedule of several layers stands for several rotations).
    const rotation = [...imported.rotations].sort(
      (a, b) =>
        outsideHours(start, end, imported.zone, imported.hours.get(a)) - outsideHours(start, end, imported.zone, imported.hours.get(b)),
    )[0]!;
    const outside = outsideHours(start, end, imported.zone, imported.hours.get(rotation));
    if (outside > 0)
      ctx.find(
        o,
        `${duration(outside)} of override ${dateTimeIn(String(o.inputs.start), imported.zone)} → ${dateTimeIn(String(o.inputs.end), imported.zone)} outside the rotation's hours`,
        `Datadog's override pages its user at any hour; the YAML's pages within the rotation's hours only (\`${rotation}\`), so the plan replaces it by its part within them`,
        'approximated',
      );
    out.push({ rotation, start, end, ...(outside > 0 ? { beyondHours: ctx.findings[ctx.findings.length - 1]! } : {}) });
    if (imported.rotations.length > 1)
      ctx.find(
        o,
        'override',
        `it replaces whoever the whole schedule has on call; the YAML puts it on rotation \`${rotation}\`, on duty most of its span`,
        'approximated',
      );
    (lists[rotation] ??= []).push({
      person,
      start: dateTimeIn(String(o.inputs.start), imported.zone),
      end: dateTimeIn(String(o.inputs.end), imported.zone),
    });
    links.push({ observed: o.name, planned: names.override(imported.squad, rotation, start) });
  }
  if (past > 0) ctx.find(schedule, `${past} override(s) ended before now`, 'history: an import keeps what is in force now or later');
  for (const [rotation, list] of Object.entries(lists)) into[rotation]!.overrides = list;
  return out;
}
