/** `oncall who --service`: whom a service's alert pages at an instant, and why (its promise, its routing). */
import type { Organisation } from '../../model/types';
import { formatLocal } from '../../core/local-time';
import type { ServicePage } from '../../schedule/service-paging';

export function formatServicePageJson(page: ServicePage): string {
  return JSON.stringify(
    {
      service: page.service,
      team: page.team,
      inPromise: page.inPromise,
      urgency: page.urgency,
      escalation: page.escalation,
      rotation: page.rotation,
      paged: page.first,
    },
    null,
    2,
  );
}

export function formatServicePageText(org: Organisation, page: ServicePage, at: number): string {
  const service = org.services.get(page.service);
  const promise = service?.promise;
  const head = `Paged for ${page.service} at ${formatLocal(at, org.timezone)} ${org.timezone}:`;
  if (page.urgency === null) {
    const why = promise && !page.inPromise ? `outside its promise (${promise.coverage.kind})` : 'no escalation policy pages for it';
    return `${head}\n  nobody: ${why}`;
  }
  const people = page.first.map((p) => `${p} (${org.people.get(p)?.name ?? p})`).join(', ') || 'nobody on call in its rotation';
  const where = promise && !page.inPromise ? ', outside its promise' : '';
  return `${head}\n  ${people}: ${page.urgency} urgency${where}, policy ${page.escalation}${page.rotation ? `, on call from ${page.rotation}` : ''}`;
}
