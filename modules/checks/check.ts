/**
 * A readiness check: a stable name (its code, documented on its page in docs/checks/) and what it finds.
 * Its summary and default severity are in the registry of codes (modules/core/codes/readiness.ts).
 */
import type { Problem } from '../core/problem';
import { hintFields, type Hinted } from '../core/suggest';
import type { ReadinessCheckName } from '../core/readiness-checks';
import type { Alert, Organisation, Service, Source } from '../model/types';
import type { PageHistory } from './page-history';

/** What a check finds: a problem whose severity the organisation decides (`readiness.checks`). */
export type Finding = Omit<Problem, 'severity' | 'code'> & { readonly code: ReadinessCheckName };

export interface CheckContext {
  readonly org: Organisation;
  /** Alerts to check (all, or those a pull request adds or changes), not retired. */
  readonly alerts: readonly Alert[];
  /** Customer-facing services to check. */
  readonly services: readonly Service[];
  /** What the alerts did, read from the paging backend; the checks that need it do not run without it. */
  readonly history?: PageHistory;
}

export interface ReadinessCheck {
  readonly name: ReadinessCheckName;
  run(ctx: CheckContext): Finding[];
}

/** A finding on an alert, at the alert's id in its YAML unless `source` points elsewhere (its runbook). */
export function alertFinding(check: ReadinessCheckName, alert: Alert, message: string | Hinted, source: Source = alert.source): Finding {
  return { ...at(source), code: check, ...hintFields(message), squad: alert.squad, alert: alert.id, service: alert.service };
}

/** A finding on a service, at the service's id in its YAML. */
export function serviceFinding(check: ReadinessCheckName, service: Service, message: string): Finding {
  return { ...at(service.source), code: check, message, squad: service.squad, service: service.id };
}

function at(source: Source): Pick<Problem, 'file' | 'line' | 'column'> {
  return { file: source.file, line: source.line, column: source.column };
}
