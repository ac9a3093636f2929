import { isoWeekday, parseIsoDate, WEEKDAYS } from '../core/clock';
import { parseDuration } from '../core/duration';
import { didYouMean, hinted } from '../core/suggest';
import type { PathSegment, YamlFile } from '../spec/yaml-document';
import type { RotationSpec } from '../spec/types';
import { checkDate, checkZone } from './checks-common';
import { sourceOf, type Reporter } from './reporter';
import { parseHandoff, type ResolvedOrg } from './resolve-org';
import type { Rotation, RosterSegment, Turn } from './types';
import { checkPerson, resolveOverrides, resolveSwaps } from './resolve-swaps-overrides';
import { turnOf } from './turn';
import { observesDst } from './zones';
import { resolveCoverage } from './windows';

const FOLLOW_CONFLICTS = ['members', 'start', 'every', 'handoff', 'timezone', 'changes'] as const;

/** Turn length as a whole number of hours, days or weeks; undefined (reported) otherwise. */
export function parseTurn(r: Reporter, file: YamlFile, path: readonly PathSegment[], text: string): Turn | undefined {
  const turn = turnOf(text);
  if ('error' in turn) {
    if (parseDuration(text)) r.error(file, path, 'rotation/invalid-turn', turn.error);
    return undefined;
  }
  return turn;
}

export { parseDateTime } from './date-time';

export interface RotationContext {
  readonly r: Reporter;
  readonly file: YamlFile;
  readonly squad: string;
  readonly squadMembers: readonly string[];
  readonly org: ResolvedOrg;
}

/** Resolves every rotation of a squad, `follows` included (cycles are reported). */
export function resolveRotations(ctx: RotationContext, specs: Record<string, RotationSpec>): Map<string, Rotation> {
  const out = new Map<string, Rotation>();
  const pending = new Map(Object.entries(specs));
  const visiting = new Set<string>();

  const resolveOne = (id: string): Rotation | undefined => {
    const done = out.get(id);
    if (done) return done;
    const spec = pending.get(id);
    if (!spec) return undefined;
    if (visiting.has(id)) {
      ctx.r.error(ctx.file, ['rotations', id, 'follows'], 'rotation/follow-cycle', `rotation \`${id}\` follows itself through \`follows\``);
      return undefined;
    }
    visiting.add(id);
    const rotation =
      spec.follows === undefined
        ? resolveBase(ctx, id, spec)
        : resolveFollower(ctx, id, spec, spec.follows, resolveOne, Object.keys(specs));
    visiting.delete(id);
    pending.delete(id);
    if (rotation) out.set(id, rotation);
    return rotation;
  };
  for (const id of Object.keys(specs)) resolveOne(id);
  // Keep the order written in the file.
  return new Map(Object.keys(specs).flatMap((id) => (out.has(id) ? [[id, out.get(id) as Rotation]] : [])));
}

