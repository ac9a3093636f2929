/** `holidays:` of org.yaml, a list of dated holidays or a country (and region) with dated extras, checked. */
import type { PathSegment, YamlFile } from '../spec/yaml-document';
import type { HolidaySpec, OrgSpec } from '../spec/types';
import { didYouMean, hinted } from '../core/suggest';
import { checkDate } from './checks-common';
import { knownCountries, knownRegions } from './holiday-calendar';
import type { Reporter } from './reporter';
import type { Holiday, HolidayCalendar } from './types';

function datedHolidays(r: Reporter, f: YamlFile, at: readonly PathSegment[], list: readonly HolidaySpec[]): Holiday[] {
  const out: Holiday[] = [];
  const seen = new Set<string>();
  list.forEach((h, i) => {
    if (!checkDate(r, f, [...at, i, 'date'], h.date)) return;
    if (seen.has(h.date)) r.warning(f, [...at, i, 'date'], 'holiday/duplicate', `${h.date} is listed twice`);
    seen.add(h.date);
    out.push({ date: h.date, name: h.name });
  });
  return out;
}

/** A code as the library spells it, found from another case or from the place's name. */
function spelledAs(text: string, known: Record<string, string>): string | undefined {
  const t = text.trim().toLowerCase();
  for (const [code, name] of Object.entries(known)) if (code.toLowerCase() === t || name.toLowerCase() === t) return code;
  return undefined;
}

function suggestion(text: string, known: Record<string, string>): string | undefined {
  const exact = spelledAs(text, known);
  return exact !== undefined ? `did you mean \`${exact}\` (${known[exact]})?` : didYouMean(text, Object.keys(known));
}

export function resolveHolidays(r: Reporter, f: YamlFile, spec: OrgSpec['holidays']): HolidayCalendar {
  if (spec === undefined) return { extra: [], offHours: false };
  if (Array.isArray(spec)) return { extra: datedHolidays(r, f, ['holidays'], spec), offHours: false };
  const extra = datedHolidays(r, f, ['holidays', 'extra'], spec.extra ?? []);
  let country = spec.country;
  let region = spec.region;
  if (country !== undefined) {
    const countries = knownCountries();
    if (!(country in countries)) {
      r.error(
        f,
        ['holidays', 'country'],
        'holiday/unknown-country',
        hinted(`\`${country}\` is not a country the holiday library (date-holidays) knows`, suggestion(country, countries)),
      );
      country = undefined;
    }
  }
  if (region !== undefined) {
    if (spec.country === undefined) {
      r.error(
        f,
        ['holidays', 'region'],
        'holiday/unknown-region',
        hinted('a `region` needs the `country` it belongs to', 'add `country:`'),
      );
      region = undefined;
    } else if (country !== undefined) {
      const regions = knownRegions(country);
      if (!(region in regions)) {
        const known = Object.keys(regions);
        r.error(
          f,
          ['holidays', 'region'],
          'holiday/unknown-region',
          hinted(
            `\`${region}\` is not a region of ${country} the holiday library (date-holidays) knows${known.length ? ` (it knows ${known.map((k) => `\`${k}\``).join(', ')})` : ' (it knows none)'}`,
            suggestion(region, regions),
          ),
        );
        region = undefined;
      }
    }
  }
  if (spec.offHours === true && country === undefined && extra.length === 0 && spec.country === undefined) {
    r.warning(
      f,
      ['holidays', 'offHours'],
      'holiday/none',
      hinted('`offHours` is on but no holiday is given', 'add `country:` or `extra:` dates'),
    );
  }
  return {
    ...(country !== undefined ? { country } : {}),
    ...(region !== undefined ? { region } : {}),
    extra,
    offHours: spec.offHours === true,
  };
}
