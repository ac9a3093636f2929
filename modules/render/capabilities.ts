/**
 * What each backend does with each YAML feature, in one place: rendered (and how), or refused by `validate`
 * for the stacks on that backend with a positioned `backend/*` error. Nothing is dropped silently. The README's
 * backend table is generated from this list (`npm run schemas`), `validate` raises the refusals from it, and a
 * test walks every row: a refused feature gives its error, a rendered one changes the rendered stack.
 */
import type { Code } from '../core/codes';
import type { Organisation, Source, Squad } from '../model/types';
import { PAGING_BACKENDS } from '../backends/paging';
import { BACKENDS, type Backend } from './desired';

export type Cell =
  | {
      readonly kind: 'rendered';
      /** How, in the backend's terms. */
      readonly how: string;
      /** Codes of the `validate` problems for what the backend cannot express of this feature. */
      readonly limits?: readonly Code[];
    }
  | {
      readonly kind: 'refused';
      /** The `validate` error raised where the feature is used. */
      readonly code: Code;
      readonly why: string;
    };

export interface Capability {
  readonly id: string;
  /** The YAML feature, as the README names it. */
  readonly yaml: string;
  readonly backends: Readonly<Record<Backend, Cell>>;
  /**
   * False for a feature that only chooses among what other features render (an alert naming its policy): it has
   * no resource of its own, and its limits are what `validate` checks.
   * @default true
   */
  readonly renders?: boolean;
  /** Where a squad uses the feature: the positions of refusals. Required when any backend refuses it. */
  readonly usedAt?: (team: Squad, org: Organisation) => readonly Source[];
}

const rendered = (how: string, ...limits: Code[]): Cell => ({ kind: 'rendered', how, ...(limits.length > 0 ? { limits } : {}) });
const refused = (code: Code, why: string): Cell => ({ kind: 'refused', code, why });
const everywhere = (how: string): Record<Backend, Cell> => ({ pagerduty: rendered(how), opsgenie: rendered(how), datadog: rendered(how) });

export const BACKEND_LABELS: Readonly<Record<Backend, string>> = Object.fromEntries(
  BACKENDS.map((b) => [b, PAGING_BACKENDS[b].label]),
) as Record<Backend, string>;

