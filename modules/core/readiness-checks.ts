/**
 * The names and default severities of the readiness checks. The model validates `readiness.checks` and
 * alert `silence` entries against these; modules/checks implements one file per name, documented in
 * docs/checks/<name>.md.
 */
export const READINESS_CHECKS = {
  'alert/runbook': 'error',
  'alert/runbook-sections': 'error',
  'alert/runbook-https': 'error',
  'alert/escalation-coverage': 'error',
  'alert/paging-severity': 'error',
  'alert/thresholds': 'error',
  'alert/duplicate-name': 'error',
  'service/paging-alert': 'error',
  'service/synthetic-check': 'error',
} as const;

export type ReadinessCheckName = keyof typeof READINESS_CHECKS;

export function isReadinessCheck(name: string): name is ReadinessCheckName {
  return Object.prototype.hasOwnProperty.call(READINESS_CHECKS, name);
}
