/**
 * Production readiness: every check, with the organisation's severities and each alert's silences applied.
 * Findings are problems like any other, positioned in the YAML (or the runbook), coded by the check's name.
 */
import { READINESS_CHECKS, type ReadinessCheckName } from '../core/readiness-checks';
import type { Alert, Organisation, Service } from '../model/types';
import type { Problem } from '../core/problem';
import type { ReadinessCheck } from './check';
import { duplicateNameCheck } from './alert/duplicate-name';
import { escalationCoverageCheck } from './alert/escalation-coverage';
import { pagingSeverityCheck } from './alert/paging-severity';
import { runbookCheck } from './alert/runbook';
import { runbookHttpsCheck } from './alert/runbook-https';
import { runbookSectionsCheck } from './alert/runbook-sections';
import { thresholdsCheck } from './alert/thresholds';
import { noisyCheck } from './alert/noisy';
import { lateAcknowledgementCheck } from './alert/late-acknowledgement';
import type { PageHistory } from './page-history';
import { pagingAlertCheck } from './service/paging-alert';
import { syntheticCheckCheck } from './service/synthetic-check';

export const CHECKS: readonly ReadinessCheck[] = [
  runbookCheck,
  runbookSectionsCheck,
  runbookHttpsCheck,
  escalationCoverageCheck,
  pagingSeverityCheck,
  thresholdsCheck,
  duplicateNameCheck,
  noisyCheck,
  lateAcknowledgementCheck,
  pagingAlertCheck,
  syntheticCheckCheck,
];

/** A problem found by a readiness check: its code is the check's name. */
export type ReadinessFinding = Problem & { readonly code: ReadinessCheckName };

export interface ReadinessScope {
  /** Only these alerts (a pull request's new and changed alerts); all when undefined. */
  readonly alerts?: ReadonlySet<string>;
  /** Only these customer-facing services; all when undefined. */
  readonly services?: ReadonlySet<string>;
  /** ISO date of today, for silence expiry. */
  readonly today: string;
  /** The paging history of the recent window: `alert/noisy` and `alert/late-acknowledgement` need it. */
  readonly history?: PageHistory;
}

export function readiness(org: Organisation, scope: ReadinessScope): ReadinessFinding[] {
  const alerts: Alert[] = [...org.alerts.values()].filter(
    (a) => !a.retired && !(org.squads.get(a.squad)?.retired ?? false) && (!scope.alerts || scope.alerts.has(a.id)),
  );
  const services: Service[] = [...org.services.values()].filter(
    (s) => !s.retired && s.statusPage !== undefined && (!scope.services || scope.services.has(s.id)),
  );
  const out: ReadinessFinding[] = [];
  for (const check of CHECKS) {
    const severity = org.readiness.checks.get(check.name) ?? READINESS_CHECKS[check.name];
    if (severity === 'off') continue;
    for (const f of check.run({ org, alerts, services, ...(scope.history ? { history: scope.history } : {}) })) {
      const alert = f.alert === undefined ? undefined : org.alerts.get(f.alert);
      const silence = alert?.silences.find((s) => s.check === check.name);
      if (silence && silence.until >= scope.today) continue;
      const note = silence ? ` (its silence expired on ${silence.until})` : '';
      out.push({ ...f, severity, message: `${f.message}${note}` });
    }
  }
  return out.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line) || (a.code < b.code ? -1 : 1));
}
