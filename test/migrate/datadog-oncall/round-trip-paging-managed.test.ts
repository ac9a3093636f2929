/** The managed-services example (a pool, contracts with promises): paging over 52 weeks after the round trip (./round-trip-paging.ts). */
import { expect, it } from 'vitest';
import { roundTripPaging } from './round-trip-paging';

it.each(['examples/managed-services'])(
  '%s pages, over 52 weeks, whom its account pages',
  (dir) => {
    const { squads, mismatches } = roundTripPaging(dir);
    expect(squads).toBeGreaterThan(0);
    expect(mismatches).toEqual([]);
  },
  60_000,
);
