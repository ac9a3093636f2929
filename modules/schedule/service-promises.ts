/** The hours a squad's services promise, for the coverage checks: paged hours, read in each promise's zone. */
import type { Interval } from '../core/intervals';
import type { Source, Squad } from '../model/types';
import { coveredIntervals } from './coverage';

export interface PromisedHours {
  readonly service: string;
  readonly source: Source;
  /** `24/7`, `business hours`, `off hours` or `its windows`. */
  readonly what: string;
  /** Where its alerts page in [from, to): its coverage, or always when it pages at low urgency outside it. */
  readonly hours: Interval[];
}

/**
 * Each live service's paged hours, when every live service of the squad states a promise; undefined otherwise
 * (a service without one pages 24/7, as the squad's routing says, so the squad promises 24/7).
 */
export function promisedByService(team: Squad, from: number, to: number): PromisedHours[] | undefined {
  const live = [...team.services.values()].filter((s) => !s.retired);
  if (live.length === 0 || live.some((s) => !s.promise)) return undefined;
  return live.map((s) => {
    const p = s.promise!;
    const kind = p.coverage.kind;
    const what = kind === 'always' ? '24/7' : kind === 'custom' ? 'its windows' : kind.replace('-', ' ');
    const hours = p.outsideCoverage === 'low' ? [[from, to] as const] : coveredIntervals(p.timezone, p.coverage, from, to);
    return { service: s.id, source: p.source, what: p.outsideCoverage === 'low' ? `${what} (low urgency outside)` : what, hours };
  });
}
