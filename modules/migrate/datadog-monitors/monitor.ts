/**
 * A Datadog monitor as an alert: metric (`query alert`, `metric alert`), log (`log alert`) and service-check
 * (`service check`) monitors in the query shapes of DataDog/datadog-api-client-typescript@a6d174205
 * .generator/schemas/v1/openapi.yaml (`CreateMonitor`, "Query Types"). The YAML writes only the metric, the
 * search or the check (modules/model/alert-query-shape.ts); the time aggregation, index and rollup it cannot
 * choose are findings. Every other type (composite, APM trace analytics, RUM, events, SLO burn rates…) is a
 * finding: the schema has no kind for it.
 */
import { parseDuration } from '../../core/duration';
import type { Organisation } from '../../model/types';
import type { ImportFinding, SourceObject } from '../account';
import type { ApiMonitor } from './api-types';
import { commonFields, minutesText, squadOfTags, type AlertDraftSpec, type Converted, type ImportOptions } from './draft';
import { parseMessage } from './message';

const NUMBER = '(-?[0-9]+(?:\\.[0-9]+)?(?:e[+-]?[0-9]+)?)';
const OP = '(>=|<=|>|<)';
const METRIC = new RegExp(`^([a-z0-9_]+)\\(last_([0-9]+[mhdw])\\):([\\s\\S]+?)\\s*${OP}\\s*${NUMBER}$`);
const LOG = new RegExp(
  `^logs\\("((?:[^"\\\\]|\\\\.)*)"\\)((?:\\.index\\("[^"]*"\\))?)((?:\\.rollup\\([^)]*\\))?)((?:\\.by\\([^)]*\\))?)\\.last\\("([0-9]+[mh])"\\)\\s*${OP}\\s*${NUMBER}$`,
);
const CHECK = /^("([^"]+)"((?:\.(?:over|by)\((?:\s*"[^"]*"\s*,?)+\))*))\.last\(([0-9]+)\)\.count_by_status\(\)$/;

/** The same direction as the comparison, at another number. */
const threshold = (op: string, n: number | string) => `${op} ${String(n)}`;

function monitorSource(m: ApiMonitor): SourceObject {
  return { backend: 'datadog', type: 'monitor', id: String(m.id), ...(m.name ? { name: m.name } : {}) };
}

/** What the renderer never sets (modules/render/alerts/monitors.ts) and an account may hold: each a finding. */
function unrenderedOptions(m: ApiMonitor, finding: (what: string, why: string) => void): void {
  const o = m.options ?? {};
  const t = o.thresholds ?? {};
  if (t.critical_recovery != null || t.warning_recovery != null)
    finding('recovery thresholds', 'the YAML has no recovery threshold: recovers when back under the threshold');
  if (t.unknown != null) finding('unknown threshold', 'the YAML has no such threshold');
  const set = (v: unknown) => v !== undefined && v !== null && v !== 0 && v !== '' && !(Array.isArray(v) && v.length === 0);
  const options: Array<[string, unknown, string]> = [
    ['evaluation_delay', o.evaluation_delay, 'evaluation delay'],
    ['new_group_delay', o.new_group_delay, 'new group delay'],
    ['timeout_h', o.timeout_h, 'auto-resolve timeout'],
    ['renotify_occurrences', o.renotify_occurrences, 'renotification count'],
    ['renotify_statuses', o.renotify_statuses, 'renotification statuses'],
    ['notify_by', o.notify_by, 'notification grouping'],
    ['on_missing_data', o.on_missing_data, 'missing-data behaviour'],
    ['scheduling_options', o.scheduling_options, 'custom schedule or evaluation window'],
    ['threshold_windows', o.threshold_windows, 'trigger and recovery windows'],
    ['restricted_roles', m.restricted_roles, 'restricted roles'],
  ];
  for (const [, value, what] of options) if (set(value)) finding(what, 'the YAML has no such setting: the default applies');
  if (o.notify_audit === true) finding('audit notifications', 'the YAML has no such setting');
  if (o.require_full_window === true) finding('full window required', 'alerts render without requiring a full window');
  if (o.include_tags === false) finding('tags in the notification title', 'alerts render with the tags in the title');
  if (o.new_host_delay != null && o.new_host_delay !== 300) finding('new host delay', 'the default, 300 s, applies');
}

