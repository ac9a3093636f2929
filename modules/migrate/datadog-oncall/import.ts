/**
 * An observed Datadog On-Call account as teams/: users → people, teams → squads (admins → manager), schedules →
 * rotations (./rotations.ts), future overrides, escalation policies (./escalations.ts), team routing rules →
 * routing and services' promises (./routing.ts). Ids come from names (modules/migrate/ids.ts): a team's handle, a
 * rotation's from the renderer's layer names when it has them. Each observed object is linked to the name the
 * renderer gives what it became; what the YAML cannot say is a finding.
 */
import { names } from '../../render/names';
import type { Value } from '../../render/desired';
import type { OrgFile, TeamFile } from '../../spec/spec-types.generated';
import type { ImportLink, ImportOptions, ImportResult, ObservedResource, ObservedState } from '../account';
import { IdScope } from '../ids';
import { ImportContext, TYPES } from './context';
import { importPolicy, type EscalationSpec, type ImportedPolicy } from './escalations';
import { importOverrides, importSchedule, type ImportedOverride, type ImportedSchedule, type RotationSpec } from './rotations';
import { importRouting } from './routing';
import { importContacts } from './contacts';
import { holidayOverride, holidaysFinding, readHolidays, writeHolidays, type HolidayRotation } from '../holidays';
import { MINUTES_PER_WEEK } from '../../model/types';

interface Squad {
  readonly id: string;
  readonly team: ObservedResource;
  readonly file: TeamFile;
  readonly rotations: Record<string, RotationSpec>;
  readonly escalations: Record<string, EscalationSpec>;
  readonly services: NonNullable<TeamFile['services']>;
  readonly routing: Array<NonNullable<TeamFile['routing']>[number]>;
  readonly rotationIds: IdScope;
  readonly policyIds: IdScope;
}

