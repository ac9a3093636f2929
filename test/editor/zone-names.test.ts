/**
 * The zone names editors accept are the ones the loader accepts: none refused by the loader, every name the
 * runtime lists, and every zone and link of the system's tz database the loader takes (its `tzdata.zi`, as the
 * tz project's Makefile writes it: `Z name …` and `L target name` lines).
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isValidZone } from '../../modules/model/zones';
import { ZONE_NAMES } from '../../modules/spec/schema/zone-names';

const TZDATA = '/usr/share/zoneinfo/tzdata.zi';

describe('zone names for editors', () => {
  it('are all accepted by the loader, once each, sorted', () => {
    expect(ZONE_NAMES.filter((z) => !isValidZone(z))).toEqual([]);
    expect([...new Set(ZONE_NAMES)].sort()).toEqual(ZONE_NAMES);
  });

  it("include every zone the runtime lists and the names the loader's tests use", () => {
    const listed = (Intl as unknown as { supportedValuesOf(k: string): string[] }).supportedValuesOf('timeZone');
    expect(listed.filter((z) => !ZONE_NAMES.includes(z))).toEqual([]);
    for (const z of ['UTC', 'Etc/GMT+1', 'Asia/Kolkata', 'Asia/Calcutta', 'US/Eastern', 'Europe/Kiev', 'America/Port-au-Prince']) {
      expect(ZONE_NAMES).toContain(z);
    }
    expect(ZONE_NAMES).not.toContain('Europe/Pariss');
    expect(ZONE_NAMES).not.toContain('EUROPE/PARIS');
  });

  it.skipIf(!existsSync(TZDATA))("include every zone and link of the system's tz database that the loader accepts", () => {
    const names = readFileSync(TZDATA, 'utf8')
      .split('\n')
      .flatMap((line) => {
        const f = line.split(' ');
        return f[0] === 'Z' ? [f[1]!] : f[0] === 'L' ? [f[2]!] : [];
      });
    expect(names.length).toBeGreaterThan(400);
    expect(names.filter((z) => isValidZone(z) && !ZONE_NAMES.includes(z))).toEqual([]);
  });
});
