import type { Organisation, Squad } from '../../model/types';
import type { Backend, DesiredResource } from '../desired';
import { handleResources, pagingHandle } from './handles';
import { renderMonitor } from './monitors';
import { renderSlo } from './slo';
import { renderSynthetic } from './synthetics';

/** A squad's monitors, checks and SLOs, routed through the stack's backend. */
export function renderSquadAlerts(org: Organisation, team: Squad, backend: Backend, opsgenieRegion: 'us' | 'eu'): DesiredResource[] {
  const out: DesiredResource[] = [...handleResources(backend, team, opsgenieRegion)];
  const canPage = team.routing.length > 0;
  for (const alert of team.alerts.values()) {
    if (alert.retired || team.retired) continue;
    const service = team.services.get(alert.service);
    const handle = alert.page && canPage && service ? pagingHandle(backend, team, service) : undefined;
    switch (alert.kind) {
      case 'http-check':
      case 'multistep-check':
        out.push(renderSynthetic(org, alert, handle));
        break;
      case 'slo':
        out.push(...renderSlo(org, alert, handle));
        break;
      default:
        out.push(renderMonitor(org, alert, handle));
    }
  }
  return out;
}
