/**
 * The managed-services example (examples/managed-services/teams) as the tests read it by hand from its YAML, for
 * the oracle: each alert's squad, service (contract), severity and response target (the service's `responseTarget`,
 * the GTI), the zone its pages are read in (the technicians' rotation has none of its own: the organisation's,
 * Europe/Paris) and the business hours of org.yaml (Monday–Friday 08:00–19:00; `holidays` has no `offHours`, so
 * public holidays stay ordinary days).
 */
import type { Hours } from './oracle';

export interface AlertFacts {
  readonly squad: string;
  readonly service: string;
  readonly severity: string;
  readonly target: number;
}

export const MANAGED_ALERTS: Readonly<Record<string, AlertFacts>> = {
  'boutik-shop-up': { squad: 'client-boutik', service: 'boutik-shop', severity: 'P1', target: 60 },
  'compta-disk-space': { squad: 'client-compta', service: 'compta-servers', severity: 'P2', target: 240 },
  'usine-vpn': { squad: 'client-industrie', service: 'usine-supervision', severity: 'P1', target: 240 },
};

export const MANAGED_ZONE = 'Europe/Paris';
export const MANAGED_HOURS: Hours = { from: 8 * 60, to: 19 * 60, holidays: [] };

/** Person id from the e-mail, as org.yaml writes them (`<id>@alpha.example`). */
export const managedPerson = (email: string): string => email.replace(/@alpha\.example$/, '');

/**
 * The tests' organisation (test/fixtures/acme/teams) with Payments' rotations in New York and Platform's in Sydney
 * (incident-fixture.ts zonedAcmeTree), read by hand: each alert's squad, service, severity and its policy's
 * response target (no service makes a promise: storefront-1h, standard-4h, double-1h); business hours Monday–Friday
 * 09:00–18:00 in each squad's rotation zone; the dated holidays of org.yaml are not off hours.
 */
const acme = (squad: string, service: string, target: number, severity: string): AlertFacts => ({ squad, service, severity, target });

export const ACME_ALERTS: Readonly<Record<string, AlertFacts>> = {
  'shop-home-page': acme('storefront', 'shop', 60, 'P1'),
  'shop-checkout': acme('storefront', 'shop', 60, 'P1'),
  'shop-5xx-rate': acme('storefront', 'shop', 60, 'P2'),
  'shop-availability': acme('storefront', 'shop', 60, 'P2'),
  'payments-api-health': acme('payments', 'payment-api', 240, 'P1'),
  'payments-api-error-rate': acme('payments', 'payment-api', 240, 'P1'),
  'payments-p99-latency': acme('payments', 'payment-api', 240, 'P2'),
  'payments-queue-depth': acme('payments', 'payment-api', 240, 'P3'),
  'platform-disk-space-critical': acme('platform', 'infrastructure', 60, 'P1'),
  'platform-cpu-saturated': acme('platform', 'infrastructure', 60, 'P3'),
  'platform-tls-expiring': acme('platform', 'infrastructure', 60, 'P2'),
};

export const ACME_ZONES: Readonly<Record<string, string>> = {
  storefront: 'Europe/Paris',
  payments: 'America/New_York',
  platform: 'Australia/Sydney',
};

export const ACME_HOURS: Hours = { from: 9 * 60, to: 18 * 60, holidays: [] };
