import type { Organisation } from '../model/types';
import type { StackSpec } from '../spec/stacks';
import { renderDatadogSquad } from '../backends/datadog-oncall/render';
import type { DesiredResource, DesiredState } from './desired';
import { renderOpsgenieSquad } from '../backends/opsgenie/render';
import { renderPagerDutySquad } from '../backends/pagerduty/render';
import { renderSquadAlerts } from './alerts';
import { renderStatusPage } from './alerts/status-page';
import { renderPhoneLine } from '../backends/twilio/render';

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
  for (const team of org.teams.values()) {
    if (stack.teams && !stack.teams.includes(team.id)) continue;
    switch (stack.backend) {
      case 'pagerduty':
        resources.push(...renderPagerDutySquad(org, team, { now: stack.now, subdomain: stack.pagerdutySubdomain ?? org.name.toLowerCase().replace(/[^a-z0-9-]/g, '-') }));
        break;
      case 'opsgenie':
        resources.push(...renderOpsgenieSquad(org, team));
        break;
      case 'datadog':
        resources.push(...renderDatadogSquad(org, team));
        break;
    }
    resources.push(...renderSquadAlerts(org, team, stack.backend, stack.opsgenieRegion ?? 'us'));
    resources.push(...renderPhoneLine(team));
  }
  // The status page belongs to the whole organisation: stacks that provision a subset leave it alone.
  if (!stack.teams) resources.push(...renderStatusPage(org));
  return { stack: stack.name, backend: stack.backend, resources };
}