export const CAPABILITIES: readonly Capability[] = [
  {
    id: 'squad',
    yaml: 'squad, members, manager',
    backends: {
      pagerduty: rendered('team + memberships (users by e-mail)'),
      opsgenie: rendered('team with members (the manager as admin)'),
      datadog: rendered('team + memberships'),
    },
  },
  {
    id: 'rotation',
    yaml: 'rotation: turns of hours, days or weeks, handoff, zone',
    backends: {
      pagerduty: rendered('schedule; a layer per roster order, turn length in seconds'),
      opsgenie: rendered('schedule; a rotation per roster order, hourly, daily or weekly', 'backend/opsgenie-half-hour'),
      datadog: rendered('schedule; a layer per roster order, interval in days or seconds'),
    },
  },
  {
    id: 'coverage',
    yaml: 'rotation `coverage`: business or off hours, weekly windows',
    backends: {
      pagerduty: rendered('layer restrictions (daily when the same every day)'),
      opsgenie: rendered('`time-of-day` / `weekday-and-time-of-day` restrictions', 'backend/opsgenie-half-hour'),
      datadog: rendered('layer restrictions (a same-weekday wrap split in two)'),
    },
  },
  {
    id: 'roster-changes',
    yaml: 'rotation `changes` (a new order of members)',
    backends: {
      pagerduty: rendered('a layer per order, ending at the next; layers already ended are not sent'),
      opsgenie: rendered('a rotation per order, ending at the next'),
      datadog: rendered('a layer per order, ending at the next'),
    },
  },
  {
    id: 'overrides',
    yaml: 'rotation `overrides` and `swaps`',
    backends: {
      pagerduty: rendered('REST overrides (dynamic provider); past ones kept in the state only'),
      opsgenie: rendered('REST overrides by alias (dynamic provider)'),
      datadog: rendered('REST overrides (dynamic provider); past ones kept in the state only'),
    },
  },
  {
    id: 'escalation-steps',
    yaml: 'escalation `steps` with delays since the alert',
    backends: {
      pagerduty: rendered('rules with the delay to the next rule', 'backend/pagerduty-delay'),
      opsgenie: rendered('rules with delays since the alert, one recipient each'),
      datadog: rendered('steps with `escalateAfterSeconds`', 'backend/datadog-delay'),
    },
  },
  {
    id: 'several-targets',
    yaml: 'a step that notifies several targets',
    backends: {
      pagerduty: rendered('several targets in one rule'),
      opsgenie: rendered('one rule per recipient at the same delay'),
      datadog: rendered('several targets in one step'),
    },
  },
  {
    id: 'targets',
    yaml: "targets `on-call`, `manager`, `{person}`, `{rotation}`, another squad's rotation",
    backends: {
      pagerduty: rendered('schedule and user references'),
      opsgenie: rendered('schedule and user recipients'),
      datadog: rendered('schedule and user targets'),
    },
  },
  {
    id: 'alert-escalation',
    yaml: "an alert's `escalation`",
    renders: false,
    backends: {
      pagerduty: rendered("the policy of the alert's service", 'backend/pagerduty-one-policy'),
      opsgenie: rendered('the policy the team routing rules choose', 'backend/opsgenie-alert-escalation'),
      datadog: rendered('the policy the team routing rules choose', 'backend/datadog-alert-escalation'),
    },
  },
  {
    id: 'repeat',
    yaml: 'escalation `repeat`',
    backends: {
      pagerduty: rendered('`numLoops`'),
      opsgenie: rendered('`repeats` after the last rule'),
      datadog: rendered('`retries`', 'backend/datadog-retries'),
    },
  },
  {
    id: 'routing-hours',
    yaml: '`routing` by hours (`during`)',
    backends: {
      pagerduty: rendered(
        'service support hours and urgency rule',
        'backend/pagerduty-one-policy',
        'backend/pagerduty-routing',
        'backend/pagerduty-support-hours',
      ),
      opsgenie: rendered('ordered team routing rules with time restrictions, chained in order', 'backend/opsgenie-half-hour'),
      datadog: rendered('team routing rules with time restrictions, the last one the catch-all'),
    },
  },
  {
    id: 'holidays',
    yaml: '`holidays` with `offHours`: public holidays as non-business hours',
    // No provider has a holiday calendar (render/holiday-overrides.ts): the same dated overrides everywhere.
    backends: Object.fromEntries(
      BACKENDS.map((b) => [
        b,
        rendered('dated overrides on the schedules, over the next 12 months', 'backend/holiday-nobody', 'backend/holiday-routing'),
      ]),
    ) as Record<Backend, Cell>,
  },
  {
    id: 'urgency-low',
    yaml: 'routing `urgency: low`',
    backends: {
      pagerduty: rendered('low-urgency incidents (urgency rule)'),
      opsgenie: refused(
        'backend/opsgenie-urgency',
        "a team routing rule chooses whom to notify, not how loudly (that is each user's notification rules), so the alert would ring as high urgency",
      ),
      datadog: rendered('routing rule `urgency: low`'),
    },
    usedAt: (team) => team.routing.filter((r) => r.urgency === 'low').map((r) => r.source),
  },
  {
    id: 'services',
    yaml: '`services`',
    backends: {
      pagerduty: rendered('a service per entry, with a Datadog integration'),
      opsgenie: rendered('an API integration of type Datadog per squad; `service:` tags on monitors'),
      datadog: rendered("`service:` tags on the monitors, which page the squad's handle"),
    },
  },
  {
    id: 'service-promise',
    yaml: 'service promise: `coverage`, `escalation`, `responseTarget`, `outsideCoverage`',
    backends: {
      pagerduty: rendered(
        'the service pages its own policy; support hours with `use_support_hours` urgency (outside coverage: low urgency, PagerDuty has none that pages nobody)',
        'backend/pagerduty-promise-hours',
        'backend/pagerduty-outside-coverage',
      ),
      opsgenie: rendered(
        "team routing rules on the `service:` tag ahead of the squad's: `notify: none` outside coverage, then its policy",
        'backend/opsgenie-half-hour',
      ),
      datadog: rendered(
        "team routing rules with a `tags.service:` query ahead of the squad's: outside coverage a time-restricted rule with no policy (or `urgency: low`), then its policy",
      ),
    },
  },
  {
    id: 'service-outside-low',
    yaml: 'service `outsideCoverage: low`',
    renders: false,
    backends: {
      pagerduty: rendered('low urgency outside the support hours'),
      opsgenie: refused(
        'backend/opsgenie-urgency',
        'a team routing rule chooses whom to notify, not how loudly, so outside its coverage the service would ring as high urgency',
      ),
      datadog: rendered('a time-restricted routing rule at `urgency: low` outside the promise'),
    },
    usedAt: (team) =>
      [...team.services.values()].flatMap((s) =>
        s.promise && !s.retired && s.promise.outsideCoverage === 'low' && s.promise.coverage.kind !== 'always' ? [s.promise.source] : [],
      ),
  },
  {
    id: 'email-intake',
    yaml: '`intake.email`',
    backends: {
      pagerduty: rendered('e-mail integration of each service'),
      opsgenie: rendered('e-mail integration of the squad'),
      datadog: refused(
        'backend/datadog-email-intake',
        "the provider (terraform-provider-datadog v4.19.0) has no e-mail intake for On-Call; senders can page the squad through Datadog's Events API with `@oncall-<squad>` in the text, or the squad can be provisioned on PagerDuty or Opsgenie",
      ),
    },
    usedAt: (team) => (team.emailIntake ? [team.intakeSource ?? team.source] : []),
  },
  {
    id: 'alerts',
    yaml: '`alerts` of every kind',
    backends: everywhere("Datadog monitors, synthetic tests and SLOs, paging the backend's handle"),
  },
  {
    id: 'notify',
    yaml: 'people `notify`: call, SMS, push, e-mail per urgency, at once or after minutes',
    backends: {
      pagerduty: rendered(
        "contact methods for call and SMS, a notification rule per entry; push and e-mail use the contact methods the user has (the app's device by its label, the `Default` e-mail)",
      ),
      opsgenie: rendered('user contacts for SMS and voice, one notification rule for new alerts', 'backend/opsgenie-notify-low'),
      datadog: rendered('notification channels (phone, e-mail) and a rule per entry', 'backend/datadog-push'),
    },
  },
  { id: 'status-page', yaml: 'service `statusPage`', backends: everywhere('Datadog status page component') },
  { id: 'phone', yaml: '`phone` line', backends: everywhere('Twilio number wired to the router (dynamic provider)') },
];

/** The README table: one row per feature, one column per backend. */
export function capabilityTable(): string {
  const cell = (c: Cell): string =>
    c.kind === 'refused'
      ? `refused by \`validate\` (\`${c.code}\`): ${c.why}`
      : `${c.how}${c.limits ? `; limits: ${c.limits.map((l) => `\`${l}\``).join(', ')}` : ''}`;
  const backends = Object.keys(BACKEND_LABELS) as Backend[];
  const lines = [`| YAML | ${backends.map((b) => BACKEND_LABELS[b]).join(' | ')} |`, `| --- | ${backends.map(() => '---').join(' | ')} |`];
  for (const c of CAPABILITIES) lines.push(`| ${c.yaml} | ${backends.map((b) => cell(c.backends[b]).replace(/\|/g, '\\|')).join(' | ')} |`);
  return `${lines.join('\n')}\n`;
}
