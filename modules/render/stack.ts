import type { Organisation, Squad } from '../model/types';
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

/** What one squad's component holds: its paging objects, its alerts and its phone line (each with `squad` = its id). */
export function renderSquadResources(org: Organisation, team: Squad, stack: StackSettings): DesiredResource[] {
  return [
    ...PAGING_BACKENDS[stack.backend].renderSquad(org, team, stack),
    ...renderSquadAlerts(org, team, stack.backend, stack.opsgenieRegion ?? 'us'),
    ...renderPhoneLine(team),
  ];
}

/**
 * Everything a stack provisions, as data: the squads it selects, on its backend. `reuse` may give a squad's
 * resources already rendered from the same inputs (the head of a pull request, for the squads it leaves alone).
 */
export function renderStack(
  org: Organisation,
  stack: StackSettings,
  reuse?: (squad: string) => readonly DesiredResource[] | undefined,
): DesiredState {
  const resources: DesiredResource[] = [];
  for (const team of org.squads.values()) {
    if (stack.teams && !stack.teams.includes(team.id)) continue;
    resources.push(...(reuse?.(team.id) ?? renderSquadResources(org, team, stack)));
  }
  // How people are reached: once per stack, for the people of the squads it selects.
  resources.push(...PAGING_BACKENDS[stack.backend].renderContacts(org, peopleToReach(org, stack.teams)));
  // The status page belongs to the whole organisation: stacks that provision a subset leave it alone.
  if (!stack.teams) resources.push(...renderStatusPage(org));
  return { stack: stack.name, backend: stack.backend, resources };
}
