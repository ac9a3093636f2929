import { serviceFinding, type ReadinessCheck } from '../check';

/** Customers notice a customer-facing service going down: someone must be paged first. */
export const pagingAlertCheck: ReadinessCheck = {
  name: 'service/paging-alert',
  run: ({ org, services }) =>
    services
      .filter((s) => ![...org.alerts.values()].some((a) => a.service === s.id && a.page && !a.retired))
      .map((s) =>
        serviceFinding('service/paging-alert', s, `customer-facing service \`${s.id}\` ("${s.statusPage?.name}") has no alert that pages`),
      ),
};
