/** The round trip of test/migrate/opsgenie/round-trip.ts for the sre-team organisation. */
import { organisationCase, roundTrip } from './round-trip';

roundTrip(organisationCase('sre-team'));
