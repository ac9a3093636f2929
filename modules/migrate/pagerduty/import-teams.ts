/**
 * A PagerDuty account (observed, observe.ts) as YAML: users → people (and `notify` from their notification rules),
 * teams → squads, schedules → rotations (schedule-rotations.ts), future overrides → overrides, escalation
 * policies → policies, services → services with the squad's routing or a promise, the e-mail integration →
 * `intake.email`. Each observed object the YAML stands for is linked to the name the renderer gives it, so the
 * plan of the same stack on the imported YAML compares with the account input by input. What the YAML cannot
 * say is a finding.
 */
import { DateTime } from 'luxon';
import { PD } from '../../backends/pagerduty/resources';
import { DEFAULT_EMAIL_LABEL, PHONE_LABEL } from '../../backends/pagerduty/contacts';
import { DEFAULT_EMAIL_FILTER } from '../../backends/pagerduty/render';
import { contactNames } from '../../backends/contacts';
import { isInvoke, type Value } from '../../render/desired';
import { names } from '../../render/names';
import type { OrgFile, TeamFile } from '../../spec/spec-types.generated';
import type { ImportFinding, ImportLink, ImportOptions, ImportResult, ObservedResource, ObservedState } from '../account';
import { IdScope, slug } from '../ids';
import { PD_USER } from './observe';
import { holidaysFinding, onHoliday, readHolidays, writeHolidays, type HolidayRotation } from '../holidays';
import {
  emailOf,
  MANAGED,
  METHOD,
  minutes,
  refName,
  str,
  type EscalationSpec,
  type Inputs,
  type Mutable,
  type NotifyEntry,
  type Person,
  type RotationSpec,
  type ServiceSpec,
  type Squad,
} from './import-parts';
import { outsideCoverage, promiseFor, routingFor, sameAsRouting, urgencyShape } from './service-urgency';
import { scheduleRotations, type ImportedRotation, type LayerInput, type YamlWindow } from './schedule-rotations';

