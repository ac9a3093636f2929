/**
 * The squads a pull request leaves alone, whose resources are the same at the base and at the head: none of
 * their files changed, nor those of a squad whose rotations they name or that names theirs (a pool), and
 * org.yaml is the same. A pull-request check renders the base of only the others, and takes these from the
 * head. With public holidays as off hours, a rotation's holiday overrides follow every squad that routes to it:
 * nothing is taken then.
 */
import type { Organisation, Squad } from '../model/types';
import type { SourceTree } from '../spec/source';

/** The squads whose rotations a squad names, in its routing or its escalation steps. */
function namedSquads(squad: Squad): Set<string> {
  const keys = [
    ...squad.routing.map((r) => r.rotation),
    ...[...squad.escalations.values()].flatMap((p) =>
      p.steps.flatMap((s) => s.targets.flatMap((t) => (t.kind === 'rotation' ? [t.rotation] : []))),
    ),
  ];
  return new Set(keys.map((k) => k.split('/')[0] ?? k));
}

export function unchangedSquads(base: SourceTree, head: SourceTree, baseOrg: Organisation, headOrg: Organisation): Set<string> {
  if (baseOrg.holidays.offHours || headOrg.holidays.offHours) return new Set();
  const changed = new Set<string>();
  const paths = new Set([...base.files.keys(), ...head.files.keys(), ...base.oversized.keys(), ...head.oversized.keys()]);
  for (const path of paths) {
    if (base.files.get(path) === head.files.get(path) && base.oversized.get(path) === head.oversized.get(path)) continue;
    const slash = path.indexOf('/');
    // org.yaml, or any file outside a squad's folder: everything may change.
    if (slash < 0) return new Set();
    changed.add(path.slice(0, slash));
  }
  const affected = new Set(changed);
  for (const org of [baseOrg, headOrg]) {
    for (const squad of org.squads.values()) {
      const named = namedSquads(squad);
      if ([...named].some((s) => changed.has(s))) affected.add(squad.id);
      if (changed.has(squad.id)) named.forEach((s) => affected.add(s));
    }
  }
  return new Set([...headOrg.squads.keys()].filter((id) => baseOrg.squads.has(id) && !affected.has(id)));
}
