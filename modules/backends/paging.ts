/** The paging backends a stack chooses among (`oncall:backend`): each one's name, renderer and limits. */
import type { Organisation, Person, Squad } from '../model/types';
import type { Backend, DesiredResource } from '../render/desired';
import type { AddProblem } from '../render/limit-problems';
import type { StackSettings } from '../render/stack';
import type { ResourceDescriptor } from './descriptor';
import { renderDatadogContacts } from './datadog-oncall/contacts';
import { datadogOnCallConstraints } from './datadog-oncall/constraints';
import { renderDatadogSquad } from './datadog-oncall/render';
import { DATADOG_ONCALL } from './datadog-oncall/resources';
import { renderOpsgenieContacts } from './opsgenie/contacts';
import { opsgenieConstraints } from './opsgenie/constraints';
import { renderOpsgenieSquad } from './opsgenie/render';
import { OPSGENIE } from './opsgenie/resources';
import { renderPagerDutyContacts } from './pagerduty/contacts';
import { pagerdutyConstraints } from './pagerduty/constraints';
import { renderPagerDutySquad } from './pagerduty/render';
import { PAGERDUTY } from './pagerduty/resources';

export interface PagingBackend {
  /** The service's name, in messages and the README's backend table. */
  readonly label: string;
  /** A squad's schedules, policies, routing and intake on this backend. */
  readonly renderSquad: (org: Organisation, team: Squad, stack: StackSettings) => DesiredResource[];
  /** How the people of the stack are reached (their `notify`): contact methods and rules, each person once. */
  readonly renderContacts: (org: Organisation, people: readonly Person[]) => DesiredResource[];
  /** Adds what this backend cannot express of a squad as `validate` problems; `label` names backend and stack. */
  readonly constraints: (org: Organisation, team: Squad, label: string, add: AddProblem) => void;
  /** The type of its schedule overrides (our dynamic provider, which needs the backend's site and credentials). */
  readonly override: ResourceDescriptor;
}

export const PAGING_BACKENDS: Readonly<Record<Backend, PagingBackend>> = {
  pagerduty: {
    label: 'PagerDuty',
    renderSquad: (org, team, stack) =>
      renderPagerDutySquad(org, team, {
        now: stack.now,
        subdomain: stack.pagerdutySubdomain ?? org.name.toLowerCase().replace(/[^a-z0-9-]/g, '-'),
      }),
    renderContacts: renderPagerDutyContacts,
    constraints: pagerdutyConstraints,
    override: PAGERDUTY.override,
  },
  opsgenie: {
    label: 'Opsgenie',
    renderSquad: (org, team, stack) => renderOpsgenieSquad(org, team, stack.now),
    renderContacts: renderOpsgenieContacts,
    constraints: opsgenieConstraints,
    override: OPSGENIE.override,
  },
  datadog: {
    label: 'Datadog On-Call',
    renderSquad: (org, team, stack) => renderDatadogSquad(org, team, stack.now),
    renderContacts: renderDatadogContacts,
    constraints: datadogOnCallConstraints,
    override: DATADOG_ONCALL.override,
  },
};
