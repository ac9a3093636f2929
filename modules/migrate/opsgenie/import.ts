/**
 * An observed Opsgenie account as YAML: users → people, teams → squads, schedules and their rotations → rotations
 * with coverage, future overrides → overrides, escalations → policies, team routing rules → routing and services'
 * promises, e-mail integrations → intake, notification rules → notify. Objects this project rendered (recognised by
 * the descriptions and names it writes) come back with their ids, so a plan of the imported YAML shows no change;
 * the rest get ids from their names. What the YAML cannot say is a finding, with the source object and why.
 */
import { OG } from '../../backends/opsgenie/resources';
import { opsgenieName } from '../../backends/opsgenie/render';
import { isRef, type Value } from '../../render/desired';
import { names } from '../../render/names';
import type { OrgFile, TeamFile } from '../../spec/spec-types.generated';
import type { ImportFinding, ImportLink, ImportOptions, ImportResult, ObservedResource, ObservedState, SourceObject } from '../account';
import { IdScope } from '../ids';
import { isCovered } from '../../schedule/coverage';
import { chains, localDate, localDateTime, startOf, usernameOf } from './rotations';
import { restrictionIntervals, sameIntervals, windowsOf, type Interval } from './windows';
import { importRouting, type MadeRotation, type SquadContext } from './routing';
import { importPeople } from './people';
import { holidayOverride, holidaysFinding, readHolidays, writeHolidays, type HolidayRotation } from '../holidays';
import { ALWAYS } from '../../model/windows';

type Inputs = Record<string, Value>;
export type RotationSpec = NonNullable<TeamFile['rotations']>[string];
export type PolicySpec = NonNullable<TeamFile['escalations']>[string];

const SCHEDULE_DESCRIPTION = /^Managed by oncall-as-code: squad ([a-z][a-z0-9-]*), rotation ([a-z][a-z0-9-]*)\.$/;
const TEAM_NAME_CHARS = /[a-zA-Z0-9 _.-]/;
const SCHEDULE_NAME_CHARS = /[a-zA-Z0-9 _-]/;
/** Business hours assumed when no routing rule names them (the YAML default). */
const BUSINESS_DEFAULT: Interval[] = [0, 1, 2, 3, 4].map((d) => [d * 1440 + 540, d * 1440 + 1080]);

export interface ImportState {
  readonly observed: ObservedState;
  readonly options: ImportOptions;
  readonly findings: ImportFinding[];
  readonly links: ImportLink[];
  readonly comments: Map<string, string>;
  /** Username → person id. */
  readonly people: Map<string, string>;
  readonly byName: Map<string, ObservedResource>;
  find(what: string, why: string, from: SourceObject, kind?: ImportFinding['kind']): void;
  link(r: ObservedResource, planned: string): void;
}

const refName = (v: Value | undefined): string | undefined => (isRef(v) ? v.$ref : undefined);
const ofType = (observed: ObservedState, type: string) => observed.resources.filter((r) => r.type === type);

