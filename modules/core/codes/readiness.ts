/** Codes of production readiness: the settings, and the checks `oncall readiness` runs (each with a page in docs/checks/). */
import { checkGroup, codeGroup } from './define';

export const READINESS_SETTING_CODES = codeGroup('Readiness settings', {
  'ref/unknown-check': {
    severity: 'error',
    summary: "a readiness check name (in `readiness.checks` or an alert's `silence`) that does not exist",
  },
});

/** The severities are the defaults; `readiness.checks` in org.yaml makes a check a warning or turns it off. */
export const READINESS_CHECK_CODES = checkGroup(
  'Readiness checks (`oncall readiness`)',
  {
    'alert/runbook': {
      severity: 'error',
      summary: 'Every alert has a runbook.',
      why: 'An alert without an operating procedure leaves the person paged at 3 a.m. guessing. Every alert names what triggers it, how to resolve it and how long that should take.',
      fix: "Add `runbook: runbooks/<alert>.md` (a markdown file in the squad's folder, with the required sections) or `runbook: https://…`.",
    },
    'alert/runbook-sections': {
      severity: 'error',
      summary: 'A markdown runbook has the required sections.',
      why: 'The organisation decides which sections a runbook must have (`readiness.runbookSections` in org.yaml; default `Trigger`, `Resolution`, `Expected time`). The catalog reads them, so a missing section is a hole in the catalog too. Headings match case-insensitively, at any level.',
      fix: 'Add the missing heading and its text, e.g. `## Expected time`. The finding points at the runbook file.',
    },
    'alert/runbook-https': {
      severity: 'error',
      summary: 'Runbook URLs use https.',
      why: 'Runbooks often hold access details; they are opened from phones on any network.',
      fix: 'Use the https address of the page.',
    },
    'alert/escalation-coverage': {
      severity: 'error',
      summary: 'A paging alert reaches someone whatever the hour.',
      why: 'The squad that owns the alert must have an escalation policy, and its routing must send the alert, at every hour of the week, to a rotation that covers that hour. Otherwise the alert fires into the void — for instance a business-hours rotation routed 24/7. `validate` already refuses routed hours with nobody on call (`coverage/gap`) on the coming shifts; this check also finds squads whose alerts page with no rotation or escalation policy, and holes in the weekly routing of rotations that have not started yet.',
      fix: 'Add an escalation policy, a rotation covering the missing hours, or a routing rule for them. The message lists the uncovered hours.',
    },
    'alert/paging-severity': {
      severity: 'error',
      summary: 'P1 and P2 page a person; P4 and P5 do not.',
      why: 'Severity and paging must agree: an urgent alert that only sends an e-mail is missed, a minor one that wakes people up wears them out. P3 is left to the squad (`readiness.pagingSeverities` sets the default of `page`).',
      fix: 'Remove `page: false` from a P1/P2, or set `page: false` on a P4/P5 — or change the severity.',
    },
    'alert/thresholds': {
      severity: 'error',
      summary: 'Warning and critical thresholds are consistent.',
      why: 'Both thresholds must compare in the same direction (`> 5` and `> 2`, or `< 5` and `< 10`), and the warning must be reached first; otherwise the warning never fires or fires for the wrong reason.',
      fix: 'Fix the comparison or swap the values.',
    },
    'alert/duplicate-name': {
      severity: 'error',
      summary: 'No two alerts have the same name.',
      why: 'Alerts are named `[service][squad] title`; two alerts with the same name cannot be told apart in a page, a report or the catalog.',
      fix: 'Make the titles say what differs.',
    },
    'alert/noisy': {
      severity: 'warning',
      summary: 'An alert does not page more often than the organisation allows.',
      why: 'An alert that pages again and again wears the people on call out and teaches them to ignore it. The check reads the paging history (`oncall readiness --stack NAME` or `--from-dir DIR --backend B`) and finds alerts that paged more than `reports.noisy.pages` times (default 10) in the last `reports.noisy.days` days (default 30). Without a history it does not run.',
      fix: 'Fix the cause, raise the threshold, lengthen the window, or make it not page (`page: false`). If the noise is understood and temporary, silence the check on the alert with a reason and an end date (`silence`).',
    },
    'alert/late-acknowledgement': {
      severity: 'warning',
      summary: 'An alert that paged was acknowledged within its response target at least once.',
      why: 'When no page of an alert was ever acknowledged within its response target (the service’s promise, else its escalation policy’s), the promise is not kept for it: nobody hears it, its routing reaches the wrong people, or the target is not realistic. The check reads the paging history of the last `reports.noisy.days` days; without one it does not run.',
      fix: 'Check who the alert reaches and how (routing, escalation, notification rules), or the response target. Silence the check on the alert with a reason and an end date while it is being fixed.',
    },
    'service/paging-alert': {
      severity: 'error',
      summary: 'Every customer-facing service has a paging alert.',
      why: 'A service with a status-page name is seen by customers. If it breaks, someone must be paged before customers tell us.',
      fix: 'Add an alert of that service that pages (P1 or P2).',
    },
    'service/synthetic-check': {
      severity: 'error',
      summary: 'Every customer-facing service has a synthetic check.',
      why: 'Internal metrics can look fine while customers cannot reach the page: check it from outside, as a customer would (an http-check with `bodyContains`, or a multistep-check of the journey).',
      fix: "Add an `http-check` of the service's page or a `multistep-check` of its journey.",
    },
  },
  '`oncall readiness` runs these on every alert (or, with `--base`, on the alerts a pull request adds or changes).',
);
