/**
 * The status page: one component per customer-facing service, named from its `statusPage` name, grouped
 * when services name a group. Positions follow the names' order and are chained with `dependsOn`, so they
 * are stable; the page and its components are protected (a component until its service is retired).
 */
import type { Organisation, Service } from '../../model/types';
import { resourceOf } from '../../backends/descriptor';
import { DATADOG } from '../../backends/datadog/resources';
import type { DesiredResource, Value } from '../desired';
import { ref } from '../desired';

/** The owner of what belongs to the whole organisation rather than to a squad (a reserved squad id). */
export const ORGANISATION = 'organisation';

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'fr');

function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

export function renderStatusPage(org: Organisation): DesiredResource[] {
  const services = [...org.services.values()].filter((s): s is Service & { statusPage: { name: string } } => s.statusPage !== undefined);
  const retired = (s: Service): boolean => s.retired || (org.squads.get(s.squad)?.retired ?? false);
  if (services.length === 0) return [];
  const page = 'status-page';
  const out: DesiredResource[] = [
    resourceOf(DATADOG.statusPage, {
      name: page,
      squad: ORGANISATION,
      inputs: {
        name: org.statusPage.name,
        domainPrefix: org.statusPage.domainPrefix,
        type: org.statusPage.type,
        visualizationType: 'bars_and_uptime_percentage',
      },
      options: { protect: true },
      origin: { kind: 'status-page', squad: ORGANISATION, id: 'status-page' },
    }),
  ];
  // Top-level entries: ungrouped services, and one group per group name.
  const groups = new Map<string, Array<{ name: string; service: Service }>>();
  const entries: Array<{ name: string; service?: Service }> = [];
  for (const s of services) {
    const group = s.statusPage.group;
    if (group === undefined) entries.push({ name: s.statusPage.name, service: s });
    else {
      if (!groups.has(group)) entries.push({ name: group });
      groups.set(group, [...(groups.get(group) ?? []), { name: s.statusPage.name, service: s }]);
    }
  }
  let previous: string | undefined;
  entries.sort(byName).forEach((entry, position) => {
    const members = entry.service ? undefined : (groups.get(entry.name) ?? []).sort(byName);
    const name = entry.service ? `${entry.service.id}-status-component` : `${slug(entry.name)}-status-group`;
    const inputs: Record<string, Value> = {
      pageId: ref(page),
      name: entry.name,
      type: entry.service ? 'component' : 'group',
      position,
      ...(members ? { components: members.map((m, i) => ({ name: m.name, type: 'component', position: i })) } : {}),
    };
    const origin = entry.service
      ? { kind: 'service' as const, squad: entry.service.squad, id: entry.service.id }
      : { kind: 'status-page' as const, squad: ORGANISATION, id: name };
    // A component stays protected until its service (or every service of its group) is retired.
    const unprotected = entry.service ? retired(entry.service) : (groups.get(entry.name) ?? []).every((m) => retired(m.service));
    const options = { ...(unprotected ? {} : { protect: true }), ...(previous ? { dependsOn: [previous] } : {}) };
    out.push(resourceOf(DATADOG.statusComponent, { name, squad: ORGANISATION, inputs, options, origin }));
    previous = name;
  });
  return out;
}
