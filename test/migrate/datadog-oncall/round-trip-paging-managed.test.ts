/** The managed-services example (a pool, contracts with promises): paging over 52 weeks after the round trip (./round-trip-paging.ts). */
import { roundTripPagingSuite } from './round-trip-paging';

roundTripPagingSuite(['examples/managed-services']);