function queryFields(
  m: ApiMonitor,
  spec: AlertDraftSpec,
  finding: (what: string, why: string, kind?: ImportFinding['kind']) => void,
): boolean {
  const q = m.query.trim();
  const t = m.options?.thresholds ?? {};
  if (m.type === 'query alert' || m.type === 'metric alert') {
    const x = METRIC.exec(q);
    if (!x) {
      finding('the whole monitor', 'a metric query of a shape the YAML cannot write (formulas, functions or several queries)', 'dropped');
      return false;
    }
    const [, aggregation, window, metric, op, number] = x;
    spec.kind = 'metric';
    spec.query = (metric ?? '').trim();
    if (aggregation !== 'avg') finding(`time aggregation ${aggregation}`, 'metric alerts average over their window: imported as `avg`');
    if (window !== '5m') spec.window = window ?? '5m';
    spec.thresholds = { critical: threshold(op ?? '>', number ?? '0') };
    if (t.critical !== undefined && Number(number) !== t.critical)
      finding('critical threshold', `the query compares with ${number}, the options say ${t.critical}: the query's is kept`);
    if (t.warning != null) spec.thresholds.warning = threshold(op ?? '>', t.warning);
    return true;
  }
  if (m.type === 'log alert') {
    const x = LOG.exec(q);
    if (!x) {
      finding('the whole monitor', 'a log query of a shape the YAML cannot write', 'dropped');
      return false;
    }
    const [, search, index, rollup, by, window, op, number] = x;
    spec.kind = 'log';
    spec.query = (search ?? '').replace(/\\(.)/g, '$1');
    if (index && index !== '.index("*")') finding(`log index ${index.slice(7, -1)}`, 'log alerts search every index: imported as `*`');
    if (rollup && rollup !== '.rollup("count")')
      finding(`rollup ${rollup.slice(8, -1)}`, 'log alerts count matching logs: imported as `count`');
    if (by) finding(`grouping ${by.slice(4, -1)}`, 'log alerts are not grouped: imported as one group');
    if (window !== '5m') spec.window = window ?? '5m';
    spec.thresholds = { critical: threshold(op ?? '>', number ?? '0') };
    if (t.warning != null) spec.thresholds.warning = threshold(op ?? '>', t.warning);
    return true;
  }
  if (m.type === 'service check') {
    const x = CHECK.exec(q);
    if (!x) {
      finding('the whole monitor', 'a service-check query of a shape the YAML cannot write', 'dropped');
      return false;
    }
    const [, quoted, name, scope, last] = x;
    spec.kind = 'service-check';
    spec.query = scope === '.over("*")' ? (name ?? '') : (quoted ?? '');
    const critical = t.critical ?? Number(last);
    spec.thresholds = { critical: `>= ${critical}` };
    if (t.warning != null) spec.thresholds.warning = `>= ${t.warning}`;
    const runs = Math.min(100, Math.max(1, critical, t.warning ?? 1));
    if (Number(last) !== runs) finding(`last ${last} runs`, `the YAML counts the last ${runs} runs (the largest threshold)`);
    if (t.ok != null && t.ok !== 1) finding('ok threshold', 'service checks render with an ok threshold of 1');
    return true;
  }
  const why =
    m.type === 'composite'
      ? 'a composite of other monitors: the YAML has no such kind'
      : m.type === 'slo alert'
        ? "an SLO's burn-rate alert: SLOs are not read by this import"
        : `the YAML has no kind for \`${m.type}\` monitors`;
  finding('the whole monitor', why, 'dropped');
  return false;
}

export function monitorAlert(org: Organisation, m: ApiMonitor, options: ImportOptions = {}): Converted {
  const source = monitorSource(m);
  const findings: ImportFinding[] = [];
  const finding = (what: string, why: string, kind: ImportFinding['kind'] = 'approximated') => findings.push({ source, what, why, kind });
  const tags = m.tags ?? [];
  const { squad, team } = squadOfTags(org, tags);
  if (!squad) {
    finding(
      'the whole monitor',
      team === undefined ? 'no `team:` tag names its squad' : `\`team:${team}\` is not a squad of the organisation`,
      'dropped',
    );
    return { findings };
  }
  const message = parseMessage(m.message);
  const spec = commonFields(
    org,
    squad,
    source,
    { name: m.name ?? `monitor ${m.id}`, priority: m.priority, tags, message },
    findings,
    options,
  );
  if (!spec) return { findings };
  if (!queryFields(m, spec, finding)) return { findings };
  const o = m.options ?? {};
  if (o.notify_no_data === true) spec.noData = minutesText(o.no_data_timeframe ?? 10);
  const renotify = o.renotify_interval ?? 0;
  if (renotify > 0) {
    // The renderer writes the renotify text as typed in its escalation message: read it back from there.
    const typed = /^Still unresolved after (\S+): /.exec(o.escalation_message ?? '')?.[1];
    spec.renotify = typed !== undefined && parseDuration(typed)?.seconds === renotify * 60 ? typed : minutesText(renotify);
    if (o.escalation_message && typed === undefined) finding('escalation message', 'rebuilt from the alert when it renotifies');
  } else if (o.escalation_message) finding('escalation message', 'sent only when the alert renotifies, which it does not');
  unrenderedOptions(m, finding);
  return {
    draft: { squad: squad.id, wantedId: tags.find((t) => t.startsWith('alert-id:'))?.slice(9), alert: spec, source, suffix: '-monitor' },
    findings,
  };
}
