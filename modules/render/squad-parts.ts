/**
 * What every backend renders the same way for a squad: who belongs to its team, how a person is looked up,
 * how its schedules and policies are titled, what protects the resources its YAML objects become, and the
 * overrides its schedules carry.
 */
import type { EscalationPolicy, Organisation, Rotation, Squad } from '../model/types';
import type { LookupDescriptor } from '../backends/descriptor';
import { lookUp } from '../backends/descriptor';
import { ref, stateful, type Invoke, type Origin, type Ref, type ResourceOptions } from './desired';
import { names } from './names';
import { overridePieces, type Layer } from './rotation-layers';

export interface SquadMember {
  readonly person: string;
  /** The squad's `manager`. */
  readonly manager: boolean;
  /** Listed in `members` (a manager may also be). */
  readonly member: boolean;
}

/** The squad's team: its members, then its manager when not one of them, each once. */
export function squadMembers(team: Squad): SquadMember[] {
  const people = [...new Set([...team.members, ...(team.manager ? [team.manager] : [])])];
  return people.map((person) => ({ person, manager: person === team.manager, member: team.members.includes(person) }));
}

/** The address a backend knows a person by: their e-mail (the person's id when none is given). */
export function emailOf(org: Organisation, person: string): string {
  return org.people.get(person)?.email ?? person;
}

/** The backend's user id of a person, looked up by e-mail when the stack runs. */
export function userLookup(org: Organisation, lookup: LookupDescriptor, person: string): Invoke {
  return lookUp(lookup, emailOf(org, person));
}

/** What a rotation target of an escalation step pages: the schedule its rotation renders to. */
export function scheduleRef(rotation: Rotation): Ref {
  return ref(names.schedule(rotation.squad, rotation.id));
}

export const titles = {
  schedule: (team: Squad, rotation: Rotation) => `${team.name}: ${rotation.name}`,
  scheduleDescription: (team: Squad, rotation: Rotation) => `Managed by oncall-as-code: squad ${team.id}, rotation ${rotation.id}.`,
  layer: (rotation: Rotation, layer: Layer) => `${rotation.id} ${layer.id}`,
  policy: (team: Squad, policy: EscalationPolicy) => `${team.name}: ${policy.name}`,
  policyDescription: (policy: EscalationPolicy) => `Response target ${policy.responseTargetMinutes} minutes. Managed by oncall-as-code.`,
};

/**
 * Options and origin of what a squad's YAML object becomes (the team, a schedule, a policy, a service): protected
 * until the object or its squad is retired, and kept in the service when it leaves the stack.
 */
export function keptFrom(
  team: Squad,
  kind: 'squad' | 'rotation' | 'escalation' | 'service',
  id: string,
  retired: boolean,
): { options: ResourceOptions; origin: Origin } {
  return { options: stateful(retired || team.retired), origin: { kind, squad: team.id, id } };
}

export interface NamedOverride {
  readonly name: string;
  readonly start: number;
  readonly end: number;
  readonly person: string;
}

/** The overrides a rotation's schedule carries, named; none once the rotation or its squad is retired. */
export function scheduleOverrides(team: Squad, rotation: Rotation): NamedOverride[] {
  if (rotation.retired || team.retired) return [];
  return overridePieces(rotation).map((piece) => ({
    name: names.override(team.id, rotation.id, piece.start),
    start: piece.start,
    end: piece.end,
    person: piece.person,
  }));
}
