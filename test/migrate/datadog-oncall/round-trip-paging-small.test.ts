/** The tests' organisation, the bookshop and the SRE team: paging over 52 weeks after the round trip (./round-trip-paging.ts). */
import { expect, it } from 'vitest';
import { roundTripPaging } from './round-trip-paging';

it.each(['test/fixtures/acme', 'examples/bookshop', 'examples/sre-team'])(
  '%s pages, over 52 weeks, whom its account pages',
  (dir) => {
    const { squads, mismatches } = roundTripPaging(dir);
    expect(squads).toBeGreaterThan(0);
    expect(mismatches).toEqual([]);
  },
  60_000,
);