function resolveBase(ctx: RotationContext, id: string, spec: RotationSpec): Rotation | undefined {
  const { r, file, org } = ctx;
  const at = (...p: PathSegment[]): PathSegment[] => ['rotations', id, ...p];
  let ok = true;
  if (spec.offset !== undefined) {
    r.error(file, at('offset'), 'rotation/offset-without-follows', '`offset` only applies with `follows`');
    ok = false;
  }
  if (spec.members === undefined) {
    r.error(file, at(), 'schema/missing-key', `missing \`members\` in rotation \`${id}\``, true);
    ok = false;
  }
  if (spec.start === undefined) {
    r.error(file, at(), 'schema/missing-key', `missing \`start\` in rotation \`${id}\` (the date of the first handoff)`, true);
    ok = false;
  }
  let timezone = spec.timezone ?? org.defaults.timezone;
  if (spec.timezone !== undefined && !checkZone(r, file, at('timezone'), spec.timezone)) timezone = org.defaults.timezone;

  // The default was checked where it is written, in org.yaml.
  const defaultTurn = turnOf(org.defaults.every);
  const every = spec.every !== undefined ? parseTurn(r, file, at('every'), spec.every) : 'error' in defaultTurn ? undefined : defaultTurn;
  if (every?.unit === 'hours' && observesDst(timezone)) {
    r.warning(
      file,
      at(spec.every !== undefined ? 'every' : 'timezone'),
      'rotation/hourly-dst',
      `hour turns in ${timezone}, which changes clocks: across a change the engine keeps turns moving forward, but the backends do not document what they do; prefer turns of whole days`,
    );
  }
  const handoffText = spec.handoff ?? org.defaults.handoff;
  const handoff = parseHandoff(handoffText);
  if (every && every.unit !== 'weeks' && spec.handoff !== undefined && handoff.weekday !== undefined) {
    r.error(
      file,
      at('handoff'),
      'rotation/handoff-day',
      hinted('a handoff day only applies to weekly turns', `write the time alone (\`${handoffText.split(' ')[1] ?? ''}\`)`),
    );
  }

  (spec.members ?? []).forEach((m, i) => {
    if (!checkPerson(ctx, at('members', i), m, `rotation \`${id}\``)) ok = false;
    else if (!ctx.squadMembers.includes(m)) {
      r.warning(file, at('members', i), 'rotation/not-in-squad', `\`${m}\` is in rotation \`${id}\` but not in the squad's \`members\``);
    }
  });

  let weekday: number | undefined;
  if (spec.start !== undefined && checkDate(r, file, at('start'), spec.start) && every?.unit === 'weeks') {
    const startDay = isoWeekday(parseIsoDate(spec.start)!);
    weekday = handoff.weekday ?? startDay;
    if (handoff.weekday !== undefined && handoff.weekday !== startDay) {
      const want = WEEKDAYS[handoff.weekday - 1] ?? '';
      r.error(
        file,
        at('start'),
        'rotation/start-not-handoff-day',
        `${spec.start} is a ${capital(WEEKDAYS[startDay - 1] ?? '')} but handoffs are on ${capital(want)}; start on a ${capital(want)}`,
      );
      ok = false;
    }
  }

  const segments: RosterSegment[] = [];
  if (spec.start !== undefined && spec.members !== undefined) {
    segments.push({ from: spec.start, members: spec.members, source: sourceOf(file, at('members')) });
  }
  let previous = spec.start;
  (spec.changes ?? []).forEach((change, i) => {
    change.members.forEach((m, j) => checkPerson(ctx, at('changes', i, 'members', j), m, `rotation \`${id}\``));
    if (!checkDate(r, file, at('changes', i, 'from'), change.from)) return;
    if (previous !== undefined && change.from <= previous) {
      r.error(file, at('changes', i, 'from'), 'rotation/change-order', `roster change from ${change.from} must come after ${previous}`);
      return;
    }
    previous = change.from;
    segments.push({ from: change.from, members: change.members, source: sourceOf(file, at('changes', i)) });
  });

  const overrides = resolveOverrides(ctx, id, spec, timezone);
  const swaps = resolveSwaps(ctx, id, spec, timezone, handoff.minute);
  const coverage = resolveCoverage(spec.coverage, org.defaults.businessHours);
  checkCoverageWindows(ctx, at('coverage'), spec);
  if (!ok || !every) return undefined;
  return {
    id,
    squad: ctx.squad,
    key: `${ctx.squad}/${id}`,
    name: spec.name ?? id,
    timezone,
    every,
    handoffMinute: handoff.minute,
    handoffWeekday: weekday,
    segments,
    offset: 0,
    coverage,
    overrides,
    swaps,
    retired: spec.retired ?? false,
    source: sourceOf(file, at()),
  };
}

function resolveFollower(
  ctx: RotationContext,
  id: string,
  spec: RotationSpec,
  followed: string,
  resolve: (id: string) => Rotation | undefined,
  known: readonly string[],
): Rotation | undefined {
  const { r, file, org } = ctx;
  const at = (...p: PathSegment[]): PathSegment[] => ['rotations', id, ...p];
  let ok = true;
  for (const key of FOLLOW_CONFLICTS) {
    if (spec[key] !== undefined) {
      r.error(
        file,
        at(key),
        'rotation/follows-conflict',
        `\`${key}\` conflicts with \`follows\`: a following rotation takes it from \`${followed}\``,
        true,
      );
      ok = false;
    }
  }
  if (followed === id) {
    r.error(file, at('follows'), 'rotation/follow-cycle', `rotation \`${id}\` cannot follow itself`);
    return undefined;
  }
  if (!known.includes(followed)) {
    r.error(
      file,
      at('follows'),
      'ref/unknown-rotation',
      hinted(`unknown rotation \`${followed}\` in \`follows\``, didYouMean(followed, known)),
    );
    return undefined;
  }
  const base = resolve(followed);
  if (!base) return undefined;
  const overrides = resolveOverrides(ctx, id, spec, base.timezone);
  const swaps = resolveSwaps(ctx, id, spec, base.timezone, base.handoffMinute);
  checkCoverageWindows(ctx, at('coverage'), spec);
  if (!ok) return undefined;
  return {
    ...base,
    id,
    key: `${ctx.squad}/${id}`,
    name: spec.name ?? id,
    follows: followed,
    offset: base.offset + (spec.offset ?? 1),
    coverage: spec.coverage !== undefined ? resolveCoverage(spec.coverage, org.defaults.businessHours) : base.coverage,
    overrides,
    swaps,
    retired: spec.retired ?? false,
    source: sourceOf(file, at()),
  };
}

function checkCoverageWindows(ctx: RotationContext, path: readonly PathSegment[], spec: RotationSpec): void {
  if (!Array.isArray(spec.coverage)) return;
  spec.coverage.forEach((w, i) => {
    if (w.from === w.to) {
      ctx.r.error(
        ctx.file,
        [...path, i, 'to'],
        'value/empty-window',
        `window from ${w.from} to ${w.to} is empty; to cover whole days write \`from: "00:00"\` and \`to: "24:00"\``,
      );
    }
  });
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
