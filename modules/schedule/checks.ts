/**
 * What `oncall validate` checks once the model is sound: swaps and overrides still match the roster, nobody is on
 * call while unavailable, coverage promises have someone over the planning horizon, nobody holds two levels
 * of one escalation at once, load is fair.
 */
import type { Problem } from '../core/problem';
import { formatSeconds } from '../core/duration';
import type { Organisation } from '../model/types';
import { coverageProblems } from './coverage-checks';
import { DAY, formatLocal } from '../core/local-time';
import { overloads } from './load';
import { problemAt } from './problem-at';
import { overrideProblems } from './override-checks';
import { sameLayerProblems } from './layer-checks';
import { swapProblems } from './swap-checks';
import { unavailabilityProblems } from './unavailability-checks';

/** How far ahead coverage and fairness are checked: the two months the seeds plan ahead. */
export const PLANNING_DAYS = 56;

export function scheduleProblems(org: Organisation, now: number): Problem[] {
  const problems = [
    ...swapProblems(org),
    ...overrideProblems(org, now),
    ...unavailabilityProblems(org),
    ...coverageProblems(org, now, now + PLANNING_DAYS * DAY),
    ...sameLayerProblems(org, now, now + PLANNING_DAYS * DAY),
  ];
  for (const o of overloads(org, now, PLANNING_DAYS)) {
    const zone = o.rotation.timezone;
    problems.push(
      problemAt(
        o.rotation.source,
        'warning',
        'fairness/overloaded',
        `${o.person} carries ${formatSeconds(Math.round(o.hours) * 3600)} of on-call in \`${o.rotation.key}\` from ${formatLocal(o.from, zone)} to ${formatLocal(o.to, zone)}, ${Math.round(o.percentAbove)}% above the mean of ${formatSeconds(Math.round(o.mean) * 3600)} (limit ${org.fairness.maxAboveMeanPercent}%)`,
      ),
    );
  }
  return problems;
}