export function importPagerDuty(observed: ObservedState, options: ImportOptions): ImportResult {
  const findings: ImportFinding[] = [];
  const links: ImportLink[] = [];
  const comments = new Map<string, string>();
  const byType = (type: string) => observed.resources.filter((r) => r.type === type);
  const find = (r: ObservedResource, what: string, why: string, kind: ImportFinding['kind'] = 'dropped') =>
    findings.push({ source: r.from, what, why, kind });
  const link = (r: ObservedResource | undefined, planned: string) => {
    if (r) links.push({ observed: r.name, planned });
  };

  // People, by e-mail.
  const people = new Map<string, { id: string; person: Person; resource: ObservedResource }>();
  const personIds = new IdScope('person');
  const zoneCount = new Map<string, number>();
  for (const u of byType(PD_USER))
    zoneCount.set(str(u.inputs.timeZone) || 'UTC', (zoneCount.get(str(u.inputs.timeZone) || 'UTC') ?? 0) + 1);
  const orgZone = [...zoneCount].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? 'UTC';
  for (const u of byType(PD_USER)) {
    const email = str(u.inputs.email);
    const id = personIds.take(str(u.inputs.name) || email.split('@')[0]!);
    const zone = str(u.inputs.timeZone);
    people.set(email, {
      id,
      resource: u,
      person: { name: str(u.inputs.name) || email, email, ...(zone && zone !== orgZone ? { timezone: zone } : {}) },
    });
    comments.set(`org.yaml#/people/${id}`, `PagerDuty user ${u.id}`);
  }
  const personOf = (v: Value | undefined, where: ObservedResource): string | undefined => {
    const email = emailOf(v);
    const p = email === undefined ? undefined : people.get(email);
    if (!p) find(where, `user ${email ?? '?'}`, 'not among the account users read');
    return p?.id;
  };

  // Squads from teams: the squad id our renderer wrote in its schedules' descriptions, else from the team's name.
  const squads = new Map<string, Squad>();
  const squadOfTeam = new Map<string, Squad>();
  const squadIds = new IdScope('squad');
  const teams = byType(PD.team);
  const renderedSquad = new Map<string, string>();
  for (const s of byType(PD.schedule)) {
    const m = MANAGED.exec(str(s.inputs.description));
    const team = refName((s.inputs.teams as Value[] | undefined)?.[0]);
    if (m && team && !renderedSquad.has(team)) renderedSquad.set(team, m[1]!);
  }
  // …or in the address of an e-mail integration (`<squad>@…` or `<squad>.<service>@…`) of a service of the team.
  const policyTeam = new Map(byType(PD.escalation).map((p) => [p.name, refName(p.inputs.teams)]));
  const serviceTeam = new Map(byType(PD.service).map((s) => [s.name, policyTeam.get(refName(s.inputs.escalationPolicy) ?? '')]));
  for (const i of byType(PD.integration)) {
    const team = serviceTeam.get(refName(i.inputs.service) ?? '');
    const local = /^([a-z][a-z0-9]*(?:-[a-z0-9]+)*)(?:\.[a-z0-9-]+)?@/.exec(str(i.inputs.integrationEmail));
    // Only the integration our renderer names `E-mail`: another account's address says nothing of squads.
    if (team && local && str(i.inputs.name) === 'E-mail' && !renderedSquad.has(team)) renderedSquad.set(team, local[1]!);
  }
  const newSquad = (id: string, name: string, description?: string): Squad => {
    const squad: Squad = {
      id,
      teamName: name,
      file: { name, ...(description ? { description } : {}), members: [] as unknown as TeamFile['members'] },
      rotationIds: new IdScope('rotation'),
      policyIds: new IdScope('escalation'),
      zones: new Map(),
      covers: new Map(),
      groups: new Map(),
    };
    squads.set(id, squad);
    return squad;
  };
  for (const t of teams) {
    const hint = renderedSquad.get(t.name);
    let id: string;
    if (hint !== undefined && !squads.has(hint)) {
      squadIds.reserve(hint);
      id = hint;
    } else id = squadIds.take(str(t.inputs.name));
    const squad = newSquad(id, str(t.inputs.name), str(t.inputs.description) || undefined);
    squadOfTeam.set(t.name, squad);
    link(t, names.team(id));
    comments.set(`${id}/team.yaml#/name`, `PagerDuty team ${t.id}`);
  }
  let unassigned: Squad | undefined;
  const squadFor = (team: string | undefined, r: ObservedResource): Squad => {
    const squad = team === undefined ? undefined : squadOfTeam.get(team);
    if (squad) return squad;
    if (!unassigned) {
      unassigned = newSquad(squadIds.take('unassigned'), 'Unassigned');
      comments.set(`${unassigned.id}/team.yaml#/name`, 'PagerDuty objects that belong to no team');
    }
    find(r, 'team', `belongs to no PagerDuty team: imported into squad \`${unassigned.id}\``, 'approximated');
    return unassigned;
  };

  // Members: responders; the `manager` role is the squad's manager when no member.
  for (const m of byType(PD.membership)) {
    const squad = squadOfTeam.get(refName(m.inputs.teamId) ?? '');
    const person = personOf(m.inputs.userId, m);
    if (!squad || !person) continue;
    const role = str(m.inputs.role);
    if (role === 'manager' && squad.file.manager === undefined) {
      squad.file.manager = person;
      link(m, names.membership(squad.id, person));
      continue;
    }
    if (role !== 'responder')
      find(m, `role ${role}`, `the YAML has one manager and members (responders): imported as a member`, 'approximated');
    (squad.file.members as string[]).push(person);
    if (role === 'responder') link(m, names.membership(squad.id, person));
  }

  // Rotations from schedules.
  const holidayRotations: HolidayRotation[] = [];
  const overrideFindings = new Map<string, ImportFinding>();
  const rotationsOfSchedule = new Map<string, Array<{ squad: Squad; id: string; rotation: ImportedRotation }>>();
  const overrides = byType(PD.override);
  for (const s of byType(PD.schedule)) {
    const teamRefs = (s.inputs.teams as Value[] | undefined) ?? [];
    const squad = squadFor(refName(teamRefs[0]), s);
    if (teamRefs.length > 1) find(s, 'teams after the first', 'a rotation belongs to one squad', 'approximated');
    const zone = str(s.inputs.timeZone);
    const layers = ((s.inputs.layers as Inputs[] | undefined) ?? []).map(
      (l): LayerInput => ({
        ...(l.name === undefined ? {} : { name: str(l.name) }),
        start: str(l.start),
        ...(l.end === undefined ? {} : { end: str(l.end) }),
        rotationVirtualStart: str(l.rotationVirtualStart),
        rotationTurnLengthSeconds: Number(l.rotationTurnLengthSeconds),
        users: (l.users as Value[]).map((u) => emailOf(u) ?? ''),
        restrictions: (l.restrictions as LayerInput['restrictions']) ?? [],
      }),
    );
    if (layers.length === 0) {
      find(s, 'schedule', 'no current layer: a rotation needs members and a start');
      continue;
    }
    const managed = MANAGED.exec(str(s.inputs.description));
    const prefix = `${squad.teamName}: `;
    const title = str(s.inputs.name).startsWith(prefix) ? str(s.inputs.name).slice(prefix.length) : str(s.inputs.name);
    const imported = scheduleRotations(layers, zone);
    const list: Array<{ squad: Squad; id: string; rotation: ImportedRotation }> = [];
    imported.forEach((rotation) => {
      const single = imported.length === 1;
      const hint = single ? (managed?.[2] ?? rotation.idHint) : undefined;
      const id =
        hint !== undefined && /^[a-z]/.test(hint)
          ? takeExact(squad.rotationIds, hint)
          : squad.rotationIds.take(single ? title : `${title} ${rotation.layers[0]}`);
      const name = single ? title : `${title} (${rotation.layers.join(', ')})`;
      const members = rotation.members.map((e) => people.get(e)?.id ?? slug(e));
      const spec: Mutable<RotationSpec> = {
        ...(name !== id ? { name } : {}),
        members: members as RotationSpec['members'] & string[],
        start: rotation.start,
        every: rotation.every,
        handoff: rotation.handoff,
        timezone: zone,
        ...(rotation.coverage ? { coverage: rotation.coverage as [YamlWindow, ...YamlWindow[]] } : {}),
        ...(rotation.changes.length > 0
          ? {
              changes: rotation.changes.map((c) => ({
                from: c.from,
                members: c.members.map((e) => people.get(e)?.id ?? slug(e)) as [string, ...string[]],
              })),
            }
          : {}),
      };
      const rotations = (squad.file.rotations ??= {});
      rotations[id] = spec as RotationSpec;
      squad.zones.set(id, zone);
      squad.covers.set(id, rotation.intervals);
      list.push({ squad, id, rotation });
      comments.set(
        `${squad.id}/team.yaml#/rotations/${id}`,
        `PagerDuty schedule "${str(s.inputs.name)}" (${s.id}), layers: ${rotation.layers.join(', ')}`,
      );
      for (const p of rotation.problems) find(s, `layer ${rotation.layers[0]}`, p, 'approximated');
    });
    if (imported.length > 1)
      find(
        s,
        'layer precedence',
        `layers that overlap with precedence become ${imported.length} rotations with disjoint coverage (${list.map((r) => r.id).join(', ')}); they page the same people, but the stack renders one schedule for each`,
        'approximated',
      );
    for (const { id } of list)
      squad.groups.set(
        id,
        list.map((r) => r.id),
      );
    const coming = overrides
      .filter((x) => refName(x.inputs.scheduleId) === s.name)
      .map((x) => ({ start: Date.parse(str(x.inputs.start)), end: Date.parse(str(x.inputs.end)) }))
      .filter((x) => x.end > options.now);
    for (const { id, rotation } of list)
      holidayRotations.push({ key: `${squad.id}/${id}`, squad: squad.id, zone, intervals: rotation.intervals, overrides: coming });
    link(s, names.schedule(squad.id, list[0]!.id));
    rotationsOfSchedule.set(s.name, list);

    // Overrides still to come: on each rotation of the schedule (cut to its coverage when rendered).
    for (const o of overrides.filter((x) => refName(x.inputs.scheduleId) === s.name)) {
      const start = DateTime.fromISO(str(o.inputs.start), { setZone: true });
      const end = DateTime.fromISO(str(o.inputs.end), { setZone: true });
      if (end.toMillis() <= options.now) continue;
      const person = personOf(o.inputs.userId, o);
      if (!person) continue;
      if (start.second !== 0 || end.second !== 0) find(o, 'seconds of the override', 'the YAML gives times to the minute', 'approximated');
      const text = (d: DateTime) => d.setZone(zone).toFormat("yyyy-MM-dd'T'HH:mmZZ");
      for (const { id } of list) {
        const rotation = squad.file.rotations![id] as Mutable<RotationSpec>;
        (rotation.overrides ??= []).push({ person, start: text(start), end: text(end) });
      }
      link(o, names.override(squad.id, list[0]!.id, start.toMillis()));
      const outside = outsideCoverage(list[0]!.rotation.intervals, start.toMillis(), end.toMillis(), zone);
      if (list.length === 1 && outside) {
        find(
          o,
          'override outside the rotation coverage',
          "PagerDuty overrides the final schedule at all hours; a YAML override applies within its rotation's coverage",
          'approximated',
        );
        overrideFindings.set(o.name, findings[findings.length - 1]!);
      }
    }
  }

  // Public holidays as this project's stack renders them: business hours, off hours and dated holidays.
  const holidays = readHolidays(holidayRotations);
  if (holidays) {
    for (const squad of squads.values()) {
      for (const [id, spec] of Object.entries(squad.file.rotations ?? {})) {
        const key = `${squad.id}/${id}`;
        const kind = holidays.businessRotations.has(key) ? 'business-hours' : holidays.offHoursRotations.has(key) ? 'off-hours' : undefined;
        if (!kind) continue;
        const rotation = spec as Mutable<RotationSpec>;
        rotation.coverage = kind;
        const zone = rotation.timezone ?? 'UTC';
        const kept = (rotation.overrides ?? []).filter((o) => !onHoliday(holidays, zone, Date.parse(o.start), Date.parse(o.end)));
        if (kept.length > 0) rotation.overrides = kept as RotationSpec['overrides'];
        else delete rotation.overrides;
      }
    }
    for (const o of overrides) {
      const finding = overrideFindings.get(o.name);
      const zone = str(o.inputs.timeZone);
      if (finding && onHoliday(holidays, zone, Date.parse(str(o.inputs.start)), Date.parse(str(o.inputs.end))))
        findings.splice(findings.indexOf(finding), 1);
    }
    const { what, why } = holidaysFinding(holidays);
    find(byType(PD.schedule)[0]!, what, why, 'approximated');
  }

  // Escalation policies.
  const policyOf = new Map<string, { squad: Squad; id: string; totalMinutes: number }>();
  for (const p of byType(PD.escalation)) {
    const rules = (p.inputs.rules as Inputs[] | undefined) ?? [];
    const firstSchedule = rules.flatMap((r) => (r.targets as Inputs[]).map((t) => refName(t.id))).find((n) => n !== undefined);
    const scheduleSquad = firstSchedule === undefined ? undefined : rotationsOfSchedule.get(firstSchedule)?.[0]?.squad;
    const team = refName(p.inputs.teams);
    const squad = team === undefined && scheduleSquad ? scheduleSquad : squadFor(team, p);
    const prefix = `${squad.teamName}: `;
    const title = str(p.inputs.name).startsWith(prefix) ? str(p.inputs.name).slice(prefix.length) : str(p.inputs.name);
    const id = squad.policyIds.take(title);
    let after = 0;
    const steps: Array<EscalationSpec['steps'][number]> = [];
    for (const r of rules) {
      const targets: Array<Exclude<EscalationSpec['steps'][number]['notify'], unknown[]>> = [];
      for (const t of r.targets as Inputs[]) {
        if (t.type === 'schedule_reference') {
          for (const rot of rotationsOfSchedule.get(refName(t.id) ?? '') ?? [])
            targets.push({ rotation: rot.squad === squad ? rot.id : `${rot.squad.id}/${rot.id}` });
        } else {
          const person = personOf(t.id, p);
          if (person) targets.push({ person });
        }
      }
      if (targets.length === 0) {
        find(p, `rule at ${after} minutes`, 'no target the YAML knows: the step is left out');
      } else
        steps.push({
          ...(after > 0 ? { after: minutes(after) } : {}),
          notify: targets.length === 1 ? targets[0]! : (targets as [(typeof targets)[0], ...typeof targets]),
        });
      after += Math.max(1, Number(r.escalationDelayInMinutes));
    }
    if (steps.length === 0) {
      find(p, 'escalation policy', 'no rule with a target the YAML knows');
      continue;
    }
    // The response target our renderer wrote in the description, when it gives the same last delay.
    const written = /^Response target (\d+) minutes\./.exec(str(p.inputs.description));
    const lastDelay = Math.max(1, Number(rules[rules.length - 1]?.escalationDelayInMinutes ?? 1));
    const lastAfter = after - lastDelay;
    if (written && Math.max(1, Number(written[1]) - lastAfter) === lastDelay) after = Number(written[1]);
    const repeat = Number(p.inputs.numLoops ?? 0);
    const spec: EscalationSpec = {
      ...(title !== id ? { name: title } : {}),
      responseTarget: minutes(after),
      ...(repeat > 0 ? { repeat } : {}),
      steps: steps as EscalationSpec['steps'],
    };
    (squad.file.escalations ??= {})[id] = spec;
    policyOf.set(p.name, { squad, id, totalMinutes: after });
    link(p, names.escalation(squad.id, id));
    comments.set(`${squad.id}/team.yaml#/escalations/${id}`, `PagerDuty escalation policy "${str(p.inputs.name)}" (${p.id})`);
  }

  // Services: the squad's routing says how the first one pages; the others follow it, or carry a promise.
  const serviceIds = new IdScope('service');
  const integrations = byType(PD.integration);
  const emailIntake = new Map<Squad, ObservedResource[]>();
  for (const s of byType(PD.service)) {
    const policy = policyOf.get(refName(s.inputs.escalationPolicy) ?? '');
    if (!policy) {
      find(s, 'service', 'its escalation policy was not imported');
      continue;
    }
    const squad = policy.squad;
    const name = str(s.inputs.name);
    const id = serviceIds.take(name);
    const description = str(s.inputs.description);
    const spec: Mutable<ServiceSpec> = {
      ...(name !== id ? { name } : {}),
      ...(description && description !== `${name}, owned by ${squad.teamName}.` ? { description } : {}),
    };
    const shape = urgencyShape(s.inputs);
    if (squad.file.routing === undefined && shape.kind !== 'other') {
      const routing = routingFor(squad, policy.id, shape);
      if (routing) squad.file.routing = routing as TeamFile['routing'];
    }
    const routed = squad.file.routing?.[0]?.escalation === policy.id && sameAsRouting(squad, shape);
    if (!routed) {
      const promise = promiseFor(shape);
      if (!promise) find(s, 'urgency rule', `${shape.why ?? 'this urgency rule'}: imported as high urgency at all times`, 'approximated');
      Object.assign(spec, { escalation: policy.id, ...(promise ?? { coverage: 'always' }) });
    }
    for (const key of ['acknowledgementTimeout', 'autoResolveTimeout'])
      if (s.inputs[key] !== undefined)
        find(s, `${key} ${str(s.inputs[key])}`, 'the YAML has no such setting: the stack sets the provider default', 'dropped');
    (squad.file.services ??= {})[id] = spec as ServiceSpec;
    link(s, names.service(id));
    comments.set(`${squad.id}/team.yaml#/services/${id}`, `PagerDuty service "${name}" (${s.id})`);

    for (const i of integrations.filter((x) => refName(x.inputs.service) === s.name)) {
      const vendor = isInvoke(i.inputs.vendor) ? String(i.inputs.vendor.args.name) : undefined;
      if (vendor === 'Datadog' && str(i.inputs.name) === 'Datadog') link(i, names.integration(id, 'datadog'));
      else if (i.inputs.type === 'generic_email_inbound_integration') {
        emailIntake.set(squad, [...(emailIntake.get(squad) ?? []), i]);
        link(i, names.integration(id, 'email'));
        const filters = JSON.stringify(i.inputs.emailFilters ?? []);
        if (filters !== JSON.stringify([DEFAULT_EMAIL_FILTER]))
          find(i, 'e-mail filters', 'the YAML takes every e-mail: the stack resets the filters to accept all', 'approximated');
        if (str(i.inputs.name) !== 'E-mail')
          find(i, `name "${str(i.inputs.name)}"`, 'the stack names the integration `E-mail`', 'approximated');
        comments.set(
          `${squad.id}/team.yaml#/intake`,
          `PagerDuty e-mail integrations: ${[...(emailIntake.get(squad) ?? [])].map((x) => str(x.inputs.integrationEmail)).join(', ')}`,
        );
      } else
        find(
          i,
          `integration "${str(i.inputs.name)}" (${vendor ?? str(i.inputs.type)})`,
          vendor === 'Datadog'
            ? 'the stack creates its own `Datadog` integration per service'
            : 'the YAML takes alerts from its monitors (a Datadog integration per service) and by e-mail: this integration and its key are not in the YAML; keep it outside the stack or move its senders',
        );
    }
  }
  for (const [squad, list] of emailIntake) {
    squad.file.intake = { email: true };
    const services = Object.keys(squad.file.services ?? {});
    if (list.length < services.length)
      find(
        list[0]!,
        'e-mail intake of some services only',
        `the YAML's \`intake.email\` gives every service of squad \`${squad.id}\` an address`,
        'approximated',
      );
    for (const i of list) {
      const address = str(i.inputs.integrationEmail);
      const [local, domain] = address.split('@');
      const service = links.find((l) => l.observed === refName(i.inputs.service))?.planned.replace(/-service$/, '');
      const first = services[0];
      const expected = service === first ? squad.id : `${squad.id}.${service}`;
      if (local !== expected)
        find(
          i,
          `address ${address}`,
          `the stack gives this service the address ${expected}@${domain ?? ''}: senders must be told`,
          'approximated',
        );
    }
  }

  // Routing of squads with rotations and policies but no service.
  for (const squad of squads.values()) {
    if (squad.file.routing !== undefined) continue;
    const rotation = Object.keys(squad.file.rotations ?? {})[0];
    const policy = Object.keys(squad.file.escalations ?? {})[0];
    if (rotation && policy) squad.file.routing = [{ rotation, escalation: policy }];
  }

  // How people are reached.
  const methodOf = new Map<string, ObservedResource>(byType(PD.contactMethod).map((m) => [m.name, m]));
  const phones = new Map<string, Set<string>>();
  for (const m of methodOf.values()) {
    const person = personOf(m.inputs.userId, m);
    if (!person) continue;
    const number = `+${Number(m.inputs.countryCode)}${str(m.inputs.address)}`;
    phones.set(person, (phones.get(person) ?? new Set()).add(number));
    if (str(m.inputs.label) !== PHONE_LABEL)
      find(m, `label "${str(m.inputs.label)}"`, `the stack labels the numbers it creates \`${PHONE_LABEL}\``, 'approximated');
  }
  const notify = new Map<string, { high: Array<[number, NotifyEntry]>; low: Array<[number, NotifyEntry]>; device?: string }>();
  for (const r of byType(PD.notificationRule)) {
    const person = personOf(r.inputs.userId, r);
    if (!person) continue;
    const cm = r.inputs.contactMethod as Inputs;
    const method = METHOD[str(cm.type)];
    const delay = Number(r.inputs.startDelayInMinutes);
    const urgency = str(r.inputs.urgency) === 'low' ? 'low' : 'high';
    if (!method) {
      find(r, `rule by ${str(cm.type)}`, 'the YAML reaches people by call, sms, push or email');
      continue;
    }
    if ((method === 'call' || method === 'sms') && !options.phones) {
      find(r, `${method} after ${delay} minutes`, 'it needs the phone number: import with phones');
      continue;
    }
    const entry = notify.get(person) ?? { high: [], low: [] };
    if (method === 'push' || method === 'email') {
      const label = isInvoke(cm.id) ? String(cm.id.args.label) : '';
      if (method === 'email' && label !== DEFAULT_EMAIL_LABEL)
        find(
          r,
          `e-mail rule to "${label}"`,
          `the stack sends e-mail rules to the user's \`${DEFAULT_EMAIL_LABEL}\` address`,
          'approximated',
        );
      if (method === 'push') {
        if (entry.device !== undefined && entry.device !== label)
          find(r, `push to "${label}"`, 'a person has one pushDevice', 'approximated');
        entry.device ??= label;
      }
    }
    if (entry[urgency].some(([d, e]) => d === delay && JSON.stringify(e).includes(method))) {
      find(r, `second ${method} rule after ${delay} minutes`, 'one rule per method and delay in the YAML');
      continue;
    }
    entry[urgency].push([delay, delay === 0 ? method : ({ [method]: minutes(delay) } as NotifyEntry)]);
    notify.set(person, entry);
    link(r, contactNames.rule(person, urgency, method, delay));
  }
  const orgPeople: Record<string, Person> = {};
  for (const { id, person, resource } of people.values()) {
    const p: Mutable<Person> = { ...person };
    const numbers = [...(phones.get(id) ?? [])];
    if (options.phones && numbers.length > 0) {
      p.phone = numbers[0]!;
      if (numbers.length > 1) find(resource, `numbers ${numbers.length - 1} more`, 'a person has one phone in the YAML', 'dropped');
    }
    const n = notify.get(id);
    if (n) {
      const sorted = (l: Array<[number, NotifyEntry]>) => l.sort((a, b) => a[0] - b[0]).map(([, e]) => e);
      const high = sorted(n.high);
      const low = sorted(n.low);
      p.notify = {
        ...(high.length ? { high: high as [NotifyEntry, ...NotifyEntry[]] } : {}),
        ...(low.length ? { low: low as [NotifyEntry, ...NotifyEntry[]] } : {}),
      };
      if (n.device !== undefined) p.pushDevice = n.device;
    }
    orgPeople[id] = p;
  }
  for (const m of methodOf.values()) {
    const person = personOf(m.inputs.userId, m);
    if (!person || !options.phones) continue;
    const kind = m.inputs.type === 'sms_contact_method' ? 'sms' : 'phone';
    const used = notify.get(person);
    const method = kind === 'sms' ? 'sms' : 'call';
    if (used && [...used.high, ...used.low].some(([, e]) => JSON.stringify(e).includes(method)))
      link(m, contactNames.contact(person, kind));
  }

  // Squads without members (PagerDuty teams may have none): their rotations' people.
  for (const squad of squads.values()) {
    const members = squad.file.members as string[];
    if (members.length === 0) {
      const fromRotations = [...new Set(Object.values(squad.file.rotations ?? {}).flatMap((r) => r.members ?? []))];
      members.push(...(fromRotations.length ? fromRotations : squad.file.manager ? [squad.file.manager] : []));
      const team = teams.find((t) => squadOfTeam.get(t.name) === squad);
      if (team)
        find(
          team,
          'members',
          "the team has no responders in PagerDuty: its rotations' people are its members (the stack adds them to the team)",
          'approximated',
        );
    }
  }

  // Nothing is dropped silently: every observed object the YAML does not stand for is a finding.
  const linked = new Set(links.map((l) => l.observed));
  const found = new Set(findings.map((f) => `${f.source.type}/${f.source.id}`));
  for (const r of observed.resources) {
    if (r.type === PD_USER || linked.has(r.name) || found.has(`${r.from.type}/${r.from.id}`)) continue;
    const ended = r.type === PD.override && Date.parse(str(r.inputs.end)) <= options.now;
    if (ended) continue; // history: an override over before the import
    find(r, r.from.type, 'nothing of the YAML stands for it: the stack neither creates nor adopts it, and leaves it as it is');
  }

  const org: OrgFile = { name: 'PagerDuty', defaults: { timezone: orgZone }, people: orgPeople };
  // Business hours, routing during them and the dated holidays (the rotations are done above).
  if (holidays) writeHolidays(holidays, org, new Map([...squads.values()].map((q) => [q.id, q.file as TeamFile])));
  const out = new Map<string, TeamFile>();
  for (const squad of [...squads.values()]) {
    if ((squad.file.members as string[]).length === 0) {
      findings.push({
        source: { backend: 'pagerduty', type: 'team', id: squad.id, name: squad.teamName },
        what: 'squad',
        why: 'no members and no rotation',
        kind: 'dropped',
      });
      continue;
    }
    out.set(squad.id, squad.file as TeamFile);
  }
  return {
    teams: { org, squads: out, alerts: new Map(), comments },
    links: links.sort((a, b) => (a.observed < b.observed ? -1 : 1)),
    findings,
  };
}

/** The id our renderer wrote, when still free in the scope (else the next free one). */
function takeExact(scope: IdScope, id: string): string {
  return scope.take(id);
}
