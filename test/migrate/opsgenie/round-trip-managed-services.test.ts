/** The round trip of test/migrate/opsgenie/round-trip.ts for the managed-services organisation. */
import { organisationCase, roundTrip } from './round-trip';

roundTrip(organisationCase('managed-services'));
