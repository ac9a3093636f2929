import { parseDuration } from '../core/duration';
import type { Turn } from './types';

const LIMITS: Record<string, number> = { h: 8760, d: 365, w: 52 };

/** A turn length: a whole number of hours, days or weeks, up to a year; otherwise the reason it is not. */
export function turnOf(text: string): Turn | { error: string } {
  const d = parseDuration(text);
  if (!d) return { error: `\`${text}\` is not a duration` };
  const units = Object.entries(d.parts).filter(([, n]) => n !== undefined && n > 0);
  const [unit, count] = units[0] ?? ['', 0];
  if (units.length !== 1 || !['w', 'd', 'h'].includes(unit)) {
    return { error: `turn length \`${text}\` must be a whole number of hours, days or weeks, such as \`12h\`, \`1d\` or \`1w\`` };
  }
  if (count > (LIMITS[unit] ?? 0)) return { error: `turn length \`${text}\` is longer than a year` };
  return { unit: unit === 'w' ? 'weeks' : unit === 'd' ? 'days' : 'hours', count };
}
