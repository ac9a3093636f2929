import type { Organisation } from '../model/types';
import type { StackSpec } from '../spec/stacks';
import { PAGING_BACKENDS } from '../backends/paging';
import type { DesiredResource, DesiredState } from './desired';
import { renderSquadAlerts } from './alerts';
import { renderStatusPage } from './alerts/status-page';
import { renderPhoneLine } from '../backends/twilio/render';
import { peopleToReach } from '../backends/contacts';

export interface StackSettings {
  readonly name: string;
  readonly backend: StackSpec['backend'];
  readonly teams?: readonly string[];
  /**
   * The instant the stack is rendered for (\`pulumi up\`, \`oncall plan\`): what has already ended (a roster
   * order replaced in the past, an override over) is not sent to a backend that would drop it on read.
   */
  readonly now: number;
  readonly pagerdutySubdomain?: string;
  /** @default 'us' */
  readonly opsgenieRegion?: 'us' | 'eu';
}

/** Everything a stack provisions, as data: the squads it selects, on its backend. */
export function renderStack(org: Organisation, stack: StackSettings): DesiredState {
  const resources: DesiredResource[] = [];
  for (const team of org.squads.values()) {
    if (stack.teams && !stack.teams.includes(team.id)) continue;
    resources.push(...PAGING_BACKENDS[stack.backend].renderSquad(org, team, stack));
    resources.push(...renderSquadAlerts(org, team, stack.backend, stack.opsgenieRegion ?? 'us'));
    resources.push(...renderPhoneLine(team));
  }
  // How people are reached: once per stack, for the people of the squads it selects.
  resources.push(...PAGING_BACKENDS[stack.backend].renderContacts(org, peopleToReach(org, stack.teams)));
  // The status page belongs to the whole organisation: stacks that provision a subset leave it alone.
  if (!stack.teams) resources.push(...renderStatusPage(org));
  return { stack: stack.name, backend: stack.backend, resources };
}
