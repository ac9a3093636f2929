/** The signing example (public holidays as off hours): paging over 52 weeks after the round trip (./round-trip-paging.ts). */
import { roundTripPagingSuite } from './round-trip-paging';

roundTripPagingSuite(['examples/signing']);
