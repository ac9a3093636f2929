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
