/** A readiness check: a stable name (its documentation page), a default severity, and what it finds. */
import type { ReadinessCheckName } from '../core/readiness-checks';
import type { Alert, Organisation, Service, Source } from '../model/types';

export interface Finding {
  readonly check: ReadinessCheckName;
  readonly team: string;
  /** The alert concerned; undefined for service-level findings. */
  readonly alert?: string;
  readonly service?: string;
  readonly message: string;
  readonly source: Source;
}

export interface CheckContext {
  readonly org: Organisation;
  /** Alerts to check (all, or those a pull request adds or changes), not retired. */
  readonly alerts: readonly Alert[];
  /** Customer-facing services to check. */
  readonly services: readonly Service[];
}

export interface ReadinessCheck {
  readonly name: ReadinessCheckName;
  readonly summary: string;
  run(ctx: CheckContext): Finding[];
}

export function alertFinding(check: ReadinessCheckName, alert: Alert, message: string, source: Source = alert.source): Finding {
  return { check, team: alert.team, alert: alert.id, service: alert.service, message, source };
}
