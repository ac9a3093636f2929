import { serviceFinding, type ReadinessCheck } from '../check';

/** A customer-facing service is checked from outside, the way a customer reaches it. */
export const syntheticCheckCheck: ReadinessCheck = {
  name: 'service/synthetic-check',
  run: ({ org, services }) =>
    services
      .filter(
        (s) =>
          ![...org.alerts.values()].some(
            (a) => a.service === s.id && !a.retired && (a.kind === 'http-check' || a.kind === 'multistep-check'),
          ),
      )
      .map((s) =>
        serviceFinding(
          'service/synthetic-check',
          s,
          `customer-facing service \`${s.id}\` ("${s.statusPage?.name}") has no synthetic check: add an http-check of its page`,
        ),
      ),
};
