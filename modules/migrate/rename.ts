/**
 * The observed state under the names the renderer gives the imported YAML: references follow their targets.
 * Observed objects without a link keep their provisional names (nothing planned stands for them).
 */
import type { Value } from '../render/desired';
import { isRef } from '../render/desired';
import type { ImportLink, ObservedResource, ObservedState } from './account';

function renameValue(v: Value, to: ReadonlyMap<string, string>): Value {
  if (isRef(v)) return { ...v, $ref: to.get(v.$ref) ?? v.$ref };
  if (Array.isArray(v)) return v.map((x) => renameValue(x, to));
  if (v !== null && typeof v === 'object') {
    if ('$invoke' in v || '$concat' in v) {
      return '$concat' in v ? { $concat: (v.$concat as Value[]).map((x) => renameValue(x, to)) } : v;
    }
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, renameValue(x, to)]));
  }
  return v;
}

export function renameObserved(observed: ObservedState, links: readonly ImportLink[]): ObservedState {
  const to = new Map(links.map((l) => [l.observed, l.planned]));
  const resources: ObservedResource[] = observed.resources.map((r) => ({
    ...r,
    name: to.get(r.name) ?? r.name,
    inputs: Object.fromEntries(Object.entries(r.inputs).map(([k, v]) => [k, renameValue(v, to)])),
    ...(r.options?.dependsOn ? { options: { ...r.options, dependsOn: r.options.dependsOn.map((d) => to.get(d) ?? d) } } : {}),
  }));
  return { ...observed, resources };
}
