/** Codes of the stacks and of what each backend cannot express. */
import { codeGroup } from './define';

export const STACK_CODES = codeGroup('Stacks (`stack/…`)', {
  'stack/backend': { severity: 'error', summary: '`oncall:backend` is missing or not `pagerduty`, `opsgenie` or `datadog`' },
  'stack/teams': { severity: 'error', summary: '`oncall:teams` is not a list of squad ids' },
  'stack/subdomain': { severity: 'error', summary: '`oncall:pagerdutySubdomain` is not an account subdomain' },
  'stack/unknown-key': { severity: 'error', summary: 'an `oncall:` setting that does not exist' },
  'stack/unknown-team': { severity: 'error', summary: '`oncall:teams` names a squad with no folder' },
  'stack/rotation-outside': {
    severity: 'error',
    summary:
      "a squad of the stack pages another squad's rotation (a pool's) and `oncall:teams` leaves that squad out: the schedule is provisioned with the squad that owns it",
  },
  'stack/datadog-site': {
    severity: 'warning',
    summary:
      'a stack registering Datadog resources (monitors, checks, status page, On-Call) without `datadog:apiUrl`: the provider would use DD_HOST or its US1 default, and an organisation on another site gets 403 at `pulumi up`',
  },
});

export const BACKEND_CODES = codeGroup(
  'Backends (`backend/…`)',
  {
    'backend/opsgenie-half-hour': {
      severity: 'error',
      summary: 'Opsgenie hands over, and restricts rotations and routing rules, at minute 0 or 30 only',
    },
    'backend/opsgenie-alert-escalation': {
      severity: 'error',
      summary:
        "an alert names an escalation policy its squad's routing does not always use: Opsgenie routes a squad's alerts by its team routing rules, by time only",
    },
    'backend/opsgenie-notify-low': {
      severity: 'warning',
      summary:
        '`notify.low` on a stack on Opsgenie: every page there is high urgency (`urgency: low` is refused), so low-urgency rules are not provisioned',
    },
    'backend/datadog-push': {
      severity: 'error',
      summary: '`push` in `notify` on a Datadog On-Call stack: the provider has no notification channel for the mobile app',
    },
    'backend/opsgenie-urgency': {
      severity: 'error',
      summary:
        '`urgency: low` on a stack on Opsgenie: its team routing rules choose whom to notify, not how, so the alert would ring as high urgency',
    },
    'backend/pagerduty-one-policy': {
      severity: 'error',
      summary: "PagerDuty sends a service's incidents to one escalation policy: routing or an alert names another",
    },
    'backend/pagerduty-routing': {
      severity: 'error',
      summary: 'PagerDuty distinguishes support hours and the rest only: more than two routing rules',
    },
    'backend/pagerduty-promise-hours': {
      severity: 'error',
      summary:
        "a service's promise that PagerDuty support hours cannot state: neither its coverage nor the rest of the week is the same hours on some days, within one day",
    },
    'backend/pagerduty-outside-coverage': {
      severity: 'warning',
      summary:
        '`outsideCoverage: none` on PagerDuty: it has no urgency that pages nobody, so the service pages at low urgency outside its promise',
    },
    'backend/pagerduty-support-hours': {
      severity: 'error',
      summary: 'PagerDuty support hours are the same hours on each chosen day, within one day',
    },
    'backend/pagerduty-delay': {
      severity: 'warning',
      summary: 'PagerDuty wants at least 3 minutes before escalating from a rule with several targets',
    },
    'backend/pagerduty-email-no-service': {
      severity: 'error',
      summary: 'PagerDuty receives e-mail on a service: the squad asks for e-mail intake and has no service in service',
    },
    'backend/pagerduty-service-name': {
      severity: 'error',
      summary: 'PagerDuty refuses a service name that is blank or contains `\\`, `/`, `&`, `<` or `>`',
    },
    'backend/datadog-delay': {
      severity: 'error',
      summary: "an escalation step waiting more than 10 hours (Datadog On-Call's `escalateAfterSeconds` is 60–36000)",
    },
    'backend/datadog-retries': { severity: 'error', summary: 'a policy repeated more than 10 times' },
    'backend/datadog-alert-escalation': {
      severity: 'error',
      summary:
        "a paging alert naming an escalation policy other than the ones its squad's routing uses: Datadog On-Call picks the policy by the team routing rules only",
    },
    'backend/holiday-nobody': {
      severity: 'error',
      summary:
        'with `holidays.offHours`, a rotation nobody covers on a public holiday while its schedule would page someone: overrides name a person, and no backend has dated restrictions',
    },
    'backend/holiday-routing': {
      severity: 'error',
      summary:
        'with `holidays.offHours`, a public holiday routed to another escalation policy or urgency than the weekly routing the backend has then: no backend has dated routing rules',
    },
    'backend/holiday-promise': {
      severity: 'error',
      summary:
        'with `holidays.offHours`, a service promising business or off hours: on a public holiday its pages would change policy or urgency, and no backend has dated routing rules',
    },
    'backend/datadog-email-intake': {
      severity: 'error',
      summary: '`intake.email` in a squad on a Datadog On-Call stack: the provider has no e-mail intake to create',
    },
  },
  "What a stack's backend cannot express, raised only for the squads of the stacks on that backend. The README's\nbackend table (generated from `modules/render/capabilities.ts`) lists, for each YAML feature and backend, whether\nit is rendered or refused.",
);
