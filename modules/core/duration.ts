/** Durations are written like `30m`, `1h`, `1h30m`, `2w`, `45s`. */
export const DURATION_PATTERN = '^(?=[0-9])([0-9]+w)?([0-9]+d)?([0-9]+h)?([0-9]+m)?([0-9]+s)?$';
const DURATION_RE = new RegExp(DURATION_PATTERN);

const UNIT_SECONDS: Record<string, number> = { w: 604800, d: 86400, h: 3600, m: 60, s: 1 };

export interface Duration {
  /** Total length in seconds, for fixed-length comparisons (delays, timeouts). */
  readonly seconds: number;
  /** The components as written, for calendar arithmetic (weeks and days are wall-clock units). */
  readonly parts: Readonly<Partial<Record<'w' | 'd' | 'h' | 'm' | 's', number>>>;
  readonly text: string;
}

export function parseDuration(text: string): Duration | undefined {
  if (!DURATION_RE.test(text)) return undefined;
  const parts: Partial<Record<'w' | 'd' | 'h' | 'm' | 's', number>> = {};
  let seconds = 0;
  for (const match of text.matchAll(/([0-9]+)([wdhms])/g)) {
    const value = Number(match[1]);
    const unit = match[2] as 'w' | 'd' | 'h' | 'm' | 's';
    parts[unit] = value;
    seconds += value * (UNIT_SECONDS[unit] ?? 0);
  }
  return { seconds, parts, text };
}

/** `90` → `1h30m`; used in messages. */
export function formatSeconds(total: number): string {
  if (total === 0) return '0m';
  let rest = total;
  let out = '';
  for (const unit of ['w', 'd', 'h', 'm', 's'] as const) {
    const size = UNIT_SECONDS[unit] ?? 1;
    const n = Math.floor(rest / size);
    if (n > 0) {
      out += `${n}${unit}`;
      rest -= n * size;
    }
  }
  return out;
}
