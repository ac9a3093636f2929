/**
 * Resource names join ids with `-` (modules/render/names.ts): squad `a-b` with rotation `c` and squad `a` with
 * rotation `b-c` both name a schedule `a-b-c-schedule`. Pulumi identifies a resource by its type and name, so
 * two such objects would be one resource at `pulumi up`. Found here, for every backend, before anything renders.
 */
import type { Problem } from '../core/problem';
import type { Organisation, Source } from '../model/types';
import { names } from './names';

interface Named {
  readonly name: string;
  /** What the YAML calls the object, for the message. */
  readonly what: string;
  readonly source: Source;
}

/** The burn-rate monitors of an SLO alert (modules/render/alerts/slo.ts): the same type as other alerts' monitors. */
const BURN_MONITOR_SUFFIXES = ['fast-burn', 'slow-burn'] as const;

/** The id-derived names of one resource kind each, for the whole organisation, with where each comes from. */
function namesByKind(org: Organisation): Map<string, Named[]> {
  const kinds = new Map<string, Named[]>();
  const add = (kind: string, named: Named): void => {
    const list = kinds.get(kind);
    if (list) list.push(named);
    else kinds.set(kind, [named]);
  };
  for (const team of org.squads.values()) {
    for (const rotation of team.rotations.values())
      add('schedule', {
        name: names.schedule(team.id, rotation.id),
        what: `rotation \`${rotation.id}\` of squad \`${team.id}\``,
        source: rotation.source,
      });
    for (const policy of team.escalations.values())
      add('escalation', {
        name: names.escalation(team.id, policy.id),
        what: `escalation \`${policy.id}\` of squad \`${team.id}\``,
        source: policy.source,
      });
    for (const person of new Set([...team.members, ...(team.manager ? [team.manager] : [])])) {
      add('membership', {
        name: names.membership(team.id, person),
        what: `member \`${person}\` of squad \`${team.id}\``,
        source: team.source,
      });
    }
  }
  for (const alert of org.alerts.values()) {
    const own = alert.kind === 'slo' ? BURN_MONITOR_SUFFIXES.map((s) => `${alert.id}-${s}-monitor`) : [`${alert.id}-monitor`];
    for (const name of own) add('monitor', { name, what: `alert \`${alert.id}\``, source: alert.source });
  }
  return kinds;
}

export function nameClashProblems(org: Organisation): Problem[] {
  const problems: Problem[] = [];
  for (const list of namesByKind(org).values()) {
    const byName = new Map<string, Named[]>();
    for (const n of list) {
      const same = byName.get(n.name);
      if (same) same.push(n);
      else byName.set(n.name, [n]);
    }
    for (const [name, same] of byName) {
      if (same.length < 2) continue;
      for (const n of same) {
        const others = same.filter((o) => o !== n).map((o) => o.what);
        problems.push({
          ...n.source,
          severity: 'error',
          code: 'id/name-clash',
          message: `${n.what} and ${others.join(', ')} would both be the resource \`${name}\` (ids are joined with \`-\`): rename one of them`,
        });
      }
    }
  }
  return problems;
}
