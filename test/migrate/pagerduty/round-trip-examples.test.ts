/** The round trip of the other examples' PagerDuty stacks: round-trip-suite.ts. */
import { exampleCase, roundTripSuite } from './round-trip-suite';

roundTripSuite(['bookshop', 'sre-team', 'managed-services'].map(exampleCase));
