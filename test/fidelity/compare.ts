/**
 * The comparison every fidelity test makes: at chosen instants, the person a backend's interpreter says a rendered
 * schedule pages, against the engine's shift of its rotation.
 */
import type { Organisation, Rotation } from '../../modules/model/types';
import type { Backend, DesiredState } from '../../modules/render/desired';
import { names } from '../../modules/render/names';
import { clockFor, shiftAt, shiftsOverlapping } from '../../modules/schedule/shifts';
import { turnsBetween } from '../../modules/schedule/turns';
import { INTERPRETERS, MINUTE } from './holiday-paging';

/**
 * Instants worth checking: a minute either side of every edge the engine knows (handoffs, overrides, swaps and the
 * coverage windows' edges, all of which start or end a shift), and every `stepMinutes` between them, so that an
 * edge the backend places where the engine has none is found too.
 */
export function instants(rotation: Rotation, from: number, to: number, stepMinutes: number): number[] {
  const out: number[] = [];
  for (let t = from; t < to; t += stepMinutes * MINUTE) out.push(t);
  for (const turn of turnsBetween(clockFor(rotation), from, to)) out.push(turn.start - MINUTE, turn.start);
  for (const o of rotation.overrides) out.push(o.start - MINUTE, o.start, o.end - MINUTE, o.end);
  for (const shift of shiftsOverlapping(rotation, from, to)) out.push(shift.start - MINUTE, shift.start, shift.end - MINUTE, shift.end);
  return out.filter((t) => t >= from && t < to);
}

/** The first few instants where the backend's schedule of `rotation` pages someone else than the engine's shift. */
export function mismatches(org: Organisation, state: DesiredState, backend: Backend, rotation: Rotation, times: number[]): string[] {
  const schedule = names.schedule(rotation.squad, rotation.id);
  const out: string[] = [];
  for (const t of times) {
    const engine = shiftAt(rotation, t)?.person ?? null;
    const backendSays = INTERPRETERS[backend](org, state, schedule, t);
    if (engine !== backendSays) out.push(`${new Date(t).toISOString()} ${rotation.key}: engine ${engine}, ${backend} ${backendSays}`);
    if (out.length > 5) break;
  }
  return out;
}