export function importOpsgenieTeams(observed: ObservedState, options: ImportOptions): ImportResult {
  const state: ImportState = {
    observed,
    options,
    findings: [],
    links: [],
    comments: new Map(),
    people: new Map(),
    byName: new Map(observed.resources.map((r) => [r.name, r])),
    find(what, why, from, kind = 'dropped') {
      this.findings.push({ source: from, what, why, kind });
    },
    link(r, planned) {
      this.links.push({ observed: r.name, planned });
    },
  };
  const schedules = ofType(observed, OG.schedule);
  const zoneCount = new Map<string, number>();
  for (const s of schedules) zoneCount.set(String(s.inputs.timezone), (zoneCount.get(String(s.inputs.timezone)) ?? 0) + 1);
  const orgZone = [...zoneCount].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? 'UTC';

  const people = importPeople(state, orgZone);
  const businessHours = businessHoursOf(observed);
  const org: OrgFile = {
    name: 'Imported from Opsgenie',
    defaults: {
      timezone: orgZone,
      ...(sameIntervals(businessHours, BUSINESS_DEFAULT) ? {} : { businessHours: windowsOf(businessHours)[0] }),
    },
    people,
  };

  // Squad ids: those this project wrote in schedule descriptions, else from the team's name.
  const teams = ofType(observed, OG.team).sort(
    (a, b) => String(a.inputs.name).localeCompare(String(b.inputs.name)) || a.id.localeCompare(b.id),
  );
  const squadIds = new IdScope('squad');
  const squadOf = new Map<string, string>();
  for (const team of teams) {
    const own = schedules.filter((s) => refName(s.inputs.ownerTeamId) === team.name);
    const described = own.map((s) => SCHEDULE_DESCRIPTION.exec(String(s.inputs.description))?.[1]).find((x) => x !== undefined);
    if (described !== undefined && !squadOf.has(described)) {
      squadIds.reserve(described);
      squadOf.set(team.name, described);
    }
  }
  // A squad without schedules: a stack names its Datadog integration `<squad>-datadog`.
  for (const team of teams) {
    if (squadOf.has(team.name)) continue;
    const named = observed.resources
      .filter((r) => refName(r.inputs.ownerTeamId) === team.name && r.type === OG.apiIntegration && r.inputs.type === 'Datadog')
      .map((r) => /^([a-z][a-z0-9]*(?:-[a-z0-9]+)*)-datadog$/.exec(String(r.inputs.name))?.[1])
      .find((x) => x !== undefined && ![...squadOf.values()].includes(x));
    if (named !== undefined) {
      squadIds.reserve(named);
      squadOf.set(team.name, named);
    }
  }
  for (const team of teams) if (!squadOf.has(team.name)) squadOf.set(team.name, squadIds.take(String(team.inputs.name)));

  // Every schedule's YAML rotations, first (routing and policies of any squad may name them).
  const rotationsOf = new Map<string, MadeRotation[]>();
  const squadFiles = new Map<string, TeamFile>();
  const contexts = new Map<string, SquadContext>();
  for (const team of teams) {
    const squad = squadOf.get(team.name) as string;
    const escalations = ofType(observed, OG.escalation).filter((e) => refName(e.inputs.ownerTeamId) === team.name);
    const squadName =
      escalations
        .map((e) => String(e.inputs.name).split(': ')[0] as string)
        .find((prefix) => opsgenieName(prefix, TEAM_NAME_CHARS) === team.inputs.name && prefix !== '') ?? String(team.inputs.name);
    const members = (Array.isArray(team.inputs.members) ? team.inputs.members : []).map((m) => m as Inputs);
    const ids = members.map((m) => state.people.get(usernameOf(m.id) ?? '') ?? '').filter((p) => p !== '');
    const admins = members.filter((m) => m.role === 'admin').map((m) => state.people.get(usernameOf(m.id) ?? '') ?? '');
    const manager = admins[0];
    if (admins.length > 1)
      state.find(
        'team admins',
        `only one admin, the squad's manager (${manager}), stays admin; ${admins.slice(1).join(', ')} become members`,
        team.from,
        'approximated',
      );
    const lastIsManager = manager !== undefined && ids[ids.length - 1] === manager && ids.length > 1;
    const memberList = lastIsManager ? ids.slice(0, -1) : ids;
    if (memberList.length === 0) {
      state.find('team without members', 'a squad needs members; the team is left out', team.from);
      continue;
    }
    const file: TeamFile = {
      name: squadName,
      ...(typeof team.inputs.description === 'string' ? { description: team.inputs.description } : {}),
      ...(manager ? { manager } : {}),
      members: memberList as TeamFile['members'],
    };
    squadFiles.set(squad, file);
    state.link(team, names.team(squad));
    state.comments.set(`${squad}/team.yaml#`, `Opsgenie team "${String(team.inputs.name)}" (${team.id})`);
    if (team.inputs.deleteDefaultResources !== true)
      state.find(
        'default escalation and schedule',
        'the team still has the escalation and schedule Opsgenie made with it; a stack names its own',
        team.from,
        'approximated',
      );
  }

  const holidayRotations: HolidayRotation[] = [];
  const imported: Array<{ o: ObservedResource; squad: string; id: string; zone: string; beyondHours?: ImportFinding; linked: boolean }> =
    [];
  for (const schedule of schedules) {
    const owner = refName(schedule.inputs.ownerTeamId);
    const squad = owner === undefined ? undefined : squadOf.get(owner);
    const file = squad === undefined ? undefined : squadFiles.get(squad);
    if (squad === undefined || file === undefined) {
      state.find('schedule without a team', 'a rotation belongs to a squad; the schedule has no owner team imported', schedule.from);
      continue;
    }
    if (schedule.inputs.enabled === false)
      state.find('disabled schedule', 'the YAML has no disabled rotation; imported as enabled', schedule.from, 'approximated');
    const zone = String(schedule.inputs.timezone);
    const own = ofType(observed, OG.rotation).filter((r) => refName(r.inputs.scheduleId) === schedule.name);
    if (own.length === 0) {
      state.find('schedule without rotations', 'nobody is ever on call in it: nothing to import', schedule.from);
      continue;
    }
    const described = SCHEDULE_DESCRIPTION.exec(String(schedule.inputs.description));
    const prefix = `${opsgenieName(file.name, TEAM_NAME_CHARS)} - `;
    const scheduleName = String(schedule.inputs.name);
    const baseName = scheduleName.startsWith(prefix) ? scheduleName.slice(prefix.length) : scheduleName;
    file.rotations ??= {};
    const taken = new IdScope('rotation');
    for (const id of Object.keys(file.rotations)) taken.reserve(id);
    const all = chains(own, zone);
    if (all.length > 1)
      state.find(
        'rotations at the same time',
        `Opsgenie pages every rotation of the schedule at once: each becomes a rotation of its own, and escalations notify all of them (${all.length})`,
        schedule.from,
        'approximated',
      );
    const made: MadeRotation[] = [];
    all.forEach((chain, n) => {
      const first = chain.rotations[0] as ObservedResource;
      const id =
        n === 0 && described?.[2] !== undefined && !(described[2] in (file.rotations ?? {}))
          ? (taken.reserve(described[2]), described[2])
          : taken.take(n === 0 ? baseName : `${baseName} ${String(first.inputs.name)}`);
      const { start, handoff, every } = startOf(first, zone);
      const covered = restrictionIntervals(first.inputs.timeRestrictions);
      const members = (chain.rosters[0] ?? []).map((u) => state.people.get(u) ?? u);
      if (members.length === 0) {
        state.find(
          'rotation without users',
          'participants other than users (teams, escalations, empty slots) are not imported',
          first.from,
        );
        return;
      }
      const spec: RotationSpec = {
        name:
          // This project's schedules are named `<squad> - <rotation>`; a schedule of one rotation keeps its name.
          n === 0 && (all.length === 1 || opsgenieName(`${file.name} - ${baseName}`, SCHEDULE_NAME_CHARS) === scheduleName)
            ? baseName
            : `${baseName} ${String(first.inputs.name)}`.trim(),
        members: members as [string, ...string[]],
        start,
        every,
        handoff,
        timezone: zone,
        ...(covered ? { coverage: windowsOf(covered) as RotationSpec['coverage'] } : {}),
      };
      const changes = chain.rotations.slice(1).map((r, k) => ({
        from: localDate(String(r.inputs.startDate), zone),
        members: (chain.rosters[k + 1] ?? []).map((u) => state.people.get(u) ?? u) as [string, ...string[]],
      }));
      if (changes.length > 0) spec.changes = changes;
      const last = chain.rotations[chain.rotations.length - 1] as ObservedResource;
      if (last.inputs.endDate !== undefined && Date.parse(String(last.inputs.endDate)) > options.now)
        state.find(
          'rotation end',
          `the YAML's rotations do not end: on call after ${String(last.inputs.endDate)} here, nobody in Opsgenie`,
          last.from,
          'approximated',
        );
      else if (last.inputs.endDate !== undefined)
        state.find('ended rotation', `it ended on ${String(last.inputs.endDate)}; imported as if it went on`, last.from, 'approximated');
      for (const r of chain.rosters.flat())
        if (!state.people.has(r)) state.find('participant', `${r} is not a user of the account`, first.from);
      file.rotations![id] = spec;
      state.comments.set(
        `${squad}/team.yaml#/rotations/${id}`,
        `Opsgenie schedule "${scheduleName}" (${schedule.id}), rotation${chain.rotations.length > 1 ? 's' : ''} ${chain.rotations.map((r) => `"${String(r.inputs.name)}"`).join(', ')}`,
      );
      if (n === 0) state.link(schedule, names.schedule(squad, id));
      chain.rotations.forEach((r, k) => state.link(r, names.rotation(squad, id, k === 0 ? 'base' : `from-${changes[k - 1]?.from ?? ''}`)));
      made.push({ squad, id, chain, zone, ...(covered ? { covered } : {}) });
    });
    rotationsOf.set(schedule.name, made);

    // Overrides still to come: each on the rotation of the schedule whose hours it overlaps most.
    const overrides = ofType(observed, OG.override)
      .filter((o) => refName(o.inputs.scheduleId) === schedule.name)
      .sort((a, b) => String(a.inputs.startDate).localeCompare(String(b.inputs.startDate)));
    const past = overrides.filter((o) => Date.parse(String(o.inputs.endDate)) <= options.now);
    if (past.length > 0)
      state.find('past overrides', `${past.length} override(s) ended before the import: history, not imported`, schedule.from);
    const coming = overrides
      .map((o) => ({ start: Date.parse(String(o.inputs.startDate)), end: Date.parse(String(o.inputs.endDate)) }))
      .filter((o) => o.end > options.now);
    for (const m of made)
      holidayRotations.push({ key: `${squad}/${m.id}`, squad, zone, intervals: m.covered ?? ALWAYS.intervals, overrides: coming });
    for (const o of overrides.filter((x) => Date.parse(String(x.inputs.endDate)) > options.now)) {
      const person = state.people.get(String(o.inputs.username));
      const target = mostCovering(made, Date.parse(String(o.inputs.startDate)), Date.parse(String(o.inputs.endDate)));
      if (!target || person === undefined) {
        state.find('override', `${String(o.inputs.username)} is not a user of the account`, o.from);
        continue;
      }
      if (made.length > 1)
        state.find(
          'override of one rotation',
          `Opsgenie's override replaces whoever the schedule has on call; a YAML override replaces one rotation's person: imported on \`${target.id}\`, the rotation whose hours it overlaps most`,
          o.from,
          'approximated',
        );
      const spec = file.rotations![target.id] as RotationSpec;
      spec.overrides ??= [];
      const start = Date.parse(String(o.inputs.startDate));
      const end = Date.parse(String(o.inputs.endDate));
      const pieces = target.covered ? coveredPieces(zone, target.covered, start, end) : [[start, end] as Interval];
      if (target.covered && (pieces.length !== 1 || pieces[0]?.[0] !== start || pieces[0]?.[1] !== end))
        state.find(
          "override outside the rotation's hours",
          `Opsgenie puts ${person} on call for all of it, beyond the rotation's time restrictions; a YAML override stays within the rotation's coverage: only the hours inside are imported (a public holiday rendered with \`holidays.offHours\` looks like this: write the holidays in org.yaml)`,
          o.from,
          'approximated',
        );
      const whole = pieces.length === 1 && pieces[0]?.[0] === start && pieces[0]?.[1] === end;
      imported.push({
        o,
        squad,
        id: target.id,
        zone,
        linked: whole,
        ...(whole ? {} : { beyondHours: state.findings[state.findings.length - 1]! }),
      });
      for (const [from, to] of pieces) {
        spec.overrides.push({
          person,
          start: localDateTime(new Date(from).toISOString(), zone),
          end: localDateTime(new Date(to).toISOString(), zone),
        });
        if (from === start && to === end) state.link(o, names.override(squad, target.id, start));
      }
    }
  }

  // Public holidays as this project's stack renders them (../holidays.ts): their overrides become the holidays of
  // org.yaml (below), which the plan renders again whole, so the part beyond the rotation's hours is no finding.
  const holidays = readHolidays(holidayRotations);
  for (const x of imported) {
    const start = Date.parse(String(x.o.inputs.startDate));
    if (!holidayOverride(holidays, `${x.squad}/${x.id}`, x.zone, start, Date.parse(String(x.o.inputs.endDate)))) continue;
    if (x.beyondHours) state.findings.splice(state.findings.indexOf(x.beyondHours), 1);
    if (!x.linked) state.link(x.o, names.override(x.squad, x.id, start));
  }

  for (const team of teams) {
    const squad = squadOf.get(team.name) as string;
    const file = squadFiles.get(squad);
    if (!file) continue;
    const context: SquadContext = { squad, file, team, rotationsOf, squadOf, businessHours };
    contexts.set(squad, context);
    importRouting(state, context);
  }
  for (const r of observed.resources) {
    if ((r.type === OG.apiIntegration || r.type === OG.emailIntegration) && !state.links.some((l) => l.observed === r.name))
      importIntegration(state, r, squadOf, squadFiles);
  }
  if (holidays) {
    writeHolidays(holidays, org, squadFiles);
    const { what, why } = holidaysFinding(holidays);
    state.find(what, why, schedules[0]!.from, 'approximated');
  }
  return {
    teams: { org, squads: squadFiles, alerts: new Map(), comments: state.comments },
    links: state.links,
    findings: state.findings,
  };
}

