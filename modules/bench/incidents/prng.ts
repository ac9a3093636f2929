/**
 * A small seeded pseudo-random generator (mulberry32) and the few draws the incident histories need. Written
 * here rather than taken from fast-check: the histories are product data for `npm run bench` and the reports'
 * tests, and must not depend on a test library's internals or change when it is upgraded.
 */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max]. */
  int(min: number, max: number): number;
  /** Log-normal with the given median and spread (sigma of the underlying normal). */
  logNormal(median: number, sigma: number): number;
  pick<T>(items: readonly T[]): T;
}

export function seeded(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const normal = (): number => {
    // Box–Muller; 1 - next() is in (0, 1], so the logarithm is finite.
    const u = 1 - next();
    const v = next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    logNormal: (median, sigma) => median * Math.exp(sigma * normal()),
    pick: (items) => items[Math.floor(next() * items.length)] as (typeof items)[number],
  };
}
