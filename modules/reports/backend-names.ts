/**
 * The names a backend shows for our squads and services, read from what the renderer gives it (the team's and the
 * service's `name` input), so that a page read back from the backend maps to the YAML object that made it.
 */
import { PAGING_BACKENDS } from '../backends/paging';
import type { Organisation } from '../model/types';
import type { Backend } from '../render/desired';

export interface BackendNames {
  /** Backend team name → squad id. */
  readonly teams: ReadonlyMap<string, string>;
  /** Backend service name → service id. */
  readonly services: ReadonlyMap<string, string>;
}

export function backendNames(org: Organisation, backend: Backend, now: number): BackendNames {
  const teams = new Map<string, string>();
  const services = new Map<string, string>();
  const stack = { name: 'report', backend, now };
  for (const team of org.squads.values()) {
    for (const resource of PAGING_BACKENDS[backend].renderSquad(org, team, stack)) {
      const name = resource.inputs.name;
      if (typeof name !== 'string' || !resource.origin) continue;
      if (resource.origin.kind === 'squad') teams.set(name, resource.origin.id);
      if (resource.origin.kind === 'service') services.set(name, resource.origin.id);
    }
  }
  return { teams, services };
}
