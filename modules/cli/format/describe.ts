/** Short human descriptions of model values, shared by the text outputs. */
import { WEEKDAYS } from '../../core/clock';
import { formatSeconds } from '../../core/duration';
import type { EscalationPolicy, Target, Turn, WeeklyWindows } from '../../model/types';

const SHORT_DAYS = WEEKDAYS.map((d) => d.charAt(0).toUpperCase() + d.slice(1, 3));

function hhmm(minuteOfDay: number): string {
  return `${String(Math.floor(minuteOfDay / 60)).padStart(2, '0')}:${String(minuteOfDay % 60).padStart(2, '0')}`;
}

/**
 * `Mon–Fri 09:00–18:00`; intervals are grouped by their daily times, and those that cross
 * midnight read `Mon–Thu 18:00–09:00 (next day)`.
 */
export function describeWindows(w: WeeklyWindows): string {
  if (w.kind === 'always') return '24/7';
  const groups = new Map<string, number[]>();
  const order: string[] = [];
  // Read a window that runs over the end of the week (Friday 18:00 → Monday 09:00) as one.
  const intervals = [...w.intervals];
  const first = intervals[0];
  const last = intervals[intervals.length - 1];
  if (intervals.length > 1 && first && last && first[0] === 0 && last[1] === 10080) {
    intervals.shift();
    intervals[intervals.length - 1] = [last[0], 10080 + first[1]];
  }
  for (const [s, e] of intervals) {
    const day = Math.floor(s / 1440);
    const len = e - s;
    const key =
      len >= 1440
        ? `${hhmm(s % 1440)} for ${formatSeconds(len * 60)}`
        : `${hhmm(s % 1440)}–${hhmm((s + len) % 1440 || (e % 1440 === 0 ? 1440 : 0))}${Math.floor((e - 1) / 1440) !== day ? ' (next day)' : ''}`;
    if (!groups.has(key)) order.push(key);
    groups.set(key, [...(groups.get(key) ?? []), day]);
  }
  const list = order.map((key) => `${dayList(groups.get(key) ?? [])} ${key}`);
  const label = w.kind === 'custom' ? '' : `${w.kind.replace('-', ' ')}, `;
  const holidays = !w.holidays?.offHours
    ? ''
    : w.kind === 'business-hours'
      ? ', not on public holidays'
      : w.kind === 'off-hours'
        ? ', and public holidays'
        : '';
  return `${label}${list.join('; ')}${holidays}`;
}

function dayList(days: number[]): string {
  const runs: Array<[number, number]> = [];
  for (const d of days) {
    const last = runs[runs.length - 1];
    if (last && d === last[1] + 1) last[1] = d;
    else runs.push([d, d]);
  }
  return runs.map(([a, b]) => (a === b ? SHORT_DAYS[a] : `${SHORT_DAYS[a]}${b === a + 1 ? ',' : '–'}${SHORT_DAYS[b]}`)).join(', ');
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
  return `${steps}${repeat}; response target ${formatSeconds(p.responseTargetMinutes * 60)}`;
}