/** The rotation whose coverage holds most of [from, to) (the first on a tie). */
function mostCovering(made: readonly MadeRotation[], from: number, to: number): MadeRotation | undefined {
  const held = (m: MadeRotation) => {
    if (!m.covered) return to - from;
    let n = 0;
    for (let t = from; t < to; t += 30 * 60_000) if (isCovered(m.zone, { kind: 'custom', intervals: m.covered }, t)) n++;
    return n;
  };
  return [...made].sort((a, b) => held(b) - held(a))[0];
}

/** The stretches of [from, to) inside weekly `intervals` read in `zone`, to the minute. */
function coveredPieces(zone: string, intervals: readonly Interval[], from: number, to: number): Interval[] {
  const windows = { kind: 'custom' as const, intervals };
  const out: Interval[] = [];
  let open: number | undefined;
  for (let t = from; t < to; t += 60_000) {
    const inside = isCovered(zone, windows, t);
    if (inside && open === undefined) open = t;
    if (!inside && open !== undefined) {
      out.push([open, t]);
      open = undefined;
    }
  }
  if (open !== undefined) out.push([open, to]);
  return out;
}

/** The business hours of the first routing rule this project named so, else the YAML default. */
function businessHoursOf(observed: ObservedState): Interval[] {
  const rule = ofType(observed, OG.routingRule).find((r) => r.inputs.name === 'Business hours' && r.inputs.timeRestrictions !== undefined);
  const intervals = rule ? restrictionIntervals(rule.inputs.timeRestrictions) : undefined;
  // Business hours are one window a day on some days (`defaults.businessHours` is one window).
  if (!intervals || windowsOf(intervals).length !== 1) return BUSINESS_DEFAULT;
  return intervals;
}

