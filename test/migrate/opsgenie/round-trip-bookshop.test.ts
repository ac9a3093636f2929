/** The round trip of test/migrate/opsgenie/round-trip.ts for the bookshop organisation. */
import { organisationCase, roundTrip } from './round-trip';

roundTrip(organisationCase('bookshop'));
