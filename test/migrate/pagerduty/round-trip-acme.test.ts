/** The round trip of the tests' organisation and of the signing example (public holidays as off hours): round-trip-suite.ts. */
import { acmeCase, exampleCase, roundTripSuite } from './round-trip-suite';

roundTripSuite([acmeCase(), exampleCase('signing')]);
