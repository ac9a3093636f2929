import { didYouMean, hinted } from '../core/suggest';
import type { TeamFiles } from '../spec/load-tree';
import type { SourceTree } from '../spec/source';
import { checkDate, checkPhone, checkUrl, maskPhone } from './checks-common';
import { reportDuplicate, sourceOf, type Reporter } from './reporter';
import type { ResolvedOrg } from './resolve-org';
import { resolveEscalations, resolveRouting } from './resolve-escalation';
import { resolveRotations } from './resolve-rotation';
import { resolvePromises } from './resolve-services';
import { resolveAlerts, resolveServices } from './resolve-alerts';
import { checkStepsFitOneDial, resolveLinePhoneOptions } from './resolve-phone-speech';
import type { PhoneLine, Rotation, Source, Squad, Unavailability } from './types';

/**
 * Every squad's rotations, by `squad/id`, in squad and file order: resolved first, so that any squad's routing
 * can name another squad's rotation (a pool serving several squads).
 */
export function resolveAllRotations(r: Reporter, teams: readonly TeamFiles[], org: ResolvedOrg): Map<string, Rotation> {
  const out = new Map<string, Rotation>();
  for (const files of teams) {
    if (!files.team) continue;
    const { yaml: file, spec } = files.team;
    const rotations = resolveRotations({ r, file, squad: files.id, squadMembers: spec.members, org }, spec.rotations ?? {});
    for (const rotation of rotations.values()) out.set(rotation.key, rotation);
  }
  return out;
}

export interface OrgIndex {
  readonly rotationIdsBySquad: ReadonlyMap<string, readonly string[]>;
  /** Every squad's resolved rotations by `squad/id`, resolved before any squad's routing (which may name a pool's). */
  readonly rotations: ReadonlyMap<string, Rotation>;
  readonly alertIds: Map<string, Source>;
  readonly serviceIds: Map<string, Source>;
  readonly statusPageNames: Map<string, { file: string; line: number }>;
  readonly phoneNumbers: Map<string, string>;
}

