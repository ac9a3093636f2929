/** The tests' organisation, the bookshop and the SRE team: paging over 52 weeks after the round trip (./round-trip-paging.ts). */
import { roundTripPagingSuite } from './round-trip-paging';

roundTripPagingSuite(['test/fixtures/acme', 'examples/bookshop', 'examples/sre-team']);