function importIntegration(state: ImportState, r: ObservedResource, squadOf: Map<string, string>, files: Map<string, TeamFile>): void {
  const owner = refName(r.inputs.ownerTeamId);
  const squad = owner === undefined ? undefined : squadOf.get(owner);
  const file = squad === undefined ? undefined : files.get(squad);
  if (squad === undefined || !file) {
    state.find('integration without a team', 'intake belongs to a squad; the integration has no owner team imported', r.from);
    return;
  }
  const responders = Array.isArray(r.inputs.responders) ? r.inputs.responders : [];
  if (r.inputs.enabled === false) state.find('disabled integration', 'the YAML has no disabled intake', r.from, 'approximated');
  if (responders.some((x) => refName((x as Inputs).id) !== owner))
    state.find('integration responders', 'the YAML pages the owning squad only', r.from, 'approximated');
  if (r.type === OG.emailIntegration) {
    file.intake = { email: true };
    state.link(r, names.integration(squad, 'email'));
    if (r.inputs.emailUsername !== squad)
      state.find(
        'e-mail address',
        `a stack's e-mail intake address is the squad id (${squad}@…): senders of ${String(r.inputs.emailUsername)}@… must be told`,
        r.from,
        'approximated',
      );
    return;
  }
  if (r.inputs.type === 'Datadog') {
    state.link(r, names.integration(squad, 'datadog'));
    return;
  }
  state.find(
    `${String(r.inputs.type)} integration`,
    r.inputs.type === 'API'
      ? 'alerts sent with its key page the team; the YAML raises alerts from its monitors (a Datadog integration per squad) and by e-mail: the senders must move to one of them'
      : 'the YAML has no intake of this kind (monitors through a Datadog integration per squad, and e-mail): it stays in the account, unmanaged',
    r.from,
  );
}