export function resolveSquad(
  r: Reporter,
  files: TeamFiles,
  org: ResolvedOrg,
  tree: SourceTree,
  index: OrgIndex,
): { squad?: Squad; unavailability: Unavailability[] } {
  const teamFile = files.team;
  if (!teamFile) return { unavailability: [] };
  const { yaml: file, spec } = teamFile;
  const id = files.id;
  const people = org.people;
  const unknownPerson = (path: (string | number)[], who: string, role: string): void =>
    r.error(file, path, 'ref/unknown-person', hinted(`unknown person \`${who}\` in ${role}`, didYouMean(who, people.keys())));

  spec.members.forEach((m, i) => {
    if (!people.has(m)) unknownPerson(['members', i], m, `the members of \`${id}\``);
  });
  if (spec.manager !== undefined && !people.has(spec.manager)) unknownPerson(['manager'], spec.manager, `the manager of \`${id}\``);

  const rotations = new Map([...index.rotations.values()].filter((rot) => rot.squad === id).map((rot) => [rot.id, rot]));
  const escalationContext = {
    r,
    file,
    squad: id,
    spec,
    org,
    rotations,
    rotationIdsBySquad: index.rotationIdsBySquad,
    allRotations: index.rotations,
  };
  const escalations = resolveEscalations(escalationContext);
  const routing = resolveRouting(escalationContext, escalations);

  const services = resolvePromises(escalationContext, escalations, routing, resolveServices(r, file, id, spec.services ?? {}));
  for (const service of services.values()) {
    const previous = index.serviceIds.get(service.id);
    if (previous)
      reportDuplicate(r, `service id \`${service.id}\``, previous, service.source, '; service ids are unique across the organisation');
    else index.serviceIds.set(service.id, service.source);
    if (service.statusPage) {
      const name = service.statusPage.name;
      const other = index.statusPageNames.get(name.toLowerCase());
      if (other)
        r.error(
          file,
          ['services', service.id, 'statusPage'],
          'service/duplicate-status-name',
          `status-page name "${name}" is already used at ${other.file}:${other.line}`,
        );
      else index.statusPageNames.set(name.toLowerCase(), { file: service.source.file, line: service.source.line });
    }
  }

  const alerts = resolveAlerts(
    { r, squad: id, tree, org, services, escalationIds: Object.keys(spec.escalations ?? {}) },
    file,
    spec.alerts,
    files.alertFiles,
    index.alertIds,
  );

  let phone: PhoneLine | undefined;
  if (spec.phone) {
    const p = spec.phone;
    const router = p.router ?? org.defaults.phoneRouter;
    const fallback = p.fallback ?? org.defaults.phoneFallback;
    let ok = checkPhone(r, file, ['phone', 'number'], p.number);
    if (p.router) ok = checkUrl(r, file, ['phone', 'router'], p.router) && ok;
    if (p.fallback) ok = checkUrl(r, file, ['phone', 'fallback'], p.fallback) && ok;
    if (router === undefined) {
      r.error(file, ['phone'], 'phone/no-router', 'the phone line needs a `router` URL (here or as `phone.router` in org.yaml)', true);
      ok = false;
    } else if (fallback === undefined) {
      r.warning(file, ['phone'], 'phone/no-fallback', 'no `fallback` router: calls fail while the router host is down', true);
    } else if (router === fallback) {
      r.error(
        file,
        ['phone', p.fallback ? 'fallback' : 'router'],
        'phone/same-host',
        'the fallback router must be a different, independent host from the primary',
      );
    }
    if (Object.keys(spec.rotations ?? {}).length === 0 && routing.length === 0) {
      r.error(file, ['phone'], 'phone/no-rotation', 'the phone line rings whoever is on call, but the squad has no rotation', true);
      ok = false;
    }
    const other = index.phoneNumbers.get(p.number);
    if (other !== undefined) {
      r.error(
        file,
        ['phone', 'number'],
        'phone/duplicate-number',
        `the number ${maskPhone(p.number)} is already the line of squad \`${other}\``,
      );
      ok = false;
    } else index.phoneNumbers.set(p.number, id);
    for (const person of people.values()) {
      if (person.phone === p.number) {
        r.error(file, ['phone', 'number'], 'phone/is-a-person', `the line's number is also \`${person.id}\`'s phone; calls would loop`);
        ok = false;
      }
    }
    const options = resolveLinePhoneOptions(r, file, p, org.defaults.phone);
    if (!checkStepsFitOneDial(r, file, escalations) || !options) ok = false;
    if (ok && router !== undefined && options) {
      phone = {
        squad: id,
        number: p.number,
        sid: p.sid,
        router,
        fallback,
        ...options,
        retired: p.retired ?? false,
        source: sourceOf(file, ['phone']),
      };
    }
  }

  const unavailability: Unavailability[] = [];
  (spec.unavailable ?? []).forEach((u, i) => {
    let ok = true;
    if (!people.has(u.person)) {
      unknownPerson(['unavailable', i, 'person'], u.person, 'an unavailability');
      ok = false;
    }
    ok = checkDate(r, file, ['unavailable', i, 'from'], u.from) && ok;
    ok = checkDate(r, file, ['unavailable', i, 'to'], u.to) && ok;
    if (ok && u.to < u.from) {
      r.error(file, ['unavailable', i, 'to'], 'unavailable/end-before-start', `\`to\` (${u.to}) is before \`from\` (${u.from})`);
      ok = false;
    }
    if (ok)
      unavailability.push({
        person: u.person,
        squad: id,
        from: u.from,
        to: u.to,
        reason: u.reason,
        source: sourceOf(file, ['unavailable', i]),
      });
  });

  const team: Squad = {
    id,
    name: spec.name,
    description: spec.description,
    manager: spec.manager,
    members: spec.members,
    rotations,
    escalations,
    routing,
    services,
    alerts,
    phone,
    emailIntake: spec.intake?.email ?? false,
    intakeSource: spec.intake?.email ? sourceOf(file, ['intake', 'email']) : undefined,
    retired: spec.retired ?? false,
    source: { file: file.file, line: 1, column: 1 },
  };
  return { squad: team, unavailability };
}
