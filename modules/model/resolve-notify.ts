/**
 * How people are reached: each person's `notify` (or the organisation's `defaults.notify`) as contact methods
 * per urgency, each at once or after whole minutes, checked against what the person has (a phone for `call`
 * and `sms`, a registered device for `push`).
 */
import { parseDuration } from '../core/duration';
import type { PathSegment, YamlFile } from '../spec/yaml-document';
import type { Notify as NotifySpec, NotifyRule as NotifyRuleSpec } from '../spec/spec-types.generated';
import { sourceOf, type Reporter } from './reporter';
import type { Notify, NotifyMethod, NotifyRule } from './types';

const URGENCIES = ['high', 'low'] as const;
const METHOD_NAMES: Readonly<Record<NotifyMethod, string>> = { call: 'a call', sms: 'an SMS', push: 'a push', email: 'an e-mail' };

function methodAndDelay(rule: NotifyRuleSpec): { method: NotifyMethod; delay?: string } {
  if (typeof rule === 'string') return { method: rule };
  const [method, delay] = Object.entries(rule)[0] as [NotifyMethod, string];
  return { method, delay };
}

/** The rules as written, in order of delay (equal delays keep their order); `undefined` when none is written. */
export function resolveNotify(r: Reporter, f: YamlFile, path: readonly PathSegment[], spec: NotifySpec | undefined): Notify | undefined {
  if (spec === undefined) return undefined;
  const lists: Record<(typeof URGENCIES)[number], NotifyRule[]> = { high: [], low: [] };
  for (const urgency of URGENCIES) {
    const seen = new Set<string>();
    (spec[urgency] ?? []).forEach((rule, i) => {
      const at = [...path, urgency, i];
      const { method, delay } = methodAndDelay(rule);
      let afterMinutes = 0;
      if (delay !== undefined) {
        const d = parseDuration(delay);
        if (!d) return; // the schema already reported it
        if (d.seconds % 60 !== 0) {
          r.error(
            f,
            [...at, method],
            'person/notify-delay',
            `\`${delay}\` is not a whole number of minutes: backends delay notifications by the minute`,
          );
          return;
        }
        afterMinutes = d.seconds / 60;
      }
      const key = `${method}@${afterMinutes}`;
      if (seen.has(key)) {
        r.warning(f, at, 'person/notify-duplicate', `${METHOD_NAMES[method]} after ${afterMinutes} min is already in \`${urgency}\``);
        return;
      }
      seen.add(key);
      lists[urgency].push({ method, afterMinutes, source: sourceOf(f, at) });
    });
    lists[urgency].sort((a, b) => a.afterMinutes - b.afterMinutes);
  }
  if (spec.high !== undefined && lists.high.length > 0 && lists.high[0]!.afterMinutes > 0) {
    r.warning(
      f,
      [...path, 'high'],
      'person/notify-not-at-once',
      `nothing reaches the person at once on a high-urgency page (the first contact is after ${lists.high[0]!.afterMinutes} min): add a method without delay`,
    );
  }
  return { high: lists.high, low: lists.low, source: sourceOf(f, path) };
}

interface Reachable {
  readonly id: string;
  readonly phone?: string;
  readonly pushDevice?: string;
}

/**
 * A person's rules need what they use: a phone for `call` and `sms`, a device for `push`. Rules written by the
 * person are reported where written; the organisation's default is reported at the person it cannot reach.
 */
export function checkNotifyReach(r: Reporter, f: YamlFile, person: Reachable, notify: Notify, own: boolean): void {
  const rules = [...notify.high, ...notify.low];
  const report = (rule: NotifyRule, code: 'person/notify-no-phone' | 'person/notify-no-device', message: string): void => {
    if (!own) r.error(f, ['people', person.id], code, message, true);
    else r.problems.push({ file: rule.source.file, line: rule.source.line, column: rule.source.column, severity: 'error', code, message });
  };
  const origin = own ? '' : ' (from `defaults.notify`)';
  const needsPhone = rules.find((x) => x.method === 'call' || x.method === 'sms');
  if (needsPhone && person.phone === undefined) {
    report(
      needsPhone,
      'person/notify-no-phone',
      `\`${person.id}\` is reached by ${METHOD_NAMES[needsPhone.method]}${origin} but has no \`phone\``,
    );
  }
  const needsDevice = rules.find((x) => x.method === 'push');
  if (needsDevice && person.pushDevice === undefined) {
    report(
      needsDevice,
      'person/notify-no-device',
      `\`${person.id}\` is reached by a push${origin} but has no \`pushDevice\`: name the phone as the backend's app registered it when they signed in`,
    );
  }
}
