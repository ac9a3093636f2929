import { DateTime, IANAZone } from 'luxon';
import { didYouMean, hinted, type Hinted } from '../core/suggest';

let zoneNames: string[] | undefined;

/**
 * Whether `zone` is an IANA zone name this runtime knows, spelled as IANA spells it (`Europe/Paris`,
 * `America/Port-au-Prince`, `Etc/GMT+1`). The runtime reads zone names in any case, but the paging
 * backends do not: `EUROPE/PARIS` is refused with the right spelling suggested. The runtime may know a
 * zone by another name (ICU calls `Asia/Kolkata` `Asia/Calcutta`); both are accepted.
 */
export function isValidZone(zone: string): boolean {
  return IANAZone.isValidZone(zone) && zoneSpelling(zone) === zone;
}

/** Links of the tz database spelled in capitals on purpose (the shouting check below would refuse them). */
const CAPITAL_LINKS = new Set(['NZ-CHAT']);

/**
 * The canonical spelling of a zone the runtime accepts: the runtime's own name when it knows it by this
 * name in another case; for a link it does not list (`US/Eastern`), the name itself unless it is written
 * in a case no zone is (lowercase first letters, words in capitals), then its words capitalised.
 */
export function zoneSpelling(zone: string): string {
  const lower = zone.toLowerCase();
  const listed = allZones().find((z) => z.toLowerCase() === lower);
  if (listed) return listed;
  let resolved: string | undefined;
  try {
    resolved = new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return zone;
  }
  if (resolved.toLowerCase() === lower || zone === 'UTC') return resolved;
  if (CAPITAL_LINKS.has(zone)) return zone;
  const shaped = /^[A-Z][A-Za-z0-9_+-]*(\/[A-Z0-9][A-Za-z0-9_+-]*)*$/.test(zone) && !/[A-Z]{4,}/.test(zone);
  return shaped
    ? zone
    : zone.replace(/[A-Za-z]+/g, (w) =>
        w.length <= 3 && w === w.toUpperCase() ? w : w.charAt(0).toUpperCase() + w.slice(1).toLowerCase(),
      );
}

function allZones(): string[] {
  zoneNames ??= (Intl as unknown as { supportedValuesOf(k: string): string[] }).supportedValuesOf('timeZone');
  return zoneNames;
}

export function zoneProblem(zone: string): Hinted {
  if (IANAZone.isValidZone(zone)) {
    const spelling = zoneSpelling(zone);
    if (spelling !== zone && IANAZone.isValidZone(spelling)) {
      return hinted(`zone names are case-sensitive for the paging backends (got \`${zone}\`)`, `write \`${spelling}\``);
    }
  }
  return hinted(`\`${zone}\` is not an IANA time zone (such as \`Europe/Paris\`)`, didYouMean(zone, allZones()));
}

/** Whether a zone changes its offset during the year (checked on 2026's solstices). */
export function observesDst(zone: string): boolean {
  const offset = (iso: string) => DateTime.fromISO(iso, { zone: 'UTC' }).setZone(zone).offset;
  return offset('2026-01-15T12:00:00') !== offset('2026-07-15T12:00:00');
}
