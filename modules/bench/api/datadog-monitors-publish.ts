/**
 * Rendered Datadog monitors and synthetic API tests as the account holds them once the provider has created
 * them: the request bodies of DataDog/terraform-provider-datadog@v4.19.0 (the release read for `@pulumi/datadog`
 * 5.11.0, see test/contracts/datadog/index.ts) — datadog/resource_datadog_monitor.go `buildMonitorStruct`
 * (thresholds as numbers, tags sorted, `new_host_delay` sent even at its default 300, `no_data_timeframe` at its
 * schema default 10 unless set, `renotify_statuses` null, logs samples off for log alerts, priority as a number
 * or null) and datadog/resource_datadog_synthetics_test_.go `buildDatadogSyntheticsAPITest`,
 * `buildDatadogAssertions` (`responseTime` targets as numbers, others as text), `buildDatadogTestOptions` —
 * with the fields the API adds (ids, dates, state). Used by the round-trip tests and the benchmark's server.
 */
import type { DesiredResource, Value } from '../../render/desired';
import { DATADOG } from '../../backends/datadog/resources';
import type { ApiMonitor, ApiSyntheticsTest } from '../../migrate/datadog-monitors/api-types';

type Json = Record<string, unknown>;
const CREATED = '2026-01-01T00:00:00.000000+00:00';

function obj(v: Value | undefined): Record<string, Value> {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, Value>) : {};
}
const str = (v: Value | undefined): string | undefined => (typeof v === 'string' ? v : undefined);
const num = (v: Value | undefined): number | undefined =>
  typeof v === 'number' ? v : typeof v === 'string' && v !== '' ? Number(v) : undefined;
function defined(o: Json): Json {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}

export function publishMonitor(r: DesiredResource, id: number): ApiMonitor {
  const i = r.inputs;
  const t = obj(i.monitorThresholds);
  const thresholds = defined({
    ok: num(t.ok),
    warning: num(t.warning),
    unknown: num(t.unknown),
    critical: num(t.critical),
    warning_recovery: num(t.warningRecovery),
    critical_recovery: num(t.criticalRecovery),
  });
  const type = str(i.type) ?? '';
  const options = defined({
    thresholds,
    include_tags: i.includeTags ?? true,
    notify_no_data: i.notifyNoData ?? false,
    require_full_window: i.requireFullWindow ?? true,
    new_host_delay: num(i.newHostDelay) ?? 300,
    no_data_timeframe: num(i.noDataTimeframe) ?? 10,
    renotify_interval: num(i.renotifyInterval) || undefined,
    renotify_statuses: null,
    escalation_message: str(i.escalationMessage) || undefined,
    enable_logs_sample: type === 'log alert' ? false : undefined,
  });
  const priority = num(i.priority);
  return {
    id,
    name: str(i.name) ?? '',
    type,
    query: str(i.query) ?? '',
    message: str(i.message) ?? '',
    tags: (Array.isArray(i.tags) ? i.tags.filter((x): x is string => typeof x === 'string') : []).sort(),
    priority: priority ?? null,
    restricted_roles: null,
    options,
    ...{ created: CREATED, modified: CREATED, overall_state: 'OK', multi: false, deleted: null },
  } as ApiMonitor;
}

const NUMBER_TARGETS = new Set(['responseTime', 'certificate', 'latency', 'packetsReceived', 'networkHop', 'grpcHealthcheckStatus']);

function assertions(v: Value | undefined): Json[] {
  return (Array.isArray(v) ? v : []).map((x) => {
    const a = obj(x);
    const type = str(a.type) ?? '';
    const target = a.target === undefined ? undefined : NUMBER_TARGETS.has(type) ? num(a.target) : String(a.target as string);
    return defined({ type, operator: str(a.operator), property: str(a.property), target });
  });
}

function request(i: Record<string, Value>): Json {
  const def = obj(i.requestDefinition);
  const method = str(def.method);
  const body = str(def.body);
  const headers = obj(i.requestHeaders);
  return defined({
    method,
    url: str(def.url),
    // Bodies of GET, HEAD and DELETE requests are not sent (buildDatadogSyntheticsAPITest).
    body: body && !['GET', 'HEAD', 'DELETE'].includes(method ?? '') ? body : undefined,
    headers: Object.keys(headers).length > 0 ? headers : undefined,
  });
}

