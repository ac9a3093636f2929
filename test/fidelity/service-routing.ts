/**
 * The engine's side of the service fidelity tests: what the engine says each backend must page first for a service.
 * The backends' side is modules/interpret/service-routing.ts (read from rendered inputs only).
 */
import type { Organisation, Service } from '../../modules/model/types';
import type { Backend } from '../../modules/render/desired';
import { servicePageAt } from '../../modules/schedule/service-paging';
import type { Paged } from '../../modules/interpret/service-routing';

export {
  datadogPaged,
  NOBODY,
  opsgeniePaged,
  pagerdutyPaged,
  SERVICE_INTERPRETERS,
  type Paged,
} from '../../modules/interpret/service-routing';

/**
 * What the engine says each backend must do. Two differences are by design, and `validate` says so for the stack:
 * PagerDuty has no urgency that pages nobody (`outsideCoverage: none` pages at low urgency, a warning), and Opsgenie
 * has no urgency at all (a page is high; `outsideCoverage: low` is refused, so such services are not compared).
 */
export function expectedPaged(org: Organisation, backend: Backend, service: Service, t: number): Paged {
  const promise = service.promise;
  const asRendered =
    backend === 'pagerduty' && promise && promise.outsideCoverage === 'none'
      ? { ...service, promise: { ...promise, outsideCoverage: 'low' as const } }
      : service;
  const page = servicePageAt(org, asRendered, t);
  const urgency = backend === 'opsgenie' && page.urgency !== null ? 'high' : page.urgency;
  return { urgency, first: [...page.first].sort() };
}
