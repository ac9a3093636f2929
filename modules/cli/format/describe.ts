/** Short human descriptions of model values, shared by the text outputs. */
import { WEEKDAYS } from '../../core/clock';
import type { EscalationPolicy, Target, Turn, WeeklyWindows } from '../../model/types';

const SHORT_DAYS = WEEKDAYS.map((d) => d.charAt(0).toUpperCase() + d.slice(1, 3));

function hhmm(minuteOfDay: number): string {
  return `${String(Math.floor(minuteOfDay / 60)).padStart(2, '0')}:${String(minuteOfDay % 60).padStart(2, '0')}`;
}

function at(minuteOfWeek: number): string {
  const day = Math.floor(minuteOfWeek / 1440) % 7;
  return `${SHORT_DAYS[day] ?? ''} ${hhmm(minuteOfWeek % 1440)}`;
}

export function describeWindows(w: WeeklyWindows): string {
  if (w.kind === 'always') return '24/7';
  const list = w.intervals.map(([s, e]) => `${at(s)}–${e % 1440 === 0 && e - s <= 1440 ? '24:00' : e - s < 1440 && Math.floor(s / 1440) === Math.floor((e - 1) / 1440) ? hhmm(e % 1440) : at(e % 10080)}`);
  const label = w.kind === 'custom' ? '' : `${w.kind.replace('-', ' ')}: `;
  return `${label}${list.join(', ')}`;
}

export function describeTurn(t: Turn): string {
  const unit = t.unit.slice(0, -1);
  return t.count === 1 ? `every ${unit}` : `every ${t.count} ${t.unit}`;
}

export function describeHandoff(weekday: number | undefined, minute: number): string {
  const day = weekday === undefined ? '' : `${WEEKDAYS[weekday - 1]?.replace(/^./, (c) => c.toUpperCase())} `;
  return `${day}${hhmm(minute)}`;
}

export function describeTarget(t: Target): string {
  switch (t.kind) {
    case 'on-call':
      return 'on-call';
    case 'rotation':
      return `rotation ${t.rotation}`;
    case 'person':
      return t.asManager ? `${t.person} (manager)` : t.person;
  }
}

export function describePolicy(p: EscalationPolicy): string {
  const steps = p.steps.map((s) => `${s.afterMinutes}m ${s.targets.map(describeTarget).join(' + ')}`).join(' · ');
  const repeat = p.repeat > 0 ? `, repeated ${p.repeat}×` : '';
  return `${steps}${repeat}; response target ${p.responseTargetMinutes}m`;
}