function step(v: Value): Json {
  const s = obj(v);
  const extracted = Array.isArray(s.extractedValues) ? s.extractedValues.map(obj) : [];
  return {
    name: str(s.name) ?? '',
    subtype: str(s.subtype) ?? 'http',
    request: {
      ...request(s),
      timeout: 0,
      allow_insecure: false,
      follow_redirects: false,
      persistCookies: false,
      noSavingResponseBody: false,
    },
    assertions: assertions(s.assertions),
    extractedValues: extracted.map((e) => ({
      name: str(e.name),
      type: str(e.type),
      parser: defined({ type: str(obj(e.parser).type), value: str(obj(e.parser).value) }),
    })),
    allowFailure: false,
    exitIfSucceed: false,
    isCritical: false,
    extractedValuesFromScript: '',
  };
}

/** A test as GET /api/v1/synthetics/tests/api/{public_id} gives it (the list leaves out `config.steps`). */
export function publishSynthetic(r: DesiredResource, publicId: string, monitorId: number): ApiSyntheticsTest {
  const i = r.inputs;
  const o = obj(i.optionsList);
  const retry = obj(o.retry);
  const mo = obj(o.monitorOptions);
  const subtype = str(i.subtype) ?? 'http';
  const config: Json =
    subtype === 'multi'
      ? { assertions: [], configVariables: [], steps: (Array.isArray(i.apiSteps) ? i.apiSteps : []).map(step) }
      : { request: request(i), assertions: assertions(i.assertions), configVariables: [] };
  return {
    public_id: publicId,
    monitor_id: monitorId,
    name: str(i.name) ?? '',
    type: str(i.type) ?? 'api',
    subtype,
    status: str(i.status) ?? 'live',
    message: str(i.message) ?? '',
    tags: Array.isArray(i.tags) ? i.tags.filter((x): x is string => typeof x === 'string') : [],
    locations: Array.isArray(i.locations) ? i.locations.filter((x): x is string => typeof x === 'string') : [],
    config,
    options: defined({
      tick_every: num(o.tickEvery),
      min_location_failed: num(o.minLocationFailed),
      retry: Object.keys(retry).length > 0 ? defined({ count: num(retry.count), interval: num(retry.interval) }) : undefined,
      monitor_priority: num(o.monitorPriority),
      monitor_name: str(o.monitorName),
      monitor_options: defined({ renotify_interval: num(mo.renotifyInterval), escalation_message: str(mo.escalationMessage) }),
    }),
  } as ApiSyntheticsTest;
}

/** The monitor Datadog creates for a synthetic test (type `synthetics alert`), as GET /api/v1/monitor lists it. */
function testMonitor(t: ApiSyntheticsTest, id: number): ApiMonitor {
  return {
    id,
    name: t.options?.monitor_name ?? t.name ?? '',
    type: 'synthetics alert',
    query: `"synthetics.test_run".over("public_id:${t.public_id}").last(1).count_by_status()`,
    message: t.message ?? '',
    tags: [...(t.tags ?? [])],
    priority: t.options?.monitor_priority ?? null,
    options: { synthetics_check_id: t.public_id, thresholds: { critical: 1 }, notify_no_data: false, include_tags: true },
  } as ApiMonitor;
}

export interface PublishedAccount {
  /** GET /api/v1/monitor: the query monitors, then the synthetic tests' own monitors. */
  readonly monitors: ApiMonitor[];
  /** GET /api/v1/synthetics/tests/api/{public_id}, by public id. */
  readonly tests: ApiSyntheticsTest[];
  /** The id given to each published resource, by its name. */
  readonly ids: ReadonlyMap<string, string>;
}

/** Publishes the monitors and synthetic tests of rendered resources (other types are left out). */
export function publishMonitors(resources: readonly DesiredResource[], firstId = 1000): PublishedAccount {
  const monitors: ApiMonitor[] = [];
  const tests: ApiSyntheticsTest[] = [];
  const ids = new Map<string, string>();
  let next = firstId;
  for (const r of resources) {
    if (r.type === DATADOG.monitor.type) {
      const m = publishMonitor(r, next++);
      monitors.push(m);
      ids.set(r.name, String(m.id));
    } else if (r.type === DATADOG.synthetics.type) {
      const n = next++;
      const publicId = `${n.toString(36).padStart(3, '0').slice(-3)}-${(n * 7).toString(36).padStart(3, '0').slice(-3)}-${(n * 13).toString(36).padStart(3, '0').slice(-3)}`;
      const t = publishSynthetic(r, publicId, next++);
      tests.push(t);
      monitors.push(testMonitor(t, t.monitor_id ?? 0));
      ids.set(r.name, publicId);
    }
  }
  return { monitors, tests, ids };
}
