import type { ReadinessCheck } from '../check';

/** Customers notice a customer-facing service going down: someone must be paged first. */
export const pagingAlertCheck: ReadinessCheck = {
  name: 'service/paging-alert',
  summary: 'every customer-facing service has at least one alert that pages',
  run: ({ org, services }) =>
    services
      .filter((s) => ![...org.alerts.values()].some((a) => a.service === s.id && a.page && !a.retired))
      .map((s) => ({ check: 'service/paging-alert' as const, team: s.team, service: s.id, message: `customer-facing service \`${s.id}\` ("${s.statusPage?.name}") has no alert that pages`, source: s.source })),
};