export function importDatadogTeams(observed: ObservedState, options: ImportOptions): ImportResult {
  const ctx = new ImportContext(observed, options.now);
  const links: ImportLink[] = [];
  const squadIds = new IdScope('squad');
  const squads = new Map<string, Squad>();

  for (const team of ctx.of(TYPES.team)) {
    const name = String(team.inputs.name ?? team.id);
    const memberships = ctx.of(TYPES.membership).filter((m) => ctx.target(m.inputs.teamId) === team);
    const id = squadIds.take(String(team.inputs.handle ?? name));
    const members: string[] = [];
    const admins: string[] = [];
    for (const m of memberships) {
      const person = ctx.person(m.inputs.userId as Value);
      if (!person) {
        ctx.find(m, 'team membership', "its user is not in the account's user list");
        continue;
      }
      members.push(person);
      if (m.inputs.role === 'admin') admins.push(person);
      links.push({ observed: m.name, planned: names.membership(id, person) });
    }
    if (members.length === 0) {
      ctx.find(team, 'team', 'it has no member: a squad has at least one');
      continue;
    }
    if (admins.length > 1)
      ctx.find(
        team,
        `admin role of ${admins.slice(1).join(', ')}`,
        `a squad has one manager: ${admins[0]!}; the others are members`,
        'approximated',
      );
    const description = team.inputs.description === undefined ? undefined : String(team.inputs.description);
    const file: TeamFile = {
      name,
      ...(description !== undefined && description !== name ? { description } : {}),
      ...(admins[0] ? { manager: admins[0] } : {}),
      members: members as [string, ...string[]],
    };
    squads.set(team.name, {
      id,
      team,
      file,
      rotations: {},
      escalations: {},
      services: {},
      routing: [],
      rotationIds: new IdScope('rotation'),
      policyIds: new IdScope('policy'),
    });
    links.push({ observed: team.name, planned: names.team(id) });
    ctx.comments.set(`${id}/team.yaml#`, `Imported from Datadog team "${name}" (${team.id})`);
    if (description === undefined)
      ctx.find(team, 'empty description', 'the renderer describes a team by its name when it has no description', 'approximated');
  }

  const squadOf = (r: ObservedResource): Squad | undefined => {
    const team = ctx.teamOf(r);
    return team ? squads.get(team.name) : undefined;
  };

  const schedules = new Map<string, ImportedSchedule>();
  const overridesOf = new Map<string, ImportedOverride[]>();
  for (const schedule of ctx.of(TYPES.schedule)) {
    const squad = squadOf(schedule);
    if (!squad) {
      ctx.find(schedule, 'schedule', 'it belongs to no imported team: a rotation belongs to a squad');
      continue;
    }
    if (((schedule.inputs.teams ?? []) as Value[]).length > 1)
      ctx.find(schedule, 'teams after the first', `a rotation belongs to one squad: \`${squad.id}\``, 'approximated');
    const imported = importSchedule(ctx, schedule, squad.id, squad.file.name, squad.rotationIds, squad.rotations, links);
    if (!imported) continue;
    schedules.set(schedule.name, imported);
    overridesOf.set(schedule.name, importOverrides(ctx, schedule, imported, squad.rotations, links));
  }

  // Public holidays as this project's stack renders them (../holidays.ts): their overrides become the holidays of
  // org.yaml (below), which the plan renders again, so the part beyond the rotation's hours is no longer a finding.
  const holidayRotations: HolidayRotation[] = [];
  for (const [name, imported] of schedules) {
    const coming = (overridesOf.get(name) ?? []).map(({ start, end }) => ({ start, end }));
    for (const id of imported.rotations) {
      const intervals = imported.hours.get(id) ?? [[0, MINUTES_PER_WEEK] as [number, number]];
      holidayRotations.push({ key: `${imported.squad}/${id}`, squad: imported.squad, zone: imported.zone, intervals, overrides: coming });
    }
  }
  const holidays = readHolidays(holidayRotations);
  for (const [name, imported] of schedules)
    for (const o of overridesOf.get(name) ?? [])
      if (o.beyondHours && holidayOverride(holidays, `${imported.squad}/${o.rotation}`, imported.zone, o.start, o.end))
        ctx.findings.splice(ctx.findings.indexOf(o.beyondHours), 1);

  const policies = new Map<string, ImportedPolicy>();
  for (const policy of ctx.of(TYPES.escalation)) {
    const squad = squadOf(policy);
    if (!squad) {
      ctx.find(policy, 'escalation policy', 'it belongs to no imported team: a policy belongs to a squad');
      continue;
    }
    const imported = importPolicy(ctx, policy, squad.id, squad.file.name, squad.policyIds, schedules, squad.escalations, links);
    if (imported) policies.set(policy.name, imported);
  }

  for (const routing of ctx.of(TYPES.routing)) {
    const team = ctx.target(routing.inputs.teamId);
    const squad = team ? squads.get(team.name) : undefined;
    if (!squad) {
      ctx.find(routing, 'team routing rules', 'their team was not imported');
      continue;
    }
    const own = [...schedules.values()].filter((s) => s.squad === squad.id);
    const rules = importRouting(ctx, routing, squad.id, policies, own, squad.services, links);
    if (rules.length) squad.routing.push(...(rules as NonNullable<TeamFile['routing']>));
  }

  const contacts = importContacts(ctx, options.phones, links);

  const out = new Map<string, TeamFile>();
  for (const squad of [...squads.values()].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    // The keys in the order of the schema: who, then rotations, escalations, routing and services.
    out.set(squad.id, {
      ...squad.file,
      ...(Object.keys(squad.rotations).length ? { rotations: squad.rotations } : {}),
      ...(Object.keys(squad.escalations).length ? { escalations: squad.escalations } : {}),
      ...(squad.routing.length ? { routing: squad.routing as NonNullable<TeamFile['routing']> } : {}),
      ...(Object.keys(squad.services).length ? { services: squad.services } : {}),
    });
  }

  const people: OrgFile['people'] = {};
  for (const p of [...ctx.people.values()].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    people[p.id] = { name: p.name, email: p.email, ...contacts.get(p.id) };
    ctx.comments.set(`org.yaml#/people/${p.id}`, `Datadog user ${p.email}`);
  }
  const org: OrgFile = { name: 'Imported from Datadog On-Call', people };
  if (holidays) {
    writeHolidays(holidays, org, out);
    const { what, why } = holidaysFinding(holidays);
    ctx.find(ctx.of(TYPES.schedule)[0]!, what, why, 'approximated');
  }
  return {
    teams: { org, squads: out, alerts: new Map(), comments: ctx.comments },
    links,
    findings: ctx.findings,
  };
}
