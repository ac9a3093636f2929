/** Value checks shared by the resolvers: durations, URLs, phone numbers, dates. */
import { isValidPhoneNumber } from 'libphonenumber-js';
import { maskPhone } from '../core/mask-phones';
import { parseDuration } from '../core/duration';
import { parseIsoDate, yearProblem } from '../core/clock';
import type { PathSegment, YamlFile } from '../spec/yaml-document';
import type { Reporter } from './reporter';
import { isValidZone, zoneProblem } from './zones';

/** Duration in seconds; reports and returns undefined when it is not positive (or not ≥ `min`). */
export function checkDuration(
  r: Reporter,
  file: YamlFile,
  path: readonly PathSegment[],
  text: string,
  opts: { allowZero?: boolean; minSeconds?: number; maxSeconds?: number } = {},
): number | undefined {
  const d = parseDuration(text);
  if (!d) return undefined; // the schema already reported it
  if (d.seconds === 0 && !opts.allowZero) {
    r.error(file, path, 'value/duration-not-positive', `\`${text}\` must be longer than zero`);
    return undefined;
  }
  if (opts.minSeconds !== undefined && d.seconds < opts.minSeconds && !(d.seconds === 0 && opts.allowZero)) {
    r.error(
      file,
      path,
      'value/duration-too-short',
      `\`${text}\` is too short; the minimum is ${opts.minSeconds >= 60 ? `${opts.minSeconds / 60}m` : `${opts.minSeconds}s`}`,
    );
    return undefined;
  }
  if (opts.maxSeconds !== undefined && d.seconds > opts.maxSeconds) {
    r.error(file, path, 'value/duration-too-long', `\`${text}\` is too long; the maximum is ${Math.round(opts.maxSeconds / 86400)}d`);
    return undefined;
  }
  return d.seconds;
}

export function checkUrl(r: Reporter, file: YamlFile, path: readonly PathSegment[], text: string): boolean {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    r.error(file, path, 'value/invalid-url', `\`${text}\` is not a well-formed URL`);
    return false;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    r.error(file, path, 'value/invalid-url', `\`${text}\` must be an http or https URL`);
    return false;
  }
  if (!url.hostname.includes('.') && url.hostname !== 'localhost') {
    r.error(file, path, 'value/invalid-url', `\`${text}\` has no valid host name`);
    return false;
  }
  return true;
}

/** Phone numbers are never echoed in full, even in problems. */
export function checkPhone(r: Reporter, file: YamlFile, path: readonly PathSegment[], text: string): boolean {
  if (!isValidPhoneNumber(text)) {
    r.error(
      file,
      path,
      'value/invalid-phone',
      `${maskPhone(text)} is not a valid phone number for its country code; write it in E.164 form (\`+33…\`)`,
    );
    return false;
  }
  return true;
}

export function checkZone(r: Reporter, file: YamlFile, path: readonly PathSegment[], zone: string): boolean {
  if (!isValidZone(zone)) {
    r.error(file, path, 'value/invalid-zone', zoneProblem(zone));
    return false;
  }
  return true;
}

export function checkDate(r: Reporter, file: YamlFile, path: readonly PathSegment[], text: string): boolean {
  if (!parseIsoDate(text)) {
    const year = yearProblem(text);
    r.error(file, path, 'value/invalid-date', year ? `\`${text}\`: ${year}` : `\`${text}\` is not a calendar date`);
    return false;
  }
  return true;
}

/** Masking lives with the masking of any text (core/mask-phones): one style everywhere. */
export { maskPhone };
