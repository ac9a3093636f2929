/** `oncall plan` output: the desired state as JSON, or grouped by squad for people (text, markdown). */
import type { DesiredResource, DesiredState, Value } from '../../render/desired';
import { isInvoke, isRef } from '../../render/desired';
import { maskPhone } from '../../model/checks-common';

export const PLAN_FORMATS = ['text', 'json', 'markdown'] as const;
export type PlanFormat = (typeof PLAN_FORMATS)[number];

export function planJson(state: DesiredState): string {
  return JSON.stringify(
    {
      stack: state.stack,
      backend: state.backend,
      resources: state.resources.map((r) => ({ type: r.type, name: r.name, inputs: r.inputs, ...(r.options ? { options: r.options } : {}), ...(r.origin ? { origin: r.origin } : {}) })),
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

function show(v: Value): string {
  if (isRef(v)) return `→${v.$ref}`;
  if (isInvoke(v)) return Object.values(v.args).join(',');
  if (Array.isArray(v)) return `[${v.map(show).join(', ')}]`;
  if (v !== null && typeof v === 'object') return `{${Object.entries(v).map(([k, x]) => `${k}: ${show(x)}`).join(', ')}}`;
  return String(v);
}

/** One line that says what matters about a resource. */
export function describeResource(r: DesiredResource): string {
  const i = r.inputs as Record<string, Value>;
  const parts: string[] = [];
  if (typeof i.name === 'string') parts.push(`"${i.name}"`);
  const zone = i.timeZone ?? i.timezone;
  if (typeof zone === 'string') parts.push(zone);
  if (Array.isArray(i.layers)) {
    for (const l of i.layers as Array<Record<string, Value>>) {
      const every = l.rotationTurnLengthSeconds ?? l.interval;
      parts.push(`layer ${show(l.name ?? '')}: from ${show(l.rotationVirtualStart ?? l.rotationStart ?? '')}${l.end || l.endDate ? ` to ${show(l.end ?? l.endDate ?? '')}` : ''}, every ${show(every ?? '')}, ${show(l.users ?? [])}${l.restrictions ? `, restricted ${show(l.restrictions)}` : ''}`);
    }
  }
  if (typeof i.startDate === 'string' && typeof i.type === 'string') parts.push(`${i.type} ×${show(i.length ?? 1)} from ${i.startDate}${i.endDate ? ` to ${show(i.endDate)}` : ''}: ${show(i.participants ?? [])}${i.timeRestrictions ? `, restricted ${show(i.timeRestrictions)}` : ''}`);
  if (Array.isArray(i.rules) && r.type.includes('scalation')) parts.push(`rules ${show(i.rules)}`);
  if (Array.isArray(i.steps)) parts.push(`steps ${show(i.steps)}`);
  if (Array.isArray(i.rules) && !r.type.includes('scalation')) parts.push(`rules ${show(i.rules)}`);
  if (i.supportHours) parts.push(`support hours ${show(i.supportHours)}`);
  if (i.incidentUrgencyRule) parts.push(`urgency ${show(i.incidentUrgencyRule)}`);
  if (Array.isArray(i.notifies)) parts.push(`order ${show(i.order ?? 0)}${i.timeRestrictions ? ` during ${show(i.timeRestrictions)}` : ''} → ${show(i.notifies)}`);
  if (typeof i.start === 'string' && typeof i.end === 'string' && !i.layers) parts.push(`${i.start} → ${i.end}: ${show(i.userId ?? i.username ?? '')}`);
  if (typeof i.startDate === 'string' && typeof i.username === 'string') parts.push(`${i.startDate} → ${show(i.endDate ?? '')}: ${i.username}`);
  if (typeof i.userId !== 'undefined' && typeof i.teamId !== 'undefined') parts.push(`${show(i.userId)}${i.role ? ` (${show(i.role)})` : ''}`);
  if (typeof i.integrationEmail === 'string') parts.push(i.integrationEmail);
  if (typeof i.voiceUrl === 'string') parts.push(`${maskPhone(String(i.number))}: voice ${i.voiceUrl} (fallback ${show(i.voiceFallbackUrl ?? 'none')}), sms ${show(i.smsUrl ?? '')} (fallback ${show(i.smsFallbackUrl ?? 'none')})`);
  if (typeof i.emailUsername === 'string') parts.push(`e-mail ${i.emailUsername}@…`);
  return parts.join('; ');
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
    out.push('', `<details><summary><b>${squad}</b>: ${list.length} resources</summary>`, '', '| type | name | what |', '| --- | --- | --- |');
    for (const r of list) out.push(`| ${shortType(r.type)} | \`${r.name}\` | ${describeResource(r).replace(/\|/g, '\\|')} |`);
    out.push('', '</details>');
  }
  return out.join('\n');
}
