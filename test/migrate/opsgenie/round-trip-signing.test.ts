/** The round trip of test/migrate/opsgenie/round-trip.ts for the signing organisation. */
import { organisationCase, roundTrip } from './round-trip';

roundTrip(organisationCase('signing'));
