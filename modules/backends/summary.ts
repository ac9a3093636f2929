/**
 * The parts of a plan line (`oncall plan`), each reading the inputs it knows: a descriptor lists the parts that
 * say what matters about its type, in the order they print.
 */
import { maskPhone } from '../core/mask-phones';
import { isInvoke, isRef, type Value } from '../render/desired';
import type { Summary } from './descriptor';

type Inputs = Readonly<Record<string, Value>>;
type Part = (i: Inputs) => string | string[] | undefined;

/** A value as a plan shows it: references by name, look-ups by their arguments. */
export function show(v: Value): string {
  if (isRef(v)) return `→${v.$ref}`;
  if (isInvoke(v)) return Object.values(v.args).map(show).join(',');
  if (Array.isArray(v)) return `[${v.map(show).join(', ')}]`;
  if (v !== null && typeof v === 'object')
    return `{${Object.entries(v)
      .map(([k, x]) => `${k}: ${show(x)}`)
      .join(', ')}}`;
  return String(v);
}

/** A summary made of parts, empty ones left out. */
export function summaryOf(...parts: Part[]): Summary {
  return (inputs) => parts.flatMap((part) => part(inputs) ?? []);
}

export const name: Part = (i) => (typeof i.name === 'string' ? `"${i.name}"` : undefined);

export const zone: Part = (i) => {
  const z = i.timeZone ?? i.timezone;
  return typeof z === 'string' ? z : undefined;
};

/** Schedule layers (PagerDuty, Datadog On-Call): start, end, turn, people, restrictions. */
export const layers: Part = (i) =>
  Array.isArray(i.layers)
    ? (i.layers as Array<Record<string, Value>>).map((l) => {
        const every = l.rotationTurnLengthSeconds ?? l.interval;
        const end = l.end || l.endDate ? ` to ${show(l.end ?? l.endDate ?? '')}` : '';
        return `layer ${show(l.name ?? '')}: from ${show(l.rotationVirtualStart ?? l.rotationStart ?? '')}${end}, every ${show(every ?? '')}, ${show(l.users ?? [])}${l.restrictions ? `, restricted ${show(l.restrictions)}` : ''}`;
      })
    : undefined;

/** An Opsgenie schedule rotation: turn, start, end, participants, restrictions. */
export const rotation: Part = (i) =>
  typeof i.startDate === 'string' && typeof i.type === 'string'
    ? `${i.type} ×${show(i.length ?? 1)} from ${i.startDate}${i.endDate ? ` to ${show(i.endDate)}` : ''}: ${show(i.participants ?? [])}${i.timeRestrictions ? `, restricted ${show(i.timeRestrictions)}` : ''}`
    : undefined;

export const rules: Part = (i) => (Array.isArray(i.rules) ? `rules ${show(i.rules)}` : undefined);

export const steps: Part = (i) => (Array.isArray(i.steps) ? `steps ${show(i.steps)}` : undefined);

export const supportHours: Part = (i) => (i.supportHours ? `support hours ${show(i.supportHours)}` : undefined);

export const urgency: Part = (i) => (i.incidentUrgencyRule ? `urgency ${show(i.incidentUrgencyRule)}` : undefined);

/** An Opsgenie routing rule: its order, its hours and what it notifies. */
export const notifies: Part = (i) =>
  Array.isArray(i.notifies)
    ? `order ${show(i.order ?? 0)}${i.timeRestrictions ? ` during ${show(i.timeRestrictions)}` : ''} → ${show(i.notifies)}`
    : undefined;

/** An override given by `start`, `end` and a user. */
export const overrideSpan: Part = (i) =>
  typeof i.start === 'string' && typeof i.end === 'string' ? `${i.start} → ${i.end}: ${show(i.userId ?? i.username ?? '')}` : undefined;

/** An override given by `startDate`, `endDate` and a username (Opsgenie). */
export const overrideDates: Part = (i) =>
  typeof i.startDate === 'string' && typeof i.username === 'string'
    ? `${i.startDate} → ${show(i.endDate ?? '')}: ${i.username}`
    : undefined;

/** A team membership: who, and as what. */
export const member: Part = (i) =>
  typeof i.userId !== 'undefined' && typeof i.teamId !== 'undefined' ? `${show(i.userId)}${i.role ? ` (${show(i.role)})` : ''}` : undefined;

export const integrationEmail: Part = (i) => (typeof i.integrationEmail === 'string' ? i.integrationEmail : undefined);

export const emailUsername: Part = (i) => (typeof i.emailUsername === 'string' ? `e-mail ${i.emailUsername}@…` : undefined);

/** A phone line: its number (masked) and where its calls and messages go. */
export const phoneLine: Part = (i) =>
  typeof i.voiceUrl === 'string'
    ? `${maskPhone(String(i.number))}: voice ${i.voiceUrl} (fallback ${show(i.voiceFallbackUrl ?? 'none')}), sms ${show(i.smsUrl ?? '')} (fallback ${show(i.smsFallbackUrl ?? 'none')})`
    : undefined;
