/** Resource names, derived from ids only: renaming an id is a replacement, and the plan says so. */
import { DateTime } from 'luxon';

export const names = {
  team: (team: string) => `${team}-team`,
  membership: (team: string, person: string) => `${team}-${person}-membership`,
  schedule: (team: string, rotation: string) => `${team}-${rotation}-schedule`,
  rotation: (team: string, rotation: string, layer: string) => `${team}-${rotation}-${layer}-rotation`,
  escalation: (team: string, policy: string) => `${team}-${policy}-escalation`,
  service: (service: string) => `${service}-service`,
  integration: (owner: string, kind: string) => `${owner}-${kind}-integration`,
  routing: (team: string) => `${team}-routing`,
  routingRule: (team: string, index: string) => `${team}-routing-${index}`,
  phoneLine: (team: string) => `${team}-phone-line`,
  /** Overrides are named by rotation and start instant (UTC), which is also their alias on the backend. */
  override: (team: string, rotation: string, start: number) =>
    `${team}-${rotation}-override-${DateTime.fromMillis(start, { zone: 'UTC' }).toFormat("yyyyMMdd'T'HHmm'Z'")}`,
};
