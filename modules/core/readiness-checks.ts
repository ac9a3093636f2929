/**
 * The names and default severities of the readiness checks, read from the registry of codes
 * (modules/core/codes/readiness.ts). The model validates `readiness.checks` and alert `silence` entries
 * against these; modules/checks implements one file per name, documented in docs/checks/<name>.md.
 */
import { isReadinessCheckCode, READINESS_CHECK_CODES_SEVERITIES, type ReadinessCheckName } from './codes';

export type { ReadinessCheckName } from './codes';

export const READINESS_CHECKS: Readonly<Record<ReadinessCheckName, 'error' | 'warning'>> = READINESS_CHECK_CODES_SEVERITIES;

export function isReadinessCheck(name: string): name is ReadinessCheckName {
  return isReadinessCheckCode(name);
}
