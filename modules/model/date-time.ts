/** Dated local times as rotations, overrides and swaps write them (`2026-12-24 18:00`, or with an offset). */
import { offsetMinutesOf, parseIsoDate, yearProblem } from '../core/clock';
import { formatLocal, instantOf, localDateMinute, localMinute } from '../core/local-time';
import type { PathSegment, YamlFile } from '../spec/yaml-document';
import type { Reporter } from './reporter';

/** Parses a local date-time in `zone` (or with its own offset) to epoch ms; warns about times a clock change skips. */
export function parseDateTime(r: Reporter, file: YamlFile, path: readonly PathSegment[], text: string, zone: string): number | undefined {
  const m = /^([0-9]{4}-[0-9]{2}-[0-9]{2})[T ]([0-9]{2}):([0-9]{2})(?::([0-9]{2}))?(Z|[+-][0-9]{2}:[0-9]{2})?$/.exec(text);
  if (!m || !parseIsoDate(m[1] as string)) {
    const year = yearProblem(text);
    r.error(file, path, 'value/invalid-datetime', year ? `\`${text}\`: ${year}` : `\`${text}\` is not a valid date and time`);
    return undefined;
  }
  if (m[5] !== undefined) {
    const offset = offsetMinutesOf(m[5]);
    if (offset === undefined) {
      r.error(
        file,
        path,
        'value/invalid-datetime',
        `\`${text}\`: the offset ${m[5]} is not a UTC offset; offsets go from -14:00 to +14:00 (or leave it out: the rotation's zone is used)`,
      );
      return undefined;
    }
    return Date.parse(`${m[1]}T${m[2]}:${m[3]}:${m[4] ?? '00'}${m[5]}`);
  }
  const local = localDateMinute(m[1] as string) + Number(m[2]) * 60 + Number(m[3]);
  const instant = instantOf(zone, local) + Number(m[4] ?? 0) * 1000;
  if (localMinute(zone, instant) !== local) {
    r.warning(
      file,
      path,
      'time/nonexistent-local-time',
      `${text} does not exist in ${zone} (clocks change then); it is read as ${formatLocal(instant, zone)}`,
    );
  }
  return instant;
}
