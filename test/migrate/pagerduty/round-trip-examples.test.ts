/** The round trip of every example's PagerDuty stack: round-trip-suite.ts. */
import { exampleCase, roundTripSuite } from './round-trip-suite';

roundTripSuite(['bookshop', 'signing', 'sre-team', 'managed-services'].map(exampleCase));
