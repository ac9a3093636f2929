/**
 * An escalation policy pages its levels one after the other so that someone else is called when the first does
 * not answer. When one person holds two levels at once (primary and secondary the same week, through a roster,
 * a swap or an override), the second level calls the same phone: a warning at what put them there, over the
 * planning horizon.
 */
import type { Problem } from '../core/problem';
import { intersect, subtract, union, type Interval } from '../core/intervals';
import { formatLocal } from '../core/local-time';
import type { EscalationPolicy, Organisation, Rotation, Source, Squad } from '../model/types';
import { coveredIntervals } from './coverage';
import { problemAt } from './problem-at';
import { clockFor, rotationShifts, swapTurns, type Shift } from './shifts';
import { memberFor } from './turns';

/**
 * A rotation a step pages, and when: a policy is in use while a routing rule naming it applies (always, when no
 * rule names it: an alert's own `escalation`), and `on-call` means a routed rotation only while its rule applies.
 */
interface Layer {
  readonly step: number;
  readonly rotation: Rotation;
  readonly when: readonly Interval[];
}

function layersOf(org: Organisation, team: Squad, policy: EscalationPolicy, from: number, to: number): Layer[] {
  const routed = team.routing.some((r) => r.escalation === policy.id);
  const hours = new Map<string, Interval[]>();
  let earlier: Interval[] = [];
  for (const rule of team.routing) {
    const applies = subtract(coveredIntervals(rule.timezone, rule.during, from, to), earlier);
    earlier = union([...earlier, ...applies]);
    if (rule.escalation === policy.id || !routed) hours.set(rule.rotation, union([...(hours.get(rule.rotation) ?? []), ...applies]));
  }
  const inUse: Interval[] = routed ? union([...hours.values()].flat()) : [[from, to]];
  const layers: Layer[] = [];
  policy.steps.forEach((step, i) => {
    for (const t of step.targets) {
      if (t.kind === 'person') continue;
      if (t.kind === 'on-call') {
        for (const [key, when] of hours) {
          const rotation = org.rotations.get(key);
          if (rotation && !rotation.retired) layers.push({ step: i, rotation, when });
        }
      } else {
        const rotation = org.rotations.get(t.rotation);
        if (rotation && !rotation.retired) layers.push({ step: i, rotation, when: inUse });
      }
    }
  });
  return layers;
}

/** What put a person on a shift: the override or swap that did, or the rotation's roster (also when an override gives the turn to whom it was due). */
function causeOf(rotation: Rotation, shift: Shift): { source: Source; roster: boolean } {
  if (shift.source === 'override' && memberFor(clockFor(rotation), shift.turn) !== shift.person) {
    const o = rotation.overrides.find((x) => x.person === shift.person && x.start <= shift.start && shift.start < x.end);
    if (o) return { source: o.source, roster: false };
  }
  if (shift.source === 'swap') {
    const s = swapTurns(clockFor(rotation)).find((x) => x.turns.includes(shift.turn));
    if (s) return { source: s.swap.source, roster: false };
  }
  return { source: rotation.source, roster: true };
}

interface Overlap {
  readonly person: string;
  readonly start: number;
  readonly end: number;
  readonly cause: Source;
}

/** Instants one person holds both layers, each with the override, swap or rotation that causes it. */
function overlaps(first: Layer, second: Layer, shiftsOf: (rotation: Rotation) => readonly Shift[]): Overlap[] {
  const out: Overlap[] = [];
  const a = shiftsOf(first.rotation);
  const b = shiftsOf(second.rotation);
  // A rotation's shifts are sorted and disjoint: walk both lists once.
  let j = 0;
  for (const x of a) {
    while (j < b.length && (b[j] as Shift).end <= x.start) j++;
    for (let k = j; k < b.length && (b[k] as Shift).start < x.end; k++) {
      const y = b[k] as Shift;
      if (x.person !== y.person) continue;
      const both = intersect(intersect([[Math.max(x.start, y.start), Math.min(x.end, y.end)]], first.when), second.when);
      if (both.length === 0) continue;
      const cy = causeOf(second.rotation, y);
      const cx = causeOf(first.rotation, x);
      // A swap or an override is what to change; between two rosters, the later level's rotation.
      const cause = !cy.roster ? cy.source : !cx.roster ? cx.source : cy.source;
      for (const [start, end] of both) out.push({ person: x.person, start, end, cause });
    }
  }
  return out;
}

/** Warnings for [from, to): one per policy, pair of levels and cause, with the first time and how often. */
export function sameLayerProblems(org: Organisation, from: number, to: number): Problem[] {
  const problems: Problem[] = [];
  const shifts = new Map<Rotation, Shift[]>();
  const shiftsOf = (rotation: Rotation): Shift[] => {
    let list = shifts.get(rotation);
    if (!list) shifts.set(rotation, (list = rotationShifts(rotation, from, to)));
    return list;
  };
  for (const team of org.squads.values()) {
    if (team.retired) continue;
    for (const policy of team.escalations.values()) {
      if (policy.retired) continue;
      const layers = layersOf(org, team, policy, from, to);
      const seen = new Map<string, { first: Overlap; count: number; a: Layer; b: Layer }>();
      for (const a of layers) {
        for (const b of layers) {
          if (a.step >= b.step || a.rotation === b.rotation) continue;
          for (const o of overlaps(a, b, shiftsOf)) {
            const key = `${a.rotation.key} ${b.rotation.key} ${o.cause.file}:${o.cause.line}`;
            const entry = seen.get(key);
            if (entry) entry.count++;
            else seen.set(key, { first: o, count: 1, a, b });
          }
        }
      }
      for (const { first, count, a, b } of seen.values()) {
        const zone = b.rotation.timezone;
        const more = count > 1 ? ` (and ${count - 1} more time${count > 2 ? 's' : ''} before ${formatLocal(to, zone)})` : '';
        problems.push({
          ...problemAt(
            first.cause,
            'warning',
            'escalation/same-person-twice',
            `${first.person} is on call in both \`${a.rotation.key}\` (step ${a.step + 1}) and \`${b.rotation.key}\` (step ${b.step + 1}) of policy \`${policy.key}\` from ${formatLocal(first.start, zone)} to ${formatLocal(first.end, zone)}${more}: step ${b.step + 1} calls the person who did not answer step ${a.step + 1}`,
          ),
          suggestion: `give one of these levels to someone else then (a swap or an override)`,
        });
      }
    }
  }
  return problems;
}
