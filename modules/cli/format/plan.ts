/** `oncall plan` output: the desired state as JSON, or grouped by squad for people (text, markdown). */
import { descriptorOf } from '../../backends';
import type { DesiredResource, DesiredState } from '../../render/desired';

export const PLAN_FORMATS = ['text', 'json', 'markdown'] as const;
export type PlanFormat = (typeof PLAN_FORMATS)[number];

export function planJson(state: DesiredState): string {
  return JSON.stringify(
    {
      stack: state.stack,
      backend: state.backend,
      resources: state.resources.map((r) => ({
        type: r.type,
        name: r.name,
        inputs: r.inputs,
        ...(r.options ? { options: r.options } : {}),
        ...(r.origin ? { origin: r.origin } : {}),
      })),
    },
    null,
    2,
  );
}

/** `pagerduty:index/schedule:Schedule` → `pagerduty Schedule`. */
export function shortType(type: string): string {
  const [pkg, , name] = type.split(':');
  return `${(pkg ?? '').replace('pulumi-nodejs', 'dynamic')} ${name ?? type}`;
}

/** One line that says what matters about a resource, as its type's descriptor summarises it. */
export function describeResource(r: DesiredResource): string {
  return (descriptorOf(r.type)?.summary(r.inputs) ?? []).join('; ');
}

function grouped(state: DesiredState): Map<string, DesiredResource[]> {
  const groups = new Map<string, DesiredResource[]>();
  for (const r of state.resources) groups.set(r.squad, [...(groups.get(r.squad) ?? []), r]);
  return groups;
}

export function planText(state: DesiredState): string {
  const out = [`Stack ${state.stack} (${state.backend}): ${state.resources.length} resources`];
  for (const [squad, list] of grouped(state)) {
    out.push('', `${squad} (${list.length})`);
    const width = Math.min(Math.max(...list.map((r) => shortType(r.type).length)), 34);
    for (const r of list) {
      const flags = [r.options?.protect ? 'protected' : '', r.options?.retainOnDelete ? 'kept on delete' : ''].filter(Boolean);
      const flag = flags.length ? ` [${flags.join(', ')}]` : '';
      out.push(`  ${shortType(r.type).padEnd(width)}  ${r.name}${flag}`);
      const what = describeResource(r);
      if (what) out.push(`  ${' '.repeat(width)}    ${what}`);
    }
  }
  return out.join('\n');
}

export function planMarkdown(state: DesiredState): string {
  const out = [`### Stack \`${state.stack}\` (${state.backend}): ${state.resources.length} resources`];
  for (const [squad, list] of grouped(state)) {
    out.push(
      '',
      `<details><summary><b>${squad}</b>: ${list.length} resources</summary>`,
      '',
      '| type | name | what |',
      '| --- | --- | --- |',
    );
    for (const r of list) out.push(`| ${shortType(r.type)} | \`${r.name}\` | ${describeResource(r).replace(/\|/g, '\\|')} |`);
    out.push('', '</details>');
  }
  return out.join('\n');
}
