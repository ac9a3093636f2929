/**
 * How a Datadog alert reaches the squad's paging backend: a notification handle, and for PagerDuty and
 * Opsgenie the Datadog integration object that gives the handle its key.
 */
import type { Service, Squad } from '../../model/types';
import { resourceOf } from '../../backends/descriptor';
import { DATADOG } from '../../backends/datadog/resources';
import type { Backend, DesiredResource } from '../desired';
import { ref } from '../desired';
import { names } from '../names';

/** `@pagerduty-<service>`, `@opsgenie-<squad>` or `@oncall-<squad>`. */
export function pagingHandle(backend: Backend, team: Squad, service: Service): string {
  switch (backend) {
    case 'pagerduty':
      return `@pagerduty-${service.id}`;
    case 'opsgenie':
      return `@opsgenie-${team.id}`;
    case 'datadog':
      return `@oncall-${team.id}`;
  }
}

/** The Datadog side of the integration that makes a handle work. */
export function handleResources(backend: Backend, team: Squad, opsgenieRegion: 'us' | 'eu'): DesiredResource[] {
  const out: DesiredResource[] = [];
  // A squad that routes nowhere (a pool that only lends its rotations) gets no integration on the backend.
  if (team.routing.length === 0) return out;
  if (backend === 'pagerduty') {
    for (const service of team.services.values()) {
      if (service.retired) continue;
      out.push(
        resourceOf(DATADOG.pagerdutyService, {
          name: names.integration(service.id, 'pagerduty-in-datadog'),
          squad: team.id,
          inputs: { serviceName: service.id, serviceKey: ref(names.integration(service.id, 'datadog'), 'integrationKey') },
        }),
      );
    }
  } else if (backend === 'opsgenie') {
    out.push(
      resourceOf(DATADOG.opsgenieService, {
        name: names.integration(team.id, 'opsgenie-in-datadog'),
        squad: team.id,
        inputs: { name: team.id, opsgenieApiKey: ref(names.integration(team.id, 'datadog'), 'apiKey'), region: opsgenieRegion },
      }),
    );
  }
  return out;
}
