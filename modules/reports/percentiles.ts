/**
 * Percentiles by nearest rank: the p-th percentile of n sorted values is the value of rank ⌈p/100 · n⌉ (1-based).
 * The median is the 50th (for an even count, the lower of the two middle values). Always a value that occurred.
 */
export function nearestRank(sorted: readonly number[], p: number): number | undefined {
  if (sorted.length === 0) return undefined;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1];
}

export interface Spread {
  readonly count: number;
  /** Minutes, 2 decimals; absent when there is no value. */
  readonly median?: number;
  readonly p80?: number;
  readonly p95?: number;
}

export const minutes = (ms: number): number => Math.round(ms / 600) / 100;

/** The median, 80th and 95th percentiles of durations in milliseconds, in minutes. */
export function spreadOf(durations: readonly number[]): Spread {
  const sorted = [...durations].sort((a, b) => a - b);
  const at = (p: number) => {
    const v = nearestRank(sorted, p);
    return v === undefined ? {} : { [p === 50 ? 'median' : `p${p}`]: minutes(v) };
  };
  return { count: sorted.length, ...at(50), ...at(80), ...at(95) };
}
