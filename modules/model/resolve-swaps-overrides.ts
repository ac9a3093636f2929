/**
 * The dated exceptions of a rotation: overrides (someone covers a period, optionally naming whom they replace)
 * and swaps (two people exchange whole turns, days or spans of hours). Here they are read and checked on their
 * own; whether the people named are the ones on call is checked against the schedule (schedule/swap-checks.ts,
 * schedule/override-checks.ts), so that a later roster change is caught.
 */
import { localDateMinute, instantOf } from '../core/local-time';
import { didYouMean, hinted } from '../core/suggest';
import type { PathSegment } from '../spec/yaml-document';
import type { RotationSpec, SwapSpec } from '../spec/types';
import { checkDate } from './checks-common';
import { parseDateTime } from './date-time';
import { sourceOf } from './reporter';
import type { RotationContext } from './resolve-rotation';
import type { Override, Swap, SwapSpan } from './types';

export function checkPerson(ctx: RotationContext, path: readonly PathSegment[], id: string, role: string): boolean {
  if (ctx.org.people.has(id)) return true;
  ctx.r.error(ctx.file, path, 'ref/unknown-person', hinted(`unknown person \`${id}\` in ${role}`, didYouMean(id, ctx.org.people.keys())));
  return false;
}

export function resolveOverrides(ctx: RotationContext, id: string, spec: RotationSpec, zone: string): Override[] {
  const { r, file } = ctx;
  const out: Override[] = [];
  (spec.overrides ?? []).forEach((o, i) => {
    const at = (...p: PathSegment[]): PathSegment[] => ['rotations', id, 'overrides', i, ...p];
    const personOk = checkPerson(ctx, at('person'), o.person, `an override of \`${id}\``);
    const replacesOk = o.replaces === undefined || checkPerson(ctx, at('replaces'), o.replaces, `an override of \`${id}\``);
    const start = parseDateTime(r, file, at('start'), o.start, zone);
    const end = parseDateTime(r, file, at('end'), o.end, zone);
    if (start === undefined || end === undefined || !personOk || !replacesOk) return;
    if (o.replaces === o.person) {
      r.error(file, at('replaces'), 'override/replaces-self', `\`${o.person}\` cannot replace themselves; name whom they cover for`);
      return;
    }
    if (end <= start) {
      r.error(file, at('end'), 'override/end-before-start', `override ends (${o.end}) before it starts (${o.start})`);
      return;
    }
    const clash = out.find((x) => x.start < end && start < x.end);
    if (clash) {
      r.error(
        file,
        at('start'),
        'override/overlap',
        `this override overlaps the one at line ${clash.source.line} for the same rotation; make them consecutive`,
      );
      return;
    }
    out.push({ person: o.person, start, end, replaces: o.replaces, reason: o.reason, source: sourceOf(file, at()) });
  });
  return out;
}

const FORMS = ['shifts', 'days', 'spans'] as const;

/**
 * Swaps, with days and spans resolved to instants: a day runs from the handoff time on its date to the handoff
 * time the next day, on the rotation's wall clock (23 or 25 hours across a daylight-saving change).
 */
export function resolveSwaps(ctx: RotationContext, id: string, spec: RotationSpec, zone: string, handoffMinute: number): Swap[] {
  const { r, file } = ctx;
  const out: Swap[] = [];
  (spec.swaps ?? []).forEach((s, i) => {
    const at = (...p: PathSegment[]): PathSegment[] => ['rotations', id, 'swaps', i, ...p];
    const people = s.between.map((p, j) => checkPerson(ctx, at('between', j), p, `a swap in \`${id}\``)).every(Boolean);
    const forms = FORMS.filter((f) => s[f] !== undefined);
    if (forms.length !== 1) {
      if (forms.length === 0) r.error(file, at(), 'schema/missing-key', 'a swap needs one of `shifts`, `days` or `spans`', true);
      else
        r.error(
          file,
          at(forms[1] as string),
          'schema/conflicting-keys',
          `give only one of ${forms.map((f) => `\`${f}\``).join(', ')} in a swap`,
          true,
        );
      return;
    }
    if (s.between[0] === s.between[1]) {
      r.error(file, at('between'), 'swap/same-person', 'a swap needs two different people');
      return;
    }
    const swap = resolveForm(ctx, at, s, zone, handoffMinute);
    if (!swap || !people) return;
    if (swap.kind !== 'shifts') {
      const clash = out.find((x) => x.kind !== 'shifts' && x.gives.some((g) => swap.gives.some((h) => g.start < h.end && h.start < g.end)));
      if (clash) {
        r.error(
          file,
          at(swap.kind),
          'swap/overlap',
          `this swap exchanges time that the swap at line ${clash.source.line} already exchanges; write one swap per stretch of time`,
        );
        return;
      }
    }
    out.push(swap);
  });
  return out;
}

function resolveForm(
  ctx: RotationContext,
  at: (...p: PathSegment[]) => PathSegment[],
  s: SwapSpec,
  zone: string,
  handoffMinute: number,
): Swap | undefined {
  const { r, file } = ctx;
  const base = { between: s.between as readonly [string, string], reason: s.reason, source: sourceOf(file, at()) };
  if (s.shifts !== undefined) {
    const dates = s.shifts.map((d, j) => checkDate(r, file, at('shifts', j), d)).every(Boolean);
    if (s.shifts[0] === s.shifts[1]) {
      r.error(file, at('shifts'), 'swap/same-shift', 'a swap exchanges two different shifts');
      return undefined;
    }
    return dates ? { kind: 'shifts', ...base, shifts: s.shifts as readonly [string, string] } : undefined;
  }
  const gives: SwapSpan[] = [];
  if (s.days !== undefined) {
    s.days.forEach((d, j) => {
      if (!checkDate(r, file, at('days', j), d)) return;
      const day = localDateMinute(d) + handoffMinute;
      gives.push({ start: instantOf(zone, day), end: instantOf(zone, day + 1440), text: d, source: sourceOf(file, at('days', j)) });
    });
  } else {
    (s.spans ?? []).forEach((span, j) => {
      const start = parseDateTime(r, file, at('spans', j, 'start'), span.start, zone);
      const end = parseDateTime(r, file, at('spans', j, 'end'), span.end, zone);
      if (start === undefined || end === undefined) return;
      if (end <= start) {
        r.error(file, at('spans', j, 'end'), 'swap/end-before-start', `this span ends (${span.end}) before it starts (${span.start})`);
        return;
      }
      gives.push({ start, end, text: `${span.start} → ${span.end}`, source: sourceOf(file, at('spans', j)) });
    });
  }
  const [a, b] = gives;
  if (!a || !b) return undefined;
  const kind = s.days !== undefined ? 'days' : 'spans';
  if (a.start < b.end && b.start < a.end) {
    r.error(
      file,
      at(kind),
      'swap/same-shift',
      kind === 'days' ? 'a swap exchanges two different days' : 'the two spans overlap: each person gives time the other does not',
    );
    return undefined;
  }
  return { kind, ...base, gives: [a, b] };
}
