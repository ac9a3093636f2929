/**
 * The resources whose YAML object is marked `retired: true`: the renderers leave them unprotected so that
 * the documented removal path (retire, then delete) works, and the policy pack accepts them so.
 */
import { join } from 'node:path';
import type { Organisation } from '../model/types';
import { names } from '../render/names';
import { analyse } from '../pipeline';
import { readTeamsDir } from '../spec/read-dir';

export function retiredResourceNames(org: Organisation): Set<string> {
  const out = new Set<string>();
  for (const team of org.squads.values()) {
    for (const rotation of team.rotations.values()) if (team.retired || rotation.retired) out.add(names.schedule(team.id, rotation.id));
    for (const policy of team.escalations.values()) if (team.retired || policy.retired) out.add(names.escalation(team.id, policy.id));
    if (team.phone && (team.retired || team.phone.retired)) out.add(names.phoneLine(team.id));
  }
  return out;
}

/**
 * The retired resources of the project's teams/ (beside dist/, where the pack runs from); none when it does not
 * load, so that every schedule, policy and line must then be protected.
 */
export function retiredInProject(teamsDir = join(__dirname, '..', '..', '..', 'teams')): Set<string> {
  try {
    const { organisation } = analyse(readTeamsDir(teamsDir), Date.now());
    return organisation ? retiredResourceNames(organisation) : new Set();
  } catch {
    return new Set();
  }
}
