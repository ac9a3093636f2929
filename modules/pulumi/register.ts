/**
 * Registers a desired state with the Pulumi SDK, and nothing else: every resource exactly as rendered, its
 * symbolic references replaced by the outputs they name, under the component of its squad.
 */
import * as pulumi from '@pulumi/pulumi';
import type { DesiredResource, DesiredState, Value } from '../render/desired';
import { isConcat, isInvoke, isRef } from '../render/desired';
import { descriptorOf } from '../backends';
import { LOOKUPS, RESOURCE_CLASSES } from './registry';

/** Resources in an order where every reference and every `dependsOn` points to one registered before it. */
export function dependencyOrder(resources: readonly DesiredResource[]): DesiredResource[] {
  const byName = new Map(resources.map((r) => [r.name, r]));
  const done = new Set<string>();
  const out: DesiredResource[] = [];
  const refsOf = (v: Value, acc: string[]): string[] => {
    if (isRef(v)) acc.push(v.$ref);
    else if (isConcat(v)) v.$concat.forEach((x) => refsOf(x, acc));
    else if (Array.isArray(v)) v.forEach((x) => refsOf(x, acc));
    else if (v !== null && typeof v === 'object' && !isInvoke(v)) Object.values(v).forEach((x) => refsOf(x, acc));
    return acc;
  };
  const visit = (r: DesiredResource, path: Set<string>): void => {
    if (done.has(r.name)) return;
    if (path.has(r.name)) throw new Error(`reference cycle through ${r.name}`);
    path.add(r.name);
    for (const dep of [...refsOf(r.inputs as Value, []), ...(r.options?.dependsOn ?? [])]) {
      const target = byName.get(dep);
      if (!target) throw new Error(`${r.name} refers to ${dep}, which is not in the stack`);
      visit(target, path);
    }
    path.delete(r.name);
    done.add(r.name);
    out.push(r);
  };
  for (const r of resources) visit(r, new Set());
  return out;
}

function missing(name: string, dep: string): never {
  throw new Error(`${name} depends on ${dep}, which is not registered`);
}

/** Inputs added to every resource of a type: the provider configuration the override resources need. */
export type ExtraInputs = Readonly<Record<string, Readonly<Record<string, pulumi.Input<unknown>>>>>;

/** The Pulumi name of a resource of the desired state, and the names it had before (aliases). */
export interface Naming {
  readonly name: (name: string) => string;
  readonly formerNames: (name: string) => string[];
}

const PLAIN: Naming = { name: (n) => n, formerNames: () => [] };

/** Registers every resource; the map returned is keyed by the desired state's names. */
export function registerDesiredState(
  state: DesiredState,
  parentOf: (squad: string) => pulumi.Resource,
  extraInputs: ExtraInputs = {},
  naming: Naming = PLAIN,
): Map<string, pulumi.CustomResource> {
  const registered = new Map<string, pulumi.CustomResource>();
  const lookups = new Map<string, pulumi.Output<Record<string, unknown>>>();
  const resolve = (v: Value, parent: pulumi.Resource): pulumi.Input<unknown> => {
    if (isRef(v)) {
      const target = registered.get(v.$ref);
      if (!target) throw new Error(`unresolved reference to ${v.$ref}`);
      return (target as unknown as Record<string, pulumi.Output<unknown>>)[v.property];
    }
    if (isInvoke(v)) {
      const key = `${v.$invoke}:${JSON.stringify(v.args)}`;
      let out = lookups.get(key);
      if (!out) {
        const lookup = LOOKUPS[v.$invoke];
        if (!lookup) throw new Error(`no lookup for ${v.$invoke}`);
        const args = Object.fromEntries(Object.entries(v.args).map(([k, x]) => [k, typeof x === 'string' ? x : resolve(x, parent)]));
        out = lookup(args as Record<string, pulumi.Input<string>>, { parent });
        lookups.set(key, out);
      }
      return out.apply((r) => r[v.property]);
    }
    if (isConcat(v)) return pulumi.concat(...v.$concat.map((x) => resolve(x, parent)));
    if (Array.isArray(v)) return v.map((x) => resolve(x, parent));
    if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, resolve(x, parent)]));
    return v;
  };
  for (const r of dependencyOrder(state.resources)) {
    const Class = RESOURCE_CLASSES[r.type];
    if (!Class) throw new Error(`no class registers ${r.type}`);
    const parent = parentOf(r.squad);
    const secret = descriptorOf(r.type)?.secretInputs ?? [];
    const input = (k: string, v: Value) => (secret.includes(k) ? pulumi.secret(resolve(v, parent)) : resolve(v, parent));
    const inputs = { ...Object.fromEntries(Object.entries(r.inputs).map(([k, v]) => [k, input(k, v)])), ...extraInputs[r.type] };
    const former = naming.formerNames(r.name);
    const opts: pulumi.CustomResourceOptions = {
      parent,
      ...(former.length > 0 ? { aliases: former.map((name) => ({ name })) } : {}),
      ...(r.options?.protect ? { protect: true } : {}),
      ...(r.options?.retainOnDelete ? { retainOnDelete: true } : {}),
      ...(r.options?.dependsOn ? { dependsOn: r.options.dependsOn.map((d) => registered.get(d) ?? missing(r.name, d)) } : {}),
    };
    registered.set(r.name, new Class(naming.name(r.name), inputs as never, opts));
  }
  return registered;
}
