import { DateTime } from 'luxon';

/** `Mon 2026-03-30 09:00 → Mon 2026-04-06 09:00 (Europe/Paris)`. */
export function formatLocalRange(start: number, end: number, zone: string): string {
  const f = (ms: number) => DateTime.fromMillis(ms, { zone }).toFormat('ccc yyyy-MM-dd HH:mm');
  return `${f(start)} → ${f(end)}`;
}
