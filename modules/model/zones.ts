import { DateTime, IANAZone } from 'luxon';
import { didYouMean } from '../core/suggest';

let zoneNames: string[] | undefined;

/**
 * Whether `zone` is an IANA zone name this runtime knows, spelled as IANA spells it (each part capitalised:
 * `Europe/Paris`, `America/Port-au-Prince`, `Etc/GMT+1`). The runtime may know a zone by another name
 * (ICU calls `Asia/Kolkata` `Asia/Calcutta`); both are accepted.
 */
export function isValidZone(zone: string): boolean {
  if (!IANAZone.isValidZone(zone)) return false;
  return zone === 'UTC' || /^[A-Z][A-Za-z0-9_+-]*(\/[A-Z0-9][A-Za-z0-9_+-]*)*$/.test(zone);
}

function allZones(): string[] {
  zoneNames ??= (Intl as unknown as { supportedValuesOf(k: string): string[] }).supportedValuesOf('timeZone');
  return zoneNames;
}

export function zoneProblem(zone: string): string {
  return `\`${zone}\` is not an IANA time zone (such as \`Europe/Paris\`)${didYouMean(zone, allZones())}`;
}

/** Whether a zone changes its offset during the year (checked on 2026's solstices). */
export function observesDst(zone: string): boolean {
  const offset = (iso: string) => DateTime.fromISO(iso, { zone: 'UTC' }).setZone(zone).offset;
  return offset('2026-01-15T12:00:00') !== offset('2026-07-15T12:00:00');
}
