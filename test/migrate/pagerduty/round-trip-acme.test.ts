/**
 * The round trip of the tests' organisation (as it is, and with roster changes): round-trip-suite.ts.
 */
import { acmeCase, acmeChangesCase, roundTripSuite } from './round-trip-suite';
import { NOW } from '../../helpers';

roundTripSuite([
  acmeCase(),
  acmeChangesCase(NOW, 'acme with roster changes'),
  // The first order is over: Read drops its layer, and the import starts from the change.
  acmeChangesCase(Date.parse('2026-02-01T00:00:00Z'), 'acme with roster changes, the first order over'),
]);
