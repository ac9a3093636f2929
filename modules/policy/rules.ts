/** What the policy pack enforces on a real preview, as plain functions of a resource's inputs and options. */
import { MANAGED_TAG } from '../render/alerts/naming';

/** A monitor or check message links its runbook. */
export function runbookLinkViolation(props: { message?: unknown }): string | undefined {
  const message = typeof props.message === 'string' ? props.message : '';
  return /Runbook: https?:\/\/\S+/.test(message)
    ? undefined
    : 'the message has no runbook link ("Runbook: https://…"): every alert needs an operating procedure';
}

/** A monitor or check names its squad. */
export function teamTagViolation(props: { tags?: unknown }): string | undefined {
  const tags = Array.isArray(props.tags) ? props.tags.filter((t): t is string => typeof t === 'string') : [];
  if (tags.some((t) => /^team:[a-z0-9-]+$/.test(t))) return undefined;
  return tags.includes(MANAGED_TAG)
    ? 'the monitor has no `team:` tag'
    : 'the monitor has no `team:` tag: add one (or define it in teams/ so it gets one)';
}

/**
 * A schedule, escalation policy or phone line is protected: deleting it loses history or a number. One whose
 * YAML object is `retired: true` is on its way out and may be unprotected.
 */
export function protectionViolation(opts: { protect?: boolean }, kind: string, retired = false): string | undefined {
  return opts.protect || retired
    ? undefined
    : `the ${kind} is not protected: deleting it would lose its history; mark it \`retired: true\` in the YAML to remove it deliberately`;
}
